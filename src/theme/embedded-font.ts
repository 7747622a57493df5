import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { sfntToWoff } from './woff.js';

/**
 * The CJK font shipped from npm (@fontsource/noto-sans-sc) and cut down to the characters
 * a deck uses: the full simplified-Chinese face is over 1 MB per weight, a deck's subset
 * some 90 KB, so the HTML stays one small file and no output depends on system fonts.
 * The subset is written as WOFF, not WOFF2: Brotli in WebAssembly costs seconds per build
 * for a 25% smaller file; the WOFF wrapping uses Node's native zlib.
 */
export const FONT_FAMILY = 'Lectern Sans';
const WEIGHTS = [400, 700] as const;
/** Always kept, so generated text (page numbers, labels) never falls back. */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·—…‘’“”、。《》「」【】！（），：；？⏱讲师讲稿本页无';

const require = createRequire(import.meta.url);
const cache = new Map<string, Promise<FontSubset>>();
const FONT_PACKAGE_VERSION = (require('@fontsource/noto-sans-sc/package.json') as { version: string }).version;
const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'lectern', 'fonts');

export const FONT_WEIGHTS = WEIGHTS;

export function fontFile(weight: number): string {
  const pkg = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  return join(pkg, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`);
}

/** The characters of a text, plus the ones lectern itself writes. */
export function glyphsOf(text: string): string {
  const visible = text.replace(/data:[^)"'\s]+/g, '');
  return [...new Set(ALWAYS + visible)].filter((c) => c >= ' ').sort().join('');
}

export interface FontSubset {
  /** @font-face rules with the subsets as data: URIs. */
  css: string;
  /** The regular weight's subset as a TrueType font, for text that pdf-lib draws. */
  regular: Uint8Array;
}

/** The deck's font subset: computed once per set of characters, and kept on disk between builds. */
export function embeddedFont(text: string): Promise<FontSubset> {
  const glyphs = glyphsOf(text);
  const key = createHash('sha256').update(FONT_PACKAGE_VERSION).update('\0').update(glyphs).digest('hex');
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
  return WEIGHTS.map((weight) => `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${weight}; font-style: normal; src: url(${urlFor(weight)}) format('woff2'); }`).join('\n');
}

async function buildSubset(glyphs: string, key: string): Promise<FontSubset> {
  const fonts = await Promise.all(WEIGHTS.map((weight) => subsetOf(weight, glyphs, key)));
  const css = fonts.map((sfnt, i) =>
    [
      '@font-face {',
      `  font-family: '${FONT_FAMILY}';`,
      `  font-weight: ${WEIGHTS[i]};`,
      '  font-style: normal;',
      `  src: url(data:font/woff;base64,${sfntToWoff(sfnt).toString('base64')}) format('woff');`,
      '}',
    ].join('\n'),
  );
  return { css: css.join('\n'), regular: fonts[0]! };
}

/**
 * Subsetting runs HarfBuzz in WebAssembly, about half a second a weight; the result depends
 * only on the characters and the font package, so it is kept in node_modules/.cache.
 */
async function subsetOf(weight: number, glyphs: string, key: string): Promise<Uint8Array> {
  const cached = join(CACHE_DIR, `${key}-${weight}.ttf`);
  const hit = await readFile(cached).catch(() => null);
  if (hit) return hit;
  const { default: subsetFont } = await import('subset-font');
  const sfnt = await subsetFont(await readFile(fontFile(weight)), glyphs, { targetFormat: 'sfnt' });
  // A cache that cannot be written (read-only install) only costs time.
  await mkdir(CACHE_DIR, { recursive: true })
    .then(() => writeFile(`${cached}.${process.pid}`, sfnt))
    .then(() => rename(`${cached}.${process.pid}`, cached))
    .catch(() => undefined);
  return sfnt;
}
