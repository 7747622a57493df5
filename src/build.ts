import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { assertOutsideDeck } from './export/out-dir.js';
import { createRequire } from 'node:module';
import { CACHE_FILE, inputDigest, isCurrent, outputKey, readCache } from './export/build-cache.js';
import { Staging } from './export/staging.js';
import { BROWSER_FORMATS, outputFileName, type Format } from './formats.js';
import { loadDeck } from './load/load-deck.js';
import { THEMES_DIR } from './package-root.js';
import { warningsOf, type Problem } from './problem.js';
import { requireValid, validateDeck } from './validate/validate-deck.js';
import { composeDeck } from './compose/compose-deck.js';
import { LecternError } from './errors.js';
import { Jobs } from './build-jobs.js';
import { blockedRequestProblems } from './render/resource-audit.js';

export interface BuildOptions {
  deck: string;
  out: string;
  formats: Format[];
  cwd?: string;
  /** Rebuild every output even when its inputs have not changed. */
  force?: boolean;
  /** Called as each slow step starts and ends; the CLI turns these into progress lines. */
  onProgress?: (event: ProgressEvent) => void;
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

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

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

  // The unchanged-rebuild path reads files and hashes them; no renderer or browser is loaded.
  const loaded = await loadDeck(opts.deck, cwd);
  const validation = validateDeck(loaded);
  const model = requireValid(loaded, validation);
  await assertOutsideDeck(loaded.dir, outDir, opts.out);
  const name = model.name;
  const composed = composeDeck(model);
  const slides = composed.slides.length;
  const keys = new Map<Format, string>();
  const cache = await readCache(outDir);
  const stale: Format[] = [];
  // A custom theme lives in the deck folder (lectern refuses others), so the folder's hash covers it.
  const themes = [join(THEMES_DIR, 'corporate.css')];
  const digest = await inputDigest(loaded.dir, themes, version, name);
  for (const format of opts.formats) {
    const key = outputKey(digest, format);
    keys.set(format, key);
    if (opts.force || !(await isCurrent(outDir, cache, outputFileName(name, format), key))) stale.push(format);
  }
  if (stale.length === 0) {
    const outputs = await Promise.all(opts.formats.map(async (f) => describe(f, join(outDir, outputFileName(name, f)), true)));
    return { outputs, warnings: warningsOf(validation.problems), slides };
  }

  // The browser starts while the deck is prepared: one mostly waits, the other computes.
  const browser = stale.some((f) => BROWSER_FORMATS.includes(f)) ? step('browser', async () => (await import('./export/browser.js')).openBrowser()) : undefined;
  browser?.catch(() => undefined);
  try {
    const { prepareValidDeck } = await import('./prepare-deck.js');
    const deck = await step('prepare', () => prepareValidDeck(loaded, model, validation.problems, { composed }));
    const staging = await Staging.open(outDir);
    const jobs = new Jobs(deck, staging, browser, stale);
    try {
      // Wait for every job, even after one failed: cleanup must not race a job still writing.
      const settled = await Promise.allSettled(stale.map((format) => step(format, () => jobs.write(format))));
      const blocked = browser ? await browser.then((s) => s.blocked(), () => []) : [];
      if (blocked.length > 0) {
        throw new LecternError(`the deck made the browser ask for ${blocked.length} address${blocked.length === 1 ? '' : 'es'} outside it; nothing was written`, { code: 'INVALID_DECK', problems: blockedRequestProblems(blocked, composed) });
      }
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      const record = { ...cache };
      const outputs: BuiltOutput[] = [];
      for (const format of opts.formats) {
        const file = outputFileName(deck.model.name, format);
        if (stale.includes(format)) await staging.publish(file).catch((err: NodeJS.ErrnoException) => {
          throw new LecternError(`cannot replace ${join(opts.out, file)}: ${err.code ?? err.message}`, { code: 'OUTPUT', hint: 'make sure the output is a file you can write, not a folder or a file open elsewhere' });
        });
        const out = await describe(format, join(outDir, file), !stale.includes(format));
        record[file] = { key: keys.get(format)!, bytes: out.bytes };
        outputs.push(out);
      }
      await staging.write(CACHE_FILE, JSON.stringify(record, null, 2));
      await staging.publish(CACHE_FILE);
      return { outputs, warnings: [...deck.warnings, ...jobs.warnings], slides };
    } finally {
      await jobs.close();
      await staging.close();
    }
  } finally {
    await browser?.then((s) => s.close(), () => undefined);
  }
}

async function describe(format: Format, path: string, unchanged: boolean): Promise<BuiltOutput> {
  return { format, path, bytes: (await stat(path)).size, unchanged };
}
