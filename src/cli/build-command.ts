import { ExitCode, LecternError } from '../core/errors.js';
import { parseFormats, type Format } from '../build/formats.js';
import type { Reporter } from './report.js';
import { interruptedError } from '../core/interrupted.js';
import { ownInterrupts } from './early-interrupt.js';
import { removeOwn } from '../export/output/abandoned.js';
import { resolve } from 'node:path';

// `lectern build`: one deck, or a library of decks in one browser. It loads the build when it
// runs: an unchanged rebuild should not pay for loading Marp.

export async function runBuild(
  o: {
    decks: string[];
    out: string;
    format: string;
    cwd: string;
    debug: boolean;
    force: boolean;
    chapters?: string;
  },
  reporter: Reporter,
): Promise<number> {
  // Ctrl-C mid-build: the build stops and its `await using` declarations remove the temporary
  // files and the browser; the previous outputs were never touched. The process then exits at
  // once rather than wait for work the build no longer awaits (a PDF being finished). Whatever
  // fails once the build is stopped (a browser call cut off, a cleanup step) is part of the
  // interruption: the run ends with 130, never with an internal error.
  const controller = new AbortController();
  const interrupted = () => controller.abort();
  const stray = (err: unknown) => {
    if (controller.signal.aborted) return;
    process.exit(reporter.fail(err, o.debug));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  ownInterrupts();
  process.on('uncaughtException', stray);
  process.on('unhandledRejection', stray);
  try {
    const formats = parseFormats(o.format);
    const code =
      o.decks.length > 1
        ? await runLibrary({ ...o, formats, signal: controller.signal }, reporter)
        : await buildOne(o, formats, controller.signal, reporter);
    if (controller.signal.aborted) process.exit(reporter.fail(lateInterruption(), o.debug));
    return code;
  } catch (err) {
    if (controller.signal.aborted)
      await removeOwn(resolve(o.cwd, o.out), '.lectern-tmp-').catch(() => undefined);
    const code = reporter.fail(controller.signal.aborted ? interruptedError() : err, o.debug);
    if (code === ExitCode.INTERRUPTED) process.exit(code);
    return code;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    process.off('uncaughtException', stray);
    process.off('unhandledRejection', stray);
  }
}

async function buildOne(
  o: { decks: string[]; out: string; cwd: string; force: boolean; chapters?: string },
  formats: Format[],
  signal: AbortSignal,
  reporter: Reporter,
): Promise<number> {
  // Loaded here, not with the CLI: until the pipeline's modules are read, Ctrl-C is the early
  // handler's (early-interrupt.ts), which is in place only once the CLI's own modules have run.
  const { build } = await import('../build/build.js');
  const result = await build({
    deck: o.decks[0]!,
    out: o.out,
    formats,
    cwd: o.cwd,
    force: o.force,
    chapters: o.chapters,
    onProgress: (e) => reporter.progress(e),
    signal,
  });
  reporter.problems(result.warnings);
  reporter.outputs(result.outputs, result.slides);
  return 0;
}

/** Ctrl-C that came while the finished outputs were being renamed into place. */
function lateInterruption(): LecternError {
  return new LecternError('interrupted after every output was complete: the outputs are written and whole', {
    exit: 'INTERRUPTED',
  });
}

/** Several deck folders: each built into its own folder, every deck's messages as it ends, a summary table last. */
async function runLibrary(
  o: {
    decks: string[];
    out: string;
    formats: Format[];
    cwd: string;
    debug: boolean;
    force: boolean;
    chapters?: string;
    signal: AbortSignal;
  },
  reporter: Reporter,
): Promise<number> {
  const { buildLibrary, worstExitCode } = await import('../build/build-library.js');
  const outcomes = await buildLibrary({
    decks: o.decks,
    out: o.out,
    formats: o.formats,
    cwd: o.cwd,
    force: o.force,
    chapters: o.chapters,
    signal: o.signal,
    onProgress: (e) => reporter.progress(e),
    onDeck: (e) => {
      if (e.state === 'start') return reporter.deckStart(e.deck, e.out);
      if (e.result) {
        reporter.problems(e.result.warnings);
        reporter.outputs(e.result.outputs, e.result.slides);
      } else reporter.fail(e.error, o.debug);
    },
  });
  reporter.summary(outcomes);
  return worstExitCode(outcomes);
}
