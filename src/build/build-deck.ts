import { join, resolve } from 'node:path';
import { assertOutsideDeck } from '../export/output/out-dir.js';
import { assertOutputsAvoid, assertReplaceable, type OutputTarget } from '../export/output/output-targets.js';
import {
  CACHE_FILE,
  ENGINE_VERSIONS,
  inputDigest,
  isCurrent,
  outputKey,
  pathBytes,
  readCache,
  standingWarnings,
  WARNINGS_FILE,
  withStandingWarnings,
} from '../export/output/build-cache.js';
import { agendaPages } from '../compose/agenda-pages.js';
import { Staging } from '../export/output/staging.js';
import { BROWSER_FORMATS, cacheName, outputFiles, outputTargets, type Format } from './formats.js';
import { loadDeck } from '../load/load-deck.js';
import { SLIDE_CACHE_FILE, SlideCache } from '../load/slide-cache.js';
import { PICTURE_CACHE_FILE, PictureBook } from '../load/picture-book.js';
import {
  LECTERN_VERSION as version,
  PACKAGE_FOLDERS,
  PACKAGE_ROOT,
  THEMES_DIR,
} from '../core/package-root.js';
import { warningsOf } from '../core/problem.js';
import { requireValid, validateDeck } from '../validate/validate-deck.js';
import { parseChapterSelection, selectChapters } from '../compose/chapter-selection.js';
import { LecternError } from '../core/errors.js';
import { Jobs } from './build-jobs.js';
import { interruptedError, unlessInterrupted } from '../core/interrupted.js';
import type { BrowserLease } from '../export/browser/browser-lease.js';
import type { BuildOptions, BuildResult, BuiltOutput, Step } from './build-types.js';
import { blockedRequestProblems } from '../render/resource-audit.js';

/**
 * The build of one deck (see build.ts): its browser is the caller's lease, started already
 * when the caller knew every output would be rebuilt.
 */
