import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BrowserLease } from '../export/browser/browser-lease.js';
import { CACHE_FILE } from '../export/output/build-cache.js';
import { BROWSER_FORMATS } from './formats.js';
import type { BuildOptions, BuildResult, Step } from './build-types.js';

export type { BuildOptions, BuildResult, BuiltOutput, ProgressEvent, Step } from './build-types.js';

// The build's entry: it owns the build's browser and starts it at once when every output will
// be rebuilt (--force, or an output folder no build has written), so that Chromium's start
// (half a second of a second core) overlaps loading and checking the deck instead of following
// them. The build itself (build-deck.ts) and the parsers it needs are loaded meanwhile.

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
