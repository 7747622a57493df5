import { relative } from 'node:path';
import { LecternError } from '../core/errors.js';
import type { BuiltOutput, ProgressEvent } from '../build/build.js';
import { formatProblem, type Problem } from '../core/problem.js';
import type { DeckOutcome } from '../build/build-library.js';
import { ExitCode } from '../core/errors.js';
import { formatLabel } from '../build/formats.js';

/** Everything the CLI prints goes through here: core code only returns and throws. */
export interface Reporter {
  progress(e: ProgressEvent): void;
  problems(ps: readonly Problem[]): void;
  outputs(outs: readonly BuiltOutput[], slides: number): void;
  fail(err: unknown, debug: boolean): number;
  /** A library build: the deck that starts now, and the table of every deck at the end. */
  deckStart(deck: string, out: string): void;
  summary(outcomes: readonly DeckOutcome[]): void;
}

/** Steps that are not an output; an output's step is named in the formats table. */
const STEP_NAMES: Record<string, string> = {
  prepare: 'checking and composing the deck',
  browser: 'starting the browser',
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
      const name = STEP_NAMES[e.step] ?? formatLabel(e.step) ?? e.step;
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
      for (const o of outs)
        process.stdout.write(
          `  ${relative(opts.cwd, o.path).padEnd(36)} ${humanSize(o.bytes).padStart(9)}${o.unchanged ? '  (unchanged)' : ''}\n`,
        );
    },
    deckStart(deck, out) {
      if (!opts.quiet) err.write(`\n== ${deck} → ${out}/\n`);
    },
    summary(outcomes) {
      // Printed even with --quiet: in CI it is the one place that names every deck and its result.
      process.stdout.write(`\n${summaryTable(outcomes)}\n`);
    },
    fail(e, debug) {
      // A cleanup that failed after the build had failed: the build's own error is the one to report.
      if (e instanceof Error && e.name === 'SuppressedError' && 'suppressed' in e)
        return this.fail(e.suppressed, debug);
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
      err.write(
        debug && e instanceof Error && e.stack
          ? `${e.stack}\n`
          : '    hint: run again with --debug to see where it failed, and report it\n',
      );
      return 1;
    },
  };
}

/** One row per deck: its folder, what happened, slides, outputs and exit code. */
export function summaryTable(outcomes: readonly DeckOutcome[]): string {
  const rows = outcomes.map((o) => {
    const r = o.result;
    const built = r ? r.outputs.filter((x) => !x.unchanged) : [];
    const status = r
      ? built.length
        ? 'built'
        : 'unchanged'
      : o.error instanceof LecternError
        ? failure(o.error)
        : 'internal error';
    const size = r ? humanSize(r.outputs.reduce((n, x) => n + x.bytes, 0)) : '';
    return [
      o.deck,
      status,
      r ? String(r.slides) : '',
      r ? `${r.outputs.length} in ${o.out}/` : '',
      size,
      String(o.exitCode),
    ];
  });
  const head = ['deck', 'result', 'slides', 'outputs', 'size', 'exit'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 2 || c === 4 || c === 5 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const failed = outcomes.filter((o) => o.exitCode !== ExitCode.OK).length;
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `${outcomes.length - failed} of ${outcomes.length} decks built${failed ? `, ${failed} failed` : ''}`,
  ].join('\n');
}

function failure(e: LecternError): string {
  if (e.exit === 'INVALID_DECK') {
    const n = e.problems.filter((p) => p.severity === 'error').length;
    return `${n} error${n === 1 ? '' : 's'}`;
  }
  return e.message.length > 48 ? `${e.message.slice(0, 47)}…` : e.message;
}
