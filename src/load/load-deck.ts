import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { isInside } from '../core/path-within.js';
import { LecternError } from '../core/errors.js';
import { error, type FindingCode, type Problem } from '../core/problem.js';
import { parseFrontMatter } from './front-matter.js';
import { loadImages } from './load-images.js';
import { PictureBook } from './picture-book.js';
import { readSource } from './read-source.js';
import type { SlideReader } from './slide-cache.js';
import { readSlides, unclosedProblem } from './split-slides.js';
import { headingLevels, MARP_DIRECTIVES } from '../engine/marp-directives.js';
import type { LoadedDeck, SourceFile } from './loaded-deck.js';
import { CHAPTER_FILE, meantChapterName } from './chapter-files.js';
import { backgroundImageUrls } from './background-directive.js';
import { loadPptxTemplate } from './pptx-template.js';
import { templateLogoKey } from './template/template-model.js';

/**
 * Marp's directives are read from front matter as Marp reads them (loose YAML: one-line values
 * are text); lectern's own keys (title, lang, theme, size, and a chapter's title) stay strict YAML.
 */
const DECK_LOOSE = MARP_DIRECTIVES.filter((k) => !['title', 'lang', 'theme', 'size'].includes(k));
const CHAPTER_LOOSE = MARP_DIRECTIVES.filter((k) => k !== 'title');

export type { ChapterSource, DeckSource, LoadedDeck, SourceFile } from './loaded-deck.js';
export { CHAPTER_FILE, meantChapterName } from './chapter-files.js';

/**
 * Reads a deck folder. Throws only when the folder itself is unusable; file problems are collected.
 * `read` splits a file's body into slides and `pictures` decodes raster pictures (a build passes
 * ones that remember the last build's).
 */
