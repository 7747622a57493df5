import { relative } from 'node:path';
import { LecternError } from '../errors.js';
import type { BuiltOutput, ProgressEvent } from '../build.js';
import { formatProblem, type Problem } from '../problem.js';

/** Everything the CLI prints goes through here: core code only returns and throws. */
export interface Reporter {
  progress(e: ProgressEvent): void;
  problems(ps: readonly Problem[]): void;
  outputs(outs: readonly BuiltOutput[], slides: number): void;
  fail(err: unknown, debug: boolean): number;
}

const STEP_NAMES: Record<string, string> = {
  prepare: 'checking and composing the deck',
  html: 'HTML',
  browser: 'starting the browser',
  pdf: 'slides PDF',
  handout: 'handout PDF',
  script: 'speaker script PDF',
  pptx: 'PPTX',
  'pptx-editable': 'editable PPTX',
  images: 'slide pictures (PNG)',
  share: 'share copy (HTML, no notes)',
};

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function createReporter(opts: { quiet: boolean; cwd: string }): Reporter {
  const err = process.stderr;
  const tty = Boolean(err.isTTY);
  return {
    progress(e) {
      if (opts.quiet) return;
      const name = STEP_NAMES[e.step] ?? e.step;
      if (e.state === 'start') {
        if (tty) err.write(`  … ${name}`);
      } else {
        const line = `  ✓ ${name} (${(e.ms / 1000).toFixed(1)} s)`;
        err.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      }
    },
    problems(ps) {
      for (const p of ps) {
        if (opts.quiet && p.severity === 'warning') continue;
        err.write(`${formatProblem(p)}\n`);
      }
    },
    outputs(outs, slides) {
      if (opts.quiet) return;
      process.stdout.write(`${slides} slides\n`);
      for (const o of outs) process.stdout.write(`  ${relative(opts.cwd, o.path).padEnd(36)} ${humanSize(o.bytes).padStart(9)}${o.unchanged ? '  (unchanged)' : ''}\n`);
    },
    fail(e, debug) {
      if (tty) err.write('\r\x1b[2K');
      if (e instanceof LecternError) {
        for (const p of e.problems) err.write(`${formatProblem(p)}\n`);
        const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}: ` : '';
        err.write(`lectern: ${where}${e.message}\n`);
        if (e.hint) err.write(`    hint: ${e.hint}\n`);
        if (debug && e.cause instanceof Error && e.cause.stack) err.write(`${e.cause.stack}\n`);
        return e.exitCode;
      }
      const message = e instanceof Error ? e.message : String(e);
      err.write(`lectern: internal error: ${message}\n`);
      err.write(debug && e instanceof Error && e.stack ? `${e.stack}\n` : '    hint: run again with --debug to see where it failed, and report it\n');
      return 1;
    },
  };
}
