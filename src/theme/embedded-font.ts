import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font shipped from npm (@fontsource/noto-sans-sc) and cut down to the characters
 * a deck uses: the full simplified-Chinese face is over 1 MB per weight, a deck's subset
 * some 90 KB, so the HTML stays one small file and no output depends on system fonts.
 * The subset is written as WOFF, not WOFF2: Brotli in WebAssembly costs seconds per build
 * for a 25% smaller file.
 */
export const FONT_FAMILY = 'Lectern Sans';
const WEIGHTS = [400, 700] as const;
/** Always kept, so generated text (page numbers, labels) never falls back. */
const ALWAYS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·—…‘’“”、。《》「」【】！（），：；？⏱';

const require = createRequire(import.meta.url);
const cache = new Map<string, Promise<string>>();

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

/** @font-face rules with the subset fonts as data: URIs. */
export function embeddedFontCss(text: string): Promise<string> {
  const glyphs = glyphsOf(text);
  const key = createHash('sha256').update(glyphs).digest('hex');
  let css = cache.get(key);
  if (!css) {
    css = buildFontCss(glyphs);
    cache.set(key, css);
    css.catch(() => cache.delete(key));
  }
  return css;
}

/** @font-face rules that load the whole font from a URL: the dev server's, where a subset per keystroke would be slow. */
export function servedFontCss(urlFor: (weight: number) => string): string {
  return WEIGHTS.map((weight) => `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${weight}; font-style: normal; src: url(${urlFor(weight)}) format('woff2'); }`).join('\n');
}

async function buildFontCss(glyphs: string): Promise<string> {
  const { default: subsetFont } = await import('subset-font');
  const faces = await Promise.all(
    WEIGHTS.map(async (weight) => {
      const subset = await subsetFont(await readFile(fontFile(weight)), glyphs, { targetFormat: 'woff' });
      return [
        '@font-face {',
        `  font-family: '${FONT_FAMILY}';`,
        `  font-weight: ${weight};`,
        '  font-style: normal;',
        `  src: url(data:font/woff;base64,${Buffer.from(subset).toString('base64')}) format('woff');`,
        '}',
      ].join('\n');
    }),
  );
  return faces.join('\n');
}
