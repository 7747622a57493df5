import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { embeddedFont } from '../../src/fonts/embedded-font.js';
import { planFallback } from '../../src/fonts/fallback-fonts.js';
import { missingGlyphWarnings } from '../../src/compose/glyph-warnings.js';
import { svgText, withDeckFont } from '../../src/fonts/svg-font.js';
import type { ComposedDeck } from '../../src/compose/compose-deck.js';

describe('fallback faces', () => {
  it('draws emoji from Noto Emoji, Extension B from the HK or JP face, and reports what no face has', () => {
    const { slices, unrendered } = planFallback(['✅', '👍', '𠮷', '→', '\u{10000}']);
    const faceOf = (c: string) => slices.find((s) => s.chars.includes(c))?.pkg;
    expect(faceOf('✅')).toBe('@fontsource/noto-emoji');
    expect(faceOf('👍')).toBe('@fontsource/noto-emoji');
    expect(faceOf('𠮷')).toBe('@fontsource/noto-sans-jp');
    expect(faceOf('→')).toMatch(/noto-sans-(hk|jp)/);
    expect(unrendered).toEqual(['\u{10000}']);
  });

  it('declares fallback faces under the deck family with a unicode-range, and lists characters without any glyph', async () => {
    const font = await embeddedFont('讲师 ✅ 𠮷 \u{10000}');
    expect(font.css).toMatch(/unicode-range: [^;]*U\+2705/);
    expect(font.css).toMatch(/unicode-range: [^;]*U\+20bb7/);
    expect(font.css.match(/font-family: 'Lectern Sans'/g)!.length).toBeGreaterThanOrEqual(6);
    expect(font.missing).toEqual(['\u{10000}']);
  });
});

describe('the embedded faces', () => {
  it('are WOFF files kept beside their subsets, so a build does not compress them again', async () => {
    const font = await embeddedFont('保留压缩好的字体 kept');
    const embedded = [...font.css.matchAll(/data:font\/woff;base64,([^)]+)\)/g)].map((m) => m[1]!);
    expect(embedded.length).toBeGreaterThanOrEqual(2);
    const dir = join(ROOT, 'node_modules/.cache/lectern/fonts');
    const kept = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.woff'))
        .map((f) => readFileSync(join(dir, f)).toString('base64')),
    );
    for (const face of embedded) expect(kept.has(face)).toBe(true);
  });
});

describe('missingGlyphWarnings', () => {
  it('names the characters and the line of the slide that holds them', () => {
    const composed: ComposedDeck = {
      markdown: '',
      slides: [
        { kind: 'title', file: 'd/deck.md', line: 1, notes: '' },
        { kind: 'content', file: 'd/01-a.md', line: 7, notes: '', body: '## 标题\n\n- 线形文字 \u{10000}' },
      ],
    };
    expect(missingGlyphWarnings(composed, ['\u{10000}'])).toMatchObject([
      {
        severity: 'warning',
        code: 'glyph-missing',
        file: 'd/01-a.md',
        line: 9,
        slide: 2,
        message: expect.stringContaining('U+10000'),
      },
    ]);
  });
});

describe('SVG pictures', () => {
  it('reads the text an SVG shows, entities decoded, markup and styles left out', () => {
    expect(
      svgText('<svg><style>.a{}</style><text x="1">核实&amp;身份 &#x2705;</text><!-- 注释 --></svg>')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('核实&身份 ✅');
  });

  it('carries its own subset of the deck font, so its labels never depend on system fonts', async () => {
    const svg = await withDeckFont(
      Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>说明来意</text></svg>',
      ),
    );
    const text = svg.toString('utf8');
    expect(text).toMatch(/^<\?xml version="1.0"\?>\n<svg [^>]*><style><!\[CDATA\[\n@font-face \{/);
    expect(text).toContain("font-family: 'Lectern Sans', sans-serif !important");
    expect(text).toContain('<text>说明来意</text>');
    const untouched = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
    );
    expect(await withDeckFont(untouched)).toBe(untouched);
  });
});
