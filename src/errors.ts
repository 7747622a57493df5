/**
 * One error class for everything lectern refuses to do, with a table of exit codes
 * (after marp-cli's src/error.ts). Core code throws these; only the CLI prints them.
 */
export const ExitCode = {
  /** Everything written. */
  OK: 0,
  /** Something unexpected: a bug in lectern. */
  INTERNAL: 1,
  /** Wrong command-line usage. */
  USAGE: 2,
  /** The deck has errors (validation, overflow): nothing was written. */
  INVALID_DECK: 3,
  /** An output could not be written (output path is a file, not writable, busy). */
  OUTPUT: 4,
  /** No Chromium-family browser was found. */
  BROWSER_NOT_FOUND: 5,
  /** The browser crashed or timed out. */
  BROWSER_FAILED: 6,
  /** Interrupted (Ctrl-C / SIGTERM); temporary files were removed. */
  INTERRUPTED: 130,
} as const;

export type ExitCodeName = keyof typeof ExitCode;

import type { Problem } from './problem.js';

export class LecternError extends Error {
  /** Every finding when the error is about the deck's content (validation, overflow). */
  readonly problems: readonly Problem[];
  readonly code: ExitCodeName;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(
    message: string,
    opts: {
      code: ExitCodeName;
      file?: string;
      line?: number;
      hint?: string;
      cause?: unknown;
      problems?: readonly Problem[];
    },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LecternError';
    this.code = opts.code;
    this.file = opts.file;
    this.line = opts.line;
    this.hint = opts.hint;
    this.problems = opts.problems ?? [];
  }

  get exitCode(): number {
    return ExitCode[this.code];
  }
}
