import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { fixtureDeck } from '../helpers/fixture-decks.js';
import { pdfInfo, pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const out = tempDir('lectern-qr-');
const FEEDBACK = 'https://survey.example.com/course/42?from=qr';
const MATERIALS = 'https://pan.example.com/s/abc123';
let run: ReturnType<typeof lectern>;

/**
 * Every QR code in a picture. jsQR reads one code per call and loses its way on a whole slide
 * with two, so it reads overlapping windows of a half, a third and a quarter of the picture too.
 */
function decodeAll(png: PNG): string[] {
  const found = new Set<string>();
  for (const parts of [1, 2, 3, 4]) {
    const w = Math.floor(png.width / parts);
    const h = Math.floor(png.height / parts);
    for (let y0 = 0; y0 + h <= png.height; y0 += Math.max(1, Math.floor(h / 2))) {
      for (let x0 = 0; x0 + w <= png.width; x0 += Math.max(1, Math.floor(w / 2))) {
        const window = new Uint8ClampedArray(w * h * 4);
        for (let y = 0; y < h; y++)
          window.set(
            png.data.subarray(((y0 + y) * png.width + x0) * 4, ((y0 + y) * png.width + x0 + w) * 4),
            y * w * 4,
          );
        const code = jsQR(window, w, h);
        if (code) found.add(code.data);
      }
    }
  }
  return [...found].sort();
}

beforeAll(() => {
  run = lectern(['build', fixtureDeck('feedback'), '--out', out, '--format', 'pdf,handout,images']);
});

describe('deck.md feedback: and materials: as QR codes', () => {
  it('puts both codes on the closing slide, and they scan back to the addresses', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const closing = PNG.sync.read(readFileSync(join(out, 'feedback-images', '10.png')));
    expect(decodeAll(closing)).toEqual([MATERIALS, FEEDBACK].sort());
    // No other slide carries one.
    expect(decodeAll(PNG.sync.read(readFileSync(join(out, 'feedback-images', '09.png'))))).toEqual([]);
  });

  it('draws them as vectors with their captions: the closing page of the slides PDF holds no picture', () => {
    const pdf = join(out, 'feedback.pdf');
    expect(pdfText(pdf, 10)).toMatch(/扫码填写课程反馈[\s\S]*扫码获取课程资料/);
    const images = execFileSync('pdfimages', ['-list', '-f', '10', '-l', '10', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(images).toEqual([]);
  });

  it('prints them on the last page of the handout, where they scan too, with their addresses', () => {
    const handout = join(out, 'feedback-handout.pdf');
    // 4 content slides, three a page: the codes take the free slot after the last slide on page 2.
    const pages = Number(pdfInfo(handout).Pages);
    expect(pages).toBe(2);
    const text = pdfText(handout, pages);
    expect(text).toMatch(/扫码填写课程反馈[\s\S]*扫码获取课程资料/);
    expect(text.replace(/\s+/g, '')).toContain(FEEDBACK);
    expect(text.replace(/\s+/g, '')).toContain(MATERIALS);
    const prefix = join(out, 'handout-last');
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      String(pages),
      '-l',
      String(pages),
      '-singlefile',
      handout,
      prefix,
    ]);
    // No slide on the handout carries the codes (the closing slide is not printed): these are the handout's own.
    expect(decodeAll(PNG.sync.read(readFileSync(`${prefix}.png`)))).toEqual([MATERIALS, FEEDBACK].sort());
  });

  it('a deck without feedback: has no code', () => {
    const plain = lectern(['build', join(FIXTURES, 'valid'), '--out', out, '--format', 'images']);
    expect(plain.code).toBe(0);
    expect(decodeAll(PNG.sync.read(readFileSync(join(out, 'valid-images', '10.png'))))).toEqual([]);
    expect(readdirSync(out)).toContain('valid-images');
  });

  it('refuses an address that is not http or https, with deck.md:line', () => {
    const bad = lectern(['build', fixtureDeck('bad-feedback-url'), '--out', out, '--format', 'html']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(
      /deck\.md:14: error: feedback must be an http:\/\/ or https:\/\/ address, not "javascript:alert\(1\)"/,
    );
    expect(bad.stderr).toMatch(/deck\.md:15: error: materials must be an http:\/\/ or https:\/\/ address/);
    expect(readdirSync(out).some((f) => f.startsWith('bad-feedback-url'))).toBe(false);
  });
});
