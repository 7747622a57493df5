import { realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { LecternError } from '../core/errors.js';
import { labelsFor } from '../core/labels.js';
import { escapeMarkdown, notesComment } from '../compose/markdown-text.js';
import { backgroundImageUrls } from '../load/background-directive.js';
import { cutChapters, plainHeading, type ChapterCut, type Split } from './chapters.js';
import { planImages, relinked } from './import-images.js';
import { readMarpSource, type MarpSource } from './marp-source.js';
import { requireEmptyTarget, writeFolderAtomically } from './write-folder.js';

export interface ImportOptions {
  source: string;
  out?: string;
  split?: string;
  cwd?: string;
}

export interface ImportSummary {
  /** The new deck folder, as shown. */
  folder: string;
  slides: number;
  chapters: { file: string; title: string; slides: number }[];
  imagesCopied: number;
  /** Web images: the exact command that downloads each into assets/ (lectern never fetches). */
  downloads: { url: string; command: string }[];
  /** What the import could not settle: each a sentence with its file:line where it has one. */
  toDo: string[];
  files: string[];
}

const MARP_THEMES = ['default', 'gaia', 'uncover'];
/** Keys of a chapter's front matter Marp for VS Code needs to preview it as the deck shows it. */
const PREVIEW_KEYS = ['size', 'headingDivider', 'style', 'math'];
const MAX_CHAPTERS = 98;

/**
 * Writes a deck folder from one Marp file: deck.md (title, theme, size, lang and the file's
 * global directives), a chapter per heading (or per N slides) holding the source's slides,
 * notes and directives as written, a drafted review, and the images in assets/. Nothing of the
 * source is lost or changed; the folder appears whole or not at all.
 */
export async function importDeck(opts: ImportOptions): Promise<ImportSummary> {
  const cwd = opts.cwd ?? process.cwd();
  const split = parseSplit(opts.split);
  const path = resolve(cwd, opts.source);
  const target = resolve(cwd, opts.out ?? basename(opts.source, extname(opts.source)));
  const shownTarget = relative(cwd, target) || '.';
  await requireEmptyTarget(target, shownTarget);
  const src = await readMarpSource(path, relative(cwd, path) || opts.source);
  const cuts = cutChapters(src.front.body, src.front.bodyLine, src.slides, split);
  if (cuts.length > MAX_CHAPTERS) {
    throw new LecternError(
      `${src.shownAs} would make ${cuts.length} chapters; a deck holds at most ${MAX_CHAPTERS}`,
      {
        exit: 'USAGE',
        hint: 'cut by a heading level that starts fewer slides (--split h1) or every N slides (--split 10)',
      },
    );
  }
  const toDo: string[] = [];
  const lines = src.front.body.split('\n');
  const texts = cuts.map((c) => lines.slice(c.from, c.to).join('\n'));
  const extra = movedGlobals(src, texts, toDo);
  const data = { ...extra, ...src.front.data };
  const theme = typeof data.theme === 'string' && data.theme.trim() ? data.theme.trim() : 'default';
  if (!MARP_THEMES.includes(theme) && !/\.css$/i.test(theme))
    toDo.push(
      `deck.md: theme ${theme} is not one lectern has: copy its CSS into the deck folder and write theme: ./${theme}.css`,
    );
  if (data.size !== undefined && data.size !== '16:9' && data.size !== '4:3')
    toDo.push(`deck.md: size ${String(data.size)} is not one lectern makes: write size: "16:9" or "4:3"`);
  const lang = typeof data.lang === 'string' ? data.lang : /[\u3400-\u9fff]/.test(src.text) ? 'zh-CN' : 'en';
  const t = labelsFor(lang);

  const images = [
    ...src.slides.flatMap((s) => s.images),
    ...(typeof src.front.data.backgroundImage === 'string'
      ? backgroundImageUrls(src.front.data.backgroundImage).map((u) => ({ src: u }))
      : []),
  ];
  const plan = await planImages(images, dirname(src.path));
  for (const link of plan.missing)
    toDo.push(`${src.shownAs}: image ${link} was not found; add the file to assets/ and fix its link`);

  const titled = cuts.map((c, i) => ({ ...c, title: c.title || t.importedPart(i + 1) }));
  const n = titled.length;
  const label = (i: number) => String(i + 1).padStart(2, '0');
  const chapterFiles: [string, string][] = titled.map((c, i) => [
    `${label(i)}-${c.slug}.md`,
    chapterFile(c.title, chapterFront(theme, data), relinked(texts[i]!, plan.relink)),
  ]);
  chapterFiles.push([`${label(n)}-review.md`, reviewFile(titled, theme, data, t)]);
  toDo.push(
    `${join(shownTarget, `${label(n)}-review.md`)}: the review was drafted from the chapter headings; edit it`,
  );
  const deckTitle = typeof data.title === 'string' ? data.title : (firstHeading(src) ?? basename(target));
  const deck = deckFile(src, { title: deckTitle, theme, lang, chapters: n, extra }, plan.relink);
  const downloads = [...plan.downloads].map(([url, name]) => ({
    url,
    command: `curl -fL -o ${shellQuote(join(shownTarget, 'assets', name))} ${shellQuote(url)}`,
  }));
  await writeFolderAtomically(target, shownTarget, {
    texts: [['deck.md', deck], ...chapterFiles],
    copies: await Promise.all(
      [...plan.copies].map(
        async ([from, name]) => [await realpath(from), join('assets', name)] as [string, string],
      ),
    ),
  });
  return {
    folder: shownTarget,
    slides: src.slides.filter((s) => s.markdown !== '').length,
    chapters: titled.map((c, i) => ({ file: chapterFiles[i]![0], title: c.title, slides: c.slides.length })),
    imagesCopied: plan.copies.size,
    downloads,
    toDo,
    files: [
      'deck.md',
      ...chapterFiles.map(([f]) => f),
      ...[...plan.copies.values()].map((f) => join('assets', f)),
    ].map((f) => join(shownTarget, f)),
  };
}

function parseSplit(value: string | undefined): Split {
  if (value === undefined || value === 'h1' || value === 'h2') return value ?? 'h1';
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  throw new LecternError(`--split must be h1, h2 or a number of slides, not ${value}`, {
    exit: 'USAGE',
    hint: 'e.g. --split h2 (a chapter at every # and ## slide) or --split 8 (every 8 slides)',
  });
}

/**
 * Global directives written in comments (`<!-- theme: gaia -->`) belong in deck.md: a comment
 * that sets only those leaves its chapter; one that mixes them with a slide's own directives
 * stays and is listed for the user.
 */
function movedGlobals(src: MarpSource, texts: string[], toDo: string[]): Record<string, unknown> {
  const moved: Record<string, unknown> = {};
  for (const g of src.commentGlobals) {
    if (!g.alone) {
      toDo.push(
        `${src.shownAs}:${g.line}: move ${g.key} from this comment to deck.md (the comment sets other directives too)`,
      );
      continue;
    }
    if (g.key in src.front.data) {
      toDo.push(
        `${src.shownAs}:${g.line}: ${g.key} is set in the front matter too; deck.md keeps the front matter's`,
      );
    } else moved[g.key] = g.value;
    const i = texts.findIndex((t) => t.includes(g.markup));
    if (i >= 0) texts[i] = texts[i]!.replace(g.markup, '');
  }
  return moved;
}

function deckFile(
  src: MarpSource,
  o: { title: string; theme: string; lang: string; chapters: number; extra: Record<string, unknown> },
  relink: ReadonlyMap<string, string>,
): string {
  const data = src.front.data;
  const marpLine = src.front.keyLines.marp;
  // The source's front matter as written (comments, block styles), but `marp: true`, which deck.md needs not.
  const own = src.frontLines.filter((_, i) => marpLine === undefined || i + 2 !== marpLine);
  const added = [
    'title' in data ? '' : `title: ${JSON.stringify(o.title)}`,
    'theme' in data ? '' : `theme: ${o.theme}`,
    'lang' in data ? '' : `lang: ${o.lang}`,
    `chapters: ${o.chapters}`,
    ...Object.entries(o.extra).map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
  ].filter(Boolean);
  return ['---', ...added, ...own.map((l) => relinked(l, relink)), '---', ''].join('\n');
}

function chapterFront(theme: string, data: Record<string, unknown>): string[] {
  return [
    'marp: true',
    `theme: ${theme}`,
    ...PREVIEW_KEYS.filter((k) => data[k] !== undefined).map((k) => `${k}: ${JSON.stringify(data[k])}`),
  ];
}

function chapterFile(title: string, front: string[], body: string): string {
  return ['---', ...front, `title: ${JSON.stringify(title)}`, '---', '', body.trim(), ''].join('\n');
}

function reviewFile(
  cuts: ChapterCut[],
  theme: string,
  data: Record<string, unknown>,
  t: ReturnType<typeof labelsFor>,
): string {
  const items = cuts.map((c) => `- ${escapeMarkdown(c.title)}`);
  const body = [`## ${t.review}`, '', ...items, '', notesComment(t.importedReviewNote)].join('\n');
  return chapterFile(t.review, chapterFront(theme, data), body);
}

function firstHeading(src: MarpSource): string | undefined {
  const h = src.slides.flatMap((s) => s.headings)[0];
  return h ? plainHeading(h) || undefined : undefined;
}

const shellQuote = (s: string) => `'${s.split("'").join(`'\\''`)}'`;
