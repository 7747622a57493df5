import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserSession } from '../export/browser/browser.js';
import { BrowserLease } from '../export/browser/browser-lease.js';
import { CACHE_FILE } from '../export/output/build-cache.js';
import type { Problem } from '../core/problem.js';
import { BROWSER_FORMATS, type Format } from './formats.js';

// The build's entry: it owns the build's browser and starts it at once when every output will
// be rebuilt (--force, or an output folder no build has written), so that Chromium's start
// (half a second of a second core) overlaps loading and checking the deck instead of following
// them. The build itself (build-deck.ts) and the parsers it needs are loaded meanwhile.

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

/**
 * Builds the requested outputs whose inputs changed since the last build. Files are staged and
 * renamed into the output folder only after every one of them succeeded: a failed build leaves
 * the previous outputs as they were.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const step: Step = async (name, fn) => {
    progress({ step: name, state: 'start' });
    const t0 = performance.now();
    const value = await fn();
    progress({ step: name, state: 'done', ms: performance.now() - t0 });
    return value;
  };
  // `await using` ends the browser (unless shared) however the build ends: done, failed or
  // interrupted (an invalid deck ends a browser started early, unused).
  await using browser = new BrowserLease(
    opts.sharedBrowser ?? (async () => (await import('../export/browser/browser.js')).openBrowser()),
    { borrowed: opts.sharedBrowser !== undefined },
  );
  const printing = opts.formats.filter((f) => BROWSER_FORMATS.includes(f)).length;
  if (printing > 0 && !opts.sharedBrowser && (await everythingStale(opts)))
    void browser
      .session((start) => step('browser', start))
      .then(
        (s) => s.warm(printing),
        () => undefined,
      );
  const { buildDeck } = await import('./build-deck.js');
  // Awaited here: the lease must outlive the build.
  return await buildDeck(opts, browser, step);
}

/** Known before the deck is read: every output is rebuilt (--force, or no build cache in the output folder). */
async function everythingStale(opts: BuildOptions): Promise<boolean> {
  if (opts.force) return true;
  const cache = join(resolve(opts.cwd ?? process.cwd(), opts.out), CACHE_FILE);
  return (await stat(cache).catch(() => null)) === null;
}
