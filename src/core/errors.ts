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

import type { FindingCode, Problem } from './problem.js';

/** What an error that carries no findings counts as in `check --json`, unless it names its own. */
const FINDING_OF_EXIT: Record<ExitCodeName, FindingCode> = {
  OK: 'internal',
  INTERNAL: 'internal',
  USAGE: 'usage',
  INVALID_DECK: 'deck-invalid',
  OUTPUT: 'output-unwritable',
  BROWSER_NOT_FOUND: 'browser-missing',
  BROWSER_FAILED: 'browser-failed',
  INTERRUPTED: 'interrupted',
};

export class LecternError extends Error {
  /** Every finding when the error is about the deck's content (validation, overflow). */
  readonly problems: readonly Problem[];
  /** How lectern exits: a name from the exit-code table (not a finding's code). */
  readonly exit: ExitCodeName;
  /** What the error is among `check --json`'s findings when it carries none of its own. */
  readonly finding: FindingCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(
    message: string,
    opts: {
      exit: ExitCodeName;
      finding?: FindingCode;
      file?: string;
      line?: number;
      hint?: string;
      cause?: unknown;
      problems?: readonly Problem[];
    },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'LecternError';
    this.exit = opts.exit;
    this.finding = opts.finding ?? FINDING_OF_EXIT[opts.exit];
    this.file = opts.file;
    this.line = opts.line;
    this.hint = opts.hint;
    this.problems = opts.problems ?? [];
  }

  get exitCode(): number {
    return ExitCode[this.exit];
  }
}
