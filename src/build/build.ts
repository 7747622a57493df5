import { join, resolve } from 'node:path';
import { assertOutsideDeck } from '../export/output/out-dir.js';
import { createRequire } from 'node:module';
import {
  CACHE_FILE,
  ENGINE_VERSIONS,
  inputDigest,
  isCurrent,
  outputKey,
  pathBytes,
  readCache,
} from '../export/output/build-cache.js';
import { Staging } from '../export/output/staging.js';
import { BROWSER_FORMATS, cacheName, outputFiles, type Format } from './formats.js';
import { loadDeck } from '../load/load-deck.js';
import { SLIDE_CACHE_FILE, SlideCache } from '../load/slide-cache.js';
import { THEMES_DIR } from '../core/package-root.js';
import { warningsOf, type Problem } from '../core/problem.js';
import { requireValid, validateDeck } from '../validate/validate-deck.js';
import { parseChapterSelection, selectChapters } from '../compose/chapter-selection.js';
import { LecternError } from '../core/errors.js';
import { Jobs } from './build-jobs.js';
import type { BrowserSession } from '../export/browser/browser.js';
import { interruptedError, unlessInterrupted } from '../core/interrupted.js';
import { BrowserLease } from '../export/browser/browser-lease.js';
import { blockedRequestProblems } from '../render/resource-audit.js';

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

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * Builds the requested outputs whose inputs changed since the last build. Files are staged and
 * renamed into the output folder only after every one of them succeeded: a failed build leaves
 * the previous outputs as they were.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const cwd = opts.cwd ?? process.cwd();
  const outDir = resolve(cwd, opts.out);
  const progress = opts.onProgress ?? (() => undefined);
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    progress({ step: name, state: 'start' });
    const t0 = performance.now();
    const value = await fn();
    progress({ step: name, state: 'done', ms: performance.now() - t0 });
    return value;
  };

  // The unchanged-rebuild path reads files and hashes them; no renderer or browser is loaded,
  // and the slides are the last build's reading of the same text.
  const slideCache = await SlideCache.open(join(outDir, SLIDE_CACHE_FILE), `${version}\0${ENGINE_VERSIONS}`);
  const loaded = await loadDeck(opts.deck, cwd, slideCache.read);
  const validation = validateDeck(loaded);
  const whole = requireValid(loaded, validation);
  const model = opts.chapters ? selectChapters(whole, parseChapterSelection(opts.chapters, whole)) : whole;
  await assertOutsideDeck(loaded.dir, outDir, opts.out);
  const name = model.name;
  // Title, agenda, a divider and the content of each chapter, closing: as composeDeck lays
  // them out. Composing waits for a stale output: it reads every slide with Marp.
  const slides = 3 + model.chapters.reduce((n, c) => n + 1 + c.slides.length, 0);
  const keys = new Map<Format, string>();
  const cache = await readCache(outDir);
  const stale: Format[] = [];
  // A custom theme lives in the deck folder (lectern refuses others), so the folder's hash covers it.
  const themes = [join(THEMES_DIR, 'corporate.css')];
  const digest = await inputDigest(loaded.dir, themes, version, name);
  for (const format of opts.formats) {
    const key = outputKey(digest, cacheName(format, opts.formats));
    keys.set(format, key);
    const current = await Promise.all(
      outputFiles(name, format).map((file) => isCurrent(outDir, cache, file, key)),
    );
    if (opts.force || current.includes(false)) stale.push(format);
  }
  // Ctrl-C ends the build with exit 130 until its outputs are renamed into place.
  if (opts.signal?.aborted) throw interruptedError();
  if (stale.length === 0) {
    const outputs = await Promise.all(
      opts.formats.flatMap((f) => outputFiles(name, f).map((file) => describe(f, join(outDir, file), true))),
    );
    return { outputs, warnings: warningsOf(validation.problems), slides };
  }

  // The browser starts while the deck is prepared: one mostly waits, the other computes. The
  // `await using` declarations end the browser (unless shared) and remove the temporary folder
  // however the build ends: done, failed or interrupted.
  await using browser = new BrowserLease(
    opts.sharedBrowser ?? (async () => (await import('../export/browser/browser.js')).openBrowser()),
    { borrowed: opts.sharedBrowser !== undefined },
  );
  if (stale.some((f) => BROWSER_FORMATS.includes(f))) void browser.session((start) => step('browser', start));
  const { prepareValidDeck } = await import('./prepare-deck.js');
  const deck = await unlessInterrupted(
    step('prepare', () => prepareValidDeck(loaded, model, validation.problems)),
    opts.signal,
  );
  const { composed } = deck;
  await using staging = await Staging.open(outDir);
  const jobs = new Jobs(deck, staging, browser, stale);
  // Wait for every job, even after one failed: cleanup must not race a job still writing.
  const settled = await unlessInterrupted(
    Promise.allSettled(stale.map((format) => step(format, () => jobs.write(format)))),
    opts.signal,
  );
  const blocked = await browser.blocked();
  if (blocked.length > 0) {
    throw new LecternError(
      `the deck made the browser ask for ${blocked.length} address${blocked.length === 1 ? '' : 'es'} outside it; nothing was written`,
      { exit: 'INVALID_DECK', problems: blockedRequestProblems(blocked, composed) },
    );
  }
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  // From here on the outputs are renamed into place: Ctrl-C no longer stops the build halfway.
  if (opts.signal?.aborted) throw interruptedError();
  const record = { ...cache };
  const outputs: BuiltOutput[] = [];
  for (const format of opts.formats) {
    for (const file of outputFiles(name, format)) {
      if (stale.includes(format))
        await staging.publish(file).catch((err: NodeJS.ErrnoException) => {
          throw new LecternError(`cannot replace ${join(opts.out, file)}: ${err.code ?? err.message}`, {
            exit: 'OUTPUT',
            hint: 'make sure the output is a file you can write, not a folder or a file open elsewhere',
          });
        });
      const out = await describe(format, join(outDir, file), !stale.includes(format));
      record[file] = { key: keys.get(format)!, bytes: out.bytes };
      outputs.push(out);
    }
  }
  await staging.write(CACHE_FILE, JSON.stringify(record, null, 2));
  await staging.write(SLIDE_CACHE_FILE, JSON.stringify(slideCache));
  await staging.publish(SLIDE_CACHE_FILE);
  await staging.publish(CACHE_FILE);
  return { outputs, warnings: [...deck.warnings, ...jobs.warnings], slides };
}

async function describe(format: Format, path: string, unchanged: boolean): Promise<BuiltOutput> {
  return { format, path, bytes: await pathBytes(path), unchanged };
}
