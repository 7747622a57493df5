import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern, treeHash, type CliRun } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A trainer's deck of twelve phone photos (4000 × 3000, about 10 MB each, one taken upright so
 * its EXIF says "rotate"): the HTML embeds each fitted to 3840 × 2160 and stays under 10 MB, the
 * build says what it saved, and an unchanged rebuild does not decode the photos again.
 */
const PHOTOS = 12;
const dir = tempDir('lectern-photos-');
const deck = join(dir, 'deck');
const out = join(dir, 'out');
let first: CliRun & { ms: number };
let again: CliRun & { ms: number };
let sourceBytes = 0;
let sourcesBefore: string;
let browser: Browser;

/** A photo-like picture: a smooth random scene under sensor noise, saved at the camera's quality 100. */
async function photo(seed: number, noise: Buffer): Promise<Buffer> {
  const scene = Buffer.alloc(16 * 12 * 3);
  let x = seed * 7919 + 17;
  for (let i = 0; i < scene.length; i++) {
    x = (x * 9301 + 49297) % 233280;
    scene[i] = Math.floor((x / 233280) * 255);
  }
  return sharp(scene, { raw: { width: 16, height: 12, channels: 3 } })
    .resize(4000, 3000, { kernel: 'cubic' })
    .composite([{ input: noise, tile: true, blend: 'overlay' }])
    .jpeg({ quality: 100 })
    .withMetadata({ orientation: seed === PHOTOS ? 6 : 1 })
    .toBuffer();
}

const timed = (args: string[]) => {
  const t0 = performance.now();
  const run = lectern(args);
  return { ...run, ms: performance.now() - t0 };
};

beforeAll(async () => {
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  // A 509-pixel tile (prime, so it lines up with no 8-pixel JPEG block) keeps generating fast.
  const noise = await sharp({
    create: { width: 509, height: 509, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 11 } },
  })
    .png()
    .toBuffer();
  const slides: string[] = [];
  for (let i = 1; i <= PHOTOS; i++) {
    const name = `photo-${String(i).padStart(2, '0')}.jpg`;
    const bytes = await photo(i, noise);
    sourceBytes += bytes.length;
    writeFileSync(join(deck, 'assets', name), bytes);
    const link = i % 2 ? `![bg right:40%](assets/${name})` : `![w:600](assets/${name})`;
    slides.push(`## 现场照片 ${i}\n\n${link}\n\n<!-- 讲解第 ${i} 张照片 -->`);
  }
  const chapter = join(deck, '02-speaking.md');
  writeFileSync(
    chapter,
    `${readFileSync(chapter, 'utf8').trimEnd()}\n\n---\n\n${slides.join('\n\n---\n\n')}\n`,
  );
  sourcesBefore = treeHash(deck);
  const args = ['build', deck, '--out', out, '--format', 'html'];
  first = timed(args);
  again = timed(args);
  browser = await startChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('a deck of twelve phone photos', () => {
  it('builds an HTML under 10 MB and says what it saved', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(sourceBytes / PHOTOS).toBeGreaterThan(9 * 1024 * 1024);
    expect(statSync(join(out, 'deck.html')).size).toBeLessThan(10 * 1024 * 1024);
    const saved = /warning: 12 pictures downscaled to fit 3840 × 2160 pixels, ([\d.]+) MB → ([\d.]+) MB/.exec(
      first.stderr,
    );
    expect(saved, first.stderr).not.toBeNull();
    expect(Number(saved![1])).toBeGreaterThan(100);
    expect(Number(saved![2])).toBeLessThan(7.5);
    expect(treeHash(deck)).toBe(sourcesBefore);
  });

  it('embeds every photo decoded at most 3840 × 2160, the upright one turned upright', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'deck.html')).href, { waitUntil: 'load' });
    const sizes = await page.evaluate(async () => {
      const urls = new Set<string>();
      for (const img of document.querySelectorAll('img')) urls.add(img.src);
      for (const el of document.querySelectorAll('*')) {
        // Marp's backgrounds: one url() each (lectern's own layers stack a url() with gradients).
        const bg = getComputedStyle(el).backgroundImage;
        if (bg.startsWith('url("data:image/jpeg') && bg.endsWith('")') && !bg.includes('"),'))
          urls.add(bg.slice(5, -2));
      }
      return Promise.all(
        [...urls].map(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return { mime: src.slice(5, src.indexOf(';')), width: img.naturalWidth, height: img.naturalHeight };
        }),
      );
    });
    await page.close();
    const photos = sizes.filter((s) => s.mime === 'image/jpeg');
    expect(photos).toHaveLength(PHOTOS);
    for (const p of photos) {
      expect(p.width).toBeLessThanOrEqual(3840);
      expect(p.height).toBeLessThanOrEqual(2160);
    }
    expect(photos.filter((p) => p.width === 2880 && p.height === 2160)).toHaveLength(PHOTOS - 1);
    expect(photos.filter((p) => p.width === 1620 && p.height === 2160)).toHaveLength(1);
  });

  it('rebuilds unchanged without decoding the photos again', () => {
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/deck\.html\s+[\d.]+ MB\s+\(unchanged\)/);
    expect(again.ms, `first ${first.ms} ms, again ${again.ms} ms`).toBeLessThan(first.ms / 3);
  });
});