export async function loadDeck(
  deckPath: string,
  cwd = process.cwd(),
  read: SlideReader = readSlides,
  pictures: PictureBook = PictureBook.inMemory(),
): Promise<LoadedDeck> {
  const dir = resolve(cwd, deckPath);
  const shown = (p: string) => relative(cwd, p) || '.';
  const info = await stat(dir).catch(() => null);
  if (!info) {
    throw new LecternError(`deck folder ${deckPath} does not exist`, {
      exit: 'INVALID_DECK',
      finding: 'deck-folder',
      file: deckPath,
      hint: 'pass the folder that holds deck.md, e.g. `lectern build slides`, or create one with `lectern new <dir>`',
    });
  }
  if (!info.isDirectory()) {
    throw new LecternError(`${deckPath} is a file, not a deck folder`, {
      exit: 'INVALID_DECK',
      finding: 'deck-folder',
      file: deckPath,
      hint: 'pass the folder that holds deck.md and the chapter files, not a single file',
    });
  }
  const loaded: LoadedDeck = {
    dir,
    shownDir: shown(dir),
    chapters: [],
    unreadableChapters: [],
    misnamedChapters: [],
    assets: new Map(),
    problems: [],
  };
  const names = (
    await readdir(dir).catch((err: NodeJS.ErrnoException) => {
      throw new LecternError(`cannot read the deck folder ${deckPath} (${err.code ?? err.message})`, {
        exit: 'INVALID_DECK',
        finding: 'deck-folder',
        file: deckPath,
        hint: 'check that you may read the folder',
      });
    })
  ).sort();
  const realDir = await realpath(dir);
  // deck.md's headingDivider starts slides at headings in every chapter, as Marp does.
  let headingDivider: number[] = [];
  if (names.includes('deck.md')) {
    const file = join(dir, 'deck.md');
    const refused = await sourceFileProblem(file, shown(file), realDir);
    if (refused) loaded.problems.push(refused);
    const parsed = refused ? null : await readParsed(file, shown(file), loaded.problems, DECK_LOOSE);
    if (parsed) {
      headingDivider = headingLevels(parsed.data.headingDivider) ?? [];
      const { slides, unclosed } = read(parsed.body, parsed.bodyLine);
      if (unclosed) loaded.problems.push(unclosedProblem(unclosed, parsed.shownAs));
      const quizLines = slides.flatMap((s) => (s.quiz ? [s.quiz.line] : []));
      loaded.deck = {
        ...parsed,
        notes: slides.flatMap((s) => s.notes),
        ...(quizLines.length ? { quizLines } : {}),
      };
      const logo = (parsed.data.brand as { logo?: unknown } | undefined)?.logo;
      if (typeof logo === 'string') {
        const line = parsed.keyLines['brand.logo'] ?? 1;
        loaded.problems.push(
          ...(await loadImages(dir, [{ src: logo, line }], parsed.shownAs, loaded.assets, pictures)),
        );
      }
      // The company's PowerPoint template, read now: a template lectern cannot use is an error at its line.
      if (parsed.data.pptxTemplate !== undefined) {
        const line = parsed.keyLines.pptxTemplate ?? 1;
        const read = await loadPptxTemplate(dir, parsed.data.pptxTemplate, parsed.shownAs, line);
        if (read.problem) loaded.problems.push(read.problem);
        if (read.template) loaded.template = read.template;
        // Its logo is one of the deck's pictures (fitted as they are) for `theme: template`.
        const logo = read.template?.logo;
        if (logo)
          loaded.assets.set(templateLogoKey(read.template!.file, logo), {
            mime: logo.mime,
            bytes: logo.bytes,
          });
      }
      // A backgroundImage for every slide is embedded as a chapter's `![bg]` is.
      const background = parsed.data.backgroundImage;
      if (typeof background === 'string') {
        const line = parsed.keyLines.backgroundImage ?? 1;
        const images = backgroundImageUrls(background).map((src) => ({ src, line }));
        loaded.problems.push(...(await loadImages(dir, images, parsed.shownAs, loaded.assets, pictures)));
      }
    }
  } else {
    loaded.problems.push(
      error(
        'deck-missing',
        { file: join(loaded.shownDir, 'deck.md') },
        'deck.md is missing',
        'create deck.md with front matter `title: <course title>` (see README: the source format)',
      ),
    );
  }
  for (const name of names) {
    const m = CHAPTER_FILE.exec(name);
    const near = m ? undefined : meantChapterName(name);
    if (near) loaded.misnamedChapters.push({ name, ...near });
    if (!m) continue;
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) continue;
    const refused = await sourceFileProblem(file, shown(file), realDir);
    if (refused) {
      loaded.problems.push(refused);
      loaded.unreadableChapters.push(Number(m[1]));
      continue;
    }
    const parsed = await readParsed(file, shown(file), loaded.problems, CHAPTER_LOOSE);
    if (!parsed) {
      loaded.unreadableChapters.push(Number(m[1]));
      continue;
    }
    const { slides, unclosed } = read(parsed.body, parsed.bodyLine, headingDivider);
    if (unclosed) loaded.problems.push(unclosedProblem(unclosed, parsed.shownAs));
    loaded.chapters.push({ ...parsed, number: Number(m[1]), slug: m[2] as string, slides });
    loaded.problems.push(
      ...(await loadImages(
        dir,
        slides.flatMap((s) => s.images),
        parsed.shownAs,
        loaded.assets,
        pictures,
      )),
    );
  }
  return loaded;
}

/**
 * Why a source file cannot be read, or null: a link to a file outside the deck or to nothing,
 * or something other than a regular file (reading a FIFO or a device would never end).
 */
async function sourceFileProblem(file: string, shownAs: string, realDir: string): Promise<Problem | null> {
  const fail = (code: FindingCode, message: string, hint: string): Problem =>
    error(code, { file: shownAs, line: 1 }, message, hint);
  const real = await realpath(file).catch(() => null);
  if (!real)
    return fail(
      'unreadable',
      'is a link to a file that does not exist',
      'keep the file itself in the deck folder',
    );
  if (!isInside(realDir, real, { strict: true }))
    return fail(
      'source-outside',
      'is a link to a file outside the deck folder',
      'keep the file itself in the deck folder, not a link to it',
    );
  const info = await stat(real).catch(() => null);
  if (info && !info.isFile() && !info.isDirectory()) {
    return fail(
      'not-a-file',
      'is not a regular file (a FIFO, socket or device)',
      'save the source as an ordinary markdown file',
    );
  }
  return null;
}

async function readParsed(
  path: string,
  shownAs: string,
  problems: Problem[],
  looseKeys: readonly string[],
): Promise<SourceFile | null> {
  const source = await readSource(path, shownAs);
  if (!source.ok) {
    problems.push(source.problem);
    return null;
  }
  problems.push(...source.warnings);
  const parsed = parseFrontMatter(source.text, shownAs, looseKeys);
  if (!parsed.ok) {
    problems.push(parsed.problem);
    return null;
  }
  return { path, shownAs, ...parsed.value };
}
