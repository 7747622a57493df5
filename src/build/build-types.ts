import type { BrowserSession } from '../export/browser/browser.js';
import type { Problem } from '../core/problem.js';
import type { Format } from './formats.js';

// What a build is asked and what it answers: shared by its entry (build.ts), the build itself
// (build-deck.ts) and the CLI's reporter.

export interface BuildOptions {
  deck: string;
  out: string;
  formats: Format[];
  cwd?: string;
  /** Rebuild every output even when its inputs have not changed. */
  force?: boolean;
  /** A part-day session: `02-04`, `03`, `02,05` (see chapter-selection.ts). */
  chapters?: string;
  /** Called as each slow step starts and ends; the CLI turns these into progress lines. */
  onProgress?: (event: ProgressEvent) => void;
  /** A browser shared by several builds (a library of decks): used when needed, never closed here. */
  sharedBrowser?: () => Promise<BrowserSession>;
  /** Other folders the build must not write into or replace: the other decks of a library. */
  otherDecks?: readonly string[];
  /** Aborted by Ctrl-C: the build stops, removes its temporary folder and browser, and throws exit 130. */
  signal?: AbortSignal;
}

export type ProgressEvent = { step: string; state: 'start' } | { step: string; state: 'done'; ms: number };

export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
  /** True when the output was already up to date and was not rebuilt. */
  unchanged: boolean;
}

export interface BuildResult {
  outputs: BuiltOutput[];
  warnings: Problem[];
  slides: number;
}

/** Times one slow step of the build as a progress event (the CLI prints them). */
export type Step = <T>(name: string, fn: () => Promise<T>) => Promise<T>;
