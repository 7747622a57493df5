import { ExitCode } from '../core/errors.js';

/**
 * Ctrl-C while lectern's modules load, before a command has its own handling: exit 130, as a
 * build interrupted later does, rather than die of the signal. Imported first by main.ts, so it
 * is in place before the other modules run. A command that handles the signal itself (build:
 * removing its temporary files; dev: closing its server) calls `ownInterrupts` first.
 */
const early = () => {
  process.stderr.write('lectern: interrupted before it started; nothing was written\n');
  process.exit(ExitCode.INTERRUPTED);
};
process.on('SIGINT', early);
process.on('SIGTERM', early);

export function ownInterrupts(): void {
  process.off('SIGINT', early);
  process.off('SIGTERM', early);
}
