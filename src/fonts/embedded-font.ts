import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { wordsOutsideSlides } from '../core/labels.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { charactersWithoutGlyph } from './font-coverage.js';
import { fallbackPackageVersions, planFallback } from './fallback-fonts.js';
import { sfntToWoff } from './woff.js';

/**
 * The CJK font shipped from npm (@fontsource/noto-sans-sc) and cut down to the characters
 * a deck uses: the full simplified-Chinese face is over 1 MB per weight, a deck's subset
 * some 90 KB, so the HTML stays one small file and no output depends on system fonts.
 * Characters that face lacks (emoji, CJK Extension B, some symbols) come from fallback faces
 * (fallback-fonts.ts), declared under the same family with a unicode-range, so every theme
 * that names 'Lectern Sans' gets them without a change.
 * Subsets are written as WOFF, not WOFF2: Brotli in WebAssembly costs seconds per build
 * for a 25% smaller file; the WOFF wrapping uses Node's native zlib.
 */
export const FONT_FAMILY = 'Lectern Sans';
/** The face lectern embeds, by the names a PowerPoint template or a system would give it. */
export const EMBEDDED_FACE = 'Noto Sans SC';
export const EMBEDDED_FACE_NAMES = [EMBEDDED_FACE, 'Noto Sans CJK SC', FONT_FAMILY];
const WEIGHTS = [400, 700] as const;
/** Always kept, so generated text (page numbers, labels, the script's and the timers' words) never falls back. */
const ALWAYS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·—…‘’“”、。《》「」【】！（），：；？' +
  wordsOutsideSlides();

const require = createRequire(import.meta.url);
const cache = new Map<string, Promise<FontSubset>>();
const FONT_VERSIONS = `${(require('@fontsource/noto-sans-sc/package.json') as { version: string }).version} ${fallbackPackageVersions()}`;
const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'lectern', 'fonts');

export const FONT_WEIGHTS = WEIGHTS;

export function fontFile(weight: number): string {
  const pkg = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  return join(pkg, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`);
}

/** The characters of a text, plus the ones lectern itself writes. */
export function glyphsOf(text: string): string {
  const visible = text.replace(/data:[^)"'\s]+/g, '');
  return [...new Set(ALWAYS + visible)]
    .filter((c) => c >= ' ')
    .sort()
    .join('');
}

export interface FontSubset {
  /** @font-face rules with the subsets as data: URIs. */
  css: string;
  /** The regular weight's subset of Noto Sans SC as a TrueType font (its WOFF wrapping is tested on it). */
  regular: Uint8Array;
  /** Characters of the text that no embedded face has a glyph for. */
  missing: string[];
}

/** The deck's font subset: computed once per set of characters, and kept on disk between builds. */
export function embeddedFont(text: string): Promise<FontSubset> {
  const glyphs = glyphsOf(text);
  const key = createHash('sha256').update(FONT_VERSIONS).update('\0').update(glyphs).digest('hex');
  let subset = cache.get(key);
  if (!subset) {
    subset = buildSubset(glyphs, key);
    cache.set(key, subset);
    subset.catch(() => cache.delete(key));
  }
  return subset;
}

/** @font-face rules that load the whole font from a URL: the dev server's, where a subset per keystroke would be slow. */
export function servedFontCss(urlFor: (weight: number) => string): string {
  return WEIGHTS.map(
    (weight) =>
      `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${weight}; font-style: normal; src: url(${urlFor(weight)}) format('woff2'); }`,
  ).join('\n');
}

async function buildSubset(glyphs: string, key: string): Promise<FontSubset> {
  const main = await Promise.all(
    WEIGHTS.map((weight) => subsetOf(fontFile(weight), glyphs, `${key}-${weight}`)),
  );
  const lacking = await cached(`${key}-lacking.json`, async () =>
    Buffer.from(JSON.stringify(charactersWithoutGlyph(main[0]!, glyphs))),
  );
  const faces = await Promise.all(
    main.map(async (sfnt, i) => fontFace(WEIGHTS[i]!, await woffOf(sfnt, `${key}-${WEIGHTS[i]}`))),
  );
  // A slice's CSS range may claim a character its font lacks (☐ in a Noto Sans JP slice): its
  // subset then has an empty cmap, which browsers refuse. Such characters go to the next slice
  // that claims them, and are reported missing when none has them.
  let pending = JSON.parse(Buffer.from(lacking).toString('utf8')) as string[];
  const tried = new Set<string>();
  const unrendered: string[] = [];
  while (pending.length) {
    const plan = planFallback(pending, tried);
    unrendered.push(...plan.unrendered);
    pending = [];
    for (const slice of plan.slices) {
      tried.add(slice.key);
      const names = WEIGHTS.map((weight) => `${key}-${slice.file(weight).split(/[\\/]/).pop()}`);
      const subsets = await Promise.all(
        WEIGHTS.map((weight, i) => subsetOf(slice.file(weight), slice.chars.join(''), names[i]!)),
      );
      // Kept on disk like the subsets: reading a font's cmap loads fontkit (some 150 ms).
      const file = slice.file(WEIGHTS[0]!).split(/[\\/]/).pop();
      const absent = JSON.parse(
        Buffer.from(
          await cached(`${key}-${file}-lacking.json`, async () =>
            Buffer.from(JSON.stringify(charactersWithoutGlyph(subsets[0]!, slice.chars))),
          ),
        ).toString('utf8'),
      ) as string[];
      pending.push(...absent);
      const present = slice.chars.filter((c) => !absent.includes(c));
      if (!present.length) continue;
      const range = present.map((c) => `U+${(c.codePointAt(0) as number).toString(16)}`).join(', ');
      for (const [i, sfnt] of subsets.entries())
        faces.push(fontFace(WEIGHTS[i]!, await woffOf(sfnt, names[i]!), range));
    }
  }
  return { css: faces.join('\n'), regular: main[0]!, missing: unrendered };
}

function fontFace(weight: number, woff: Uint8Array, unicodeRange?: string): string {
  return [
    '@font-face {',
    `  font-family: '${FONT_FAMILY}';`,
    `  font-weight: ${weight};`,
    '  font-style: normal;',
    `  src: url(data:font/woff;base64,${Buffer.from(woff).toString('base64')}) format('woff');`,
    unicodeRange ? `  unicode-range: ${unicodeRange};` : '',
    '}',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Subsetting runs HarfBuzz in WebAssembly, about half a second a weight; the result depends
 * only on the characters and the font packages, so it is kept in node_modules/.cache.
 */
async function subsetOf(file: string, glyphs: string, name: string): Promise<Uint8Array> {
  return cached(`${name}.ttf`, async () => {
    const { default: subsetFont } = await import('subset-font');
    return subsetFont(await readFile(file), glyphs, { targetFormat: 'sfnt' });
  });
}

/** A subset as WOFF, kept beside it: compressing its tables took every build some 60 ms. */
async function woffOf(sfnt: Uint8Array, name: string): Promise<Uint8Array> {
  return cached(`${name}.woff`, async () => sfntToWoff(sfnt));
}

async function cached(name: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const path = join(CACHE_DIR, name);
  const hit = await readFile(path).catch(() => null);
  if (hit) return hit;
  const made = await make();
  // A cache that cannot be written (read-only install) only costs time.
  await mkdir(CACHE_DIR, { recursive: true })
    .then(() => writeFile(`${path}.${process.pid}`, made))
    .then(() => rename(`${path}.${process.pid}`, path))
    .catch(() => undefined);
  return made;
}
