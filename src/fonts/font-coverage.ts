import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Characters that draw nothing of their own (joiners, variation selectors, bidi marks, tags):
 * no face needs a glyph for them, so they are never reported as missing.
 */
// eslint-disable-next-line no-misleading-character-class -- a set of single code points (marks, selectors, skin tones), not sequences
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{M}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{1F3FB}-\u{1F3FF}]/u;

/** The characters of `chars` that the font (a TrueType/OpenType file) has no glyph for. */
export function charactersWithoutGlyph(font: Uint8Array, chars: Iterable<string>): string[] {
  const fontkit = require('@pdf-lib/fontkit') as { create(data: Uint8Array): FontkitFont };
  const face = fontkit.create(font);
  const has = (cp: number) => {
    try {
      return face.hasGlyphForCodePoint(cp);
    } catch {
      // A subset with no character of its own has an empty cmap, which fontkit cannot read.
      return false;
    }
  };
  return [...chars].filter((c) => c.trim() !== '' && !INVISIBLE.test(c) && !has(c.codePointAt(0) as number));
}