export async function buildDeck(opts: BuildOptions, browser: BrowserLease, step: Step): Promise<BuildResult> {
  const cwd = opts.cwd ?? process.cwd();
  const outDir = resolve(cwd, opts.out);

  // The unchanged-rebuild path reads files and hashes them; no renderer or browser is loaded,
  // the slides are the last build's reading of the same text, and the pictures its verdicts.
  const versions = `${version}\0${ENGINE_VERSIONS}`;
  const slideCache = await SlideCache.open(join(outDir, SLIDE_CACHE_FILE), versions);
  const pictures = await PictureBook.open(join(outDir, PICTURE_CACHE_FILE), versions);
  const loaded = await loadDeck(opts.deck, cwd, slideCache.read, pictures);
  const validation = validateDeck(loaded);
  const whole = requireValid(loaded, validation);
  const model = opts.chapters ? selectChapters(whole, parseChapterSelection(opts.chapters, whole)) : whole;
  await assertOutsideDeck(loaded.dir, outDir, opts.out);
  const name = model.name;
  const caches: OutputTarget[] = [SLIDE_CACHE_FILE, CACHE_FILE].map((file) => ({
    name: file,
    folder: false,
  }));
  await assertOutputsAvoid(
    outDir,
    [...opts.formats.flatMap((f) => outputFiles(name, f)), ...caches.map((c) => c.name)],
    [
      { path: loaded.dir, label: 'the deck folder' },
      ...(opts.otherDecks ?? []).map((d) => ({
        path: resolve(cwd, d),
        label: 'a deck folder of this build',
      })),
      { path: PACKAGE_ROOT, label: "lectern's own folder", holdsOutputs: true },
      ...PACKAGE_FOLDERS.map((path) => ({ path, label: "a folder of lectern's own" })),
    ],
    opts.out,
  );
  // Title, agenda, a divider and the content of each chapter, closing: as composeDeck lays
  // them out. Composing waits for a stale output: it reads every slide with Marp.
  const slides =
    2 +
    agendaPages(model.course ?? model.chapters, model.size).length +
    model.chapters.reduce((n, c) => n + 1 + c.slides.length, 0);
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
  // What would be published over is checked before any work (and again when publishing).
  const targets = [...stale.flatMap((f) => outputTargets(name, f)), ...caches];
  if (stale.length > 0) await assertReplaceable(outDir, targets, cache);
  if (stale.length === 0) {
    const outputs = await Promise.all(
      opts.formats.flatMap((f) => outputFiles(name, f).map((file) => describe(f, join(outDir, file), true))),
    );
    // The last build's warnings stand: an unchanged rebuild prints them again.
    const warnings = (await standingWarnings(outDir, digest)) ?? warningsOf(validation.problems);
    return { outputs, warnings, slides };
  }

  // The browser starts (unless it has) while the deck is prepared: one mostly waits, the other
  // computes; its windows open then too, one for each output that prints.
  const printing = stale.filter((f) => BROWSER_FORMATS.includes(f)).length;
  if (printing > 0)
    void browser
      .session((start) => step('browser', start))
      .then(
        (s) => s.warm(printing),
        () => undefined,
      );
  // Diagrams are drawn in the browser, even for the HTML alone: started when a diagram is not
  // in the output folder's cache (a deck without diagrams, or with unchanged ones, needs none).
  const { DiagramRenderer, DIAGRAM_CACHE_FILE } = await import('./diagrams.js');
  const diagrams = await DiagramRenderer.open(join(outDir, DIAGRAM_CACHE_FILE), () => browser.session(), {
    pictures: stale.includes('pptx'),
  });
  // A first build of a deck that mentions mermaid loads it while the deck is composed (a hint
  // from the text: the fences are read from Marp's tokens when the deck is composed), in two
  // windows when it mentions it twice (diagrams are drawn two at a time: diagram-bins.ts).
  const mentions = model.chapters.reduce(
    (n, c) => c.slides.reduce((m, s) => m + (s.markdown.match(/mermaid/gi)?.length ?? 0), n),
    0,
  );
  if (diagrams.empty && mentions > 0) diagrams.warm(mentions);
  const { prepareValidDeck } = await import('./prepare-deck.js');
  const deck = await unlessInterrupted(
    step('prepare', () =>
      prepareValidDeck(loaded, model, validation.problems, { diagrams }).finally(() =>
        diagrams.releaseWarm(),
      ),
    ),
    opts.signal,
  );
  const { composed } = deck;
  await using staging = await Staging.open(outDir);
  const jobs = new Jobs(deck, staging, browser, stale);
  jobs.startSlides();
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
  // A slide that overflows or collides is an error, as in `check`: nothing is written. An
  // HTML-only build opens no browser, so it is not measured (README: check and exit codes).
  const misfits = stale.some((f) => BROWSER_FORMATS.includes(f)) ? await jobs.fitProblems() : [];
  if (misfits.length > 0) {
    throw new LecternError(
      `${loaded.shownDir} has ${misfits.length} slide${misfits.length === 1 ? '' : 's'} that do not fit; nothing was written`,
      { exit: 'INVALID_DECK', problems: [...deck.warnings, ...jobs.warnings, ...misfits] },
    );
  }
  // From here on the outputs are renamed into place: Ctrl-C no longer stops the build halfway.
  if (opts.signal?.aborted) throw interruptedError();
  const record = { ...cache };
  for (const format of stale) {
    for (const file of outputFiles(name, format))
      record[file] = { key: keys.get(format)!, bytes: await pathBytes(staging.path(file)) };
  }
  const warnings = [...deck.warnings, ...jobs.warnings];
  await staging.write(WARNINGS_FILE, await withStandingWarnings(outDir, digest, warnings));
  await staging.write(CACHE_FILE, JSON.stringify(record, null, 2));
  await staging.write(SLIDE_CACHE_FILE, JSON.stringify(slideCache));
  await staging.write(PICTURE_CACHE_FILE, JSON.stringify(pictures));
  await staging.write(DIAGRAM_CACHE_FILE, JSON.stringify(diagrams));
  // Every target is checked before the first is renamed; the build cache goes last: it says
  // the outputs before it are current.
  const late = [WARNINGS_FILE, PICTURE_CACHE_FILE, DIAGRAM_CACHE_FILE].map((file) => ({
    name: file,
    folder: false,
  }));
  const last = targets.filter((t) => t.name === CACHE_FILE);
  await staging.publishAll([...targets.filter((t) => t.name !== CACHE_FILE), ...late, ...last], cache);
  const outputs = await Promise.all(
    opts.formats.flatMap((f) =>
      outputFiles(name, f).map((file) => describe(f, join(outDir, file), !stale.includes(f))),
    ),
  );
  return { outputs, warnings, slides };
}

async function describe(format: Format, path: string, unchanged: boolean): Promise<BuiltOutput> {
  return { format, path, bytes: await pathBytes(path), unchanged };
}
