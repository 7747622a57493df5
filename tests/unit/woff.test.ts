import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { embeddedFont } from '../../src/fonts/embedded-font.js';
import { sfntToWoff } from '../../src/fonts/woff.js';

const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');

describe('sfntToWoff', () => {
  it('wraps a TrueType subset as a WOFF that fontkit opens with the same glyphs', async () => {
    const sfnt = (await embeddedFont('讲师沟通技巧 ABC')).regular;
    const woff = sfntToWoff(sfnt);
    expect(woff.subarray(0, 4).toString('latin1')).toBe('wOFF');
    expect(woff.readUInt32BE(8)).toBe(woff.length);
    expect(woff.length).toBeLessThan(sfnt.byteLength);

    const original = fontkit.create(Buffer.from(sfnt));
    const wrapped = fontkit.create(woff);
    expect(wrapped.constructor.name).toMatch(/WOFF/);
    expect(wrapped.numGlyphs).toBe(original.numGlyphs);
    expect(wrapped.postscriptName).toBe(original.postscriptName);
    for (const c of '讲师沟通 A') {
      const a = original.glyphForCodePoint(c.codePointAt(0)!);
      const b = wrapped.glyphForCodePoint(c.codePointAt(0)!);
      expect(b.id).toBe(a.id);
      expect(b.id).not.toBe(0);
      expect(b.path.toSVG()).toBe(a.path.toSVG());
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });
});
