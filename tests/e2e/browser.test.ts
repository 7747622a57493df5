import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeckModel } from '../../src/validate/deck-model.js';
import { openBrowser, stepTimeout } from '../../src/export/browser/browser.js';
import { pictureSlides } from '../../src/export/pptx/image-pptx.js';
import type { RenderedDeck } from '../../src/render/render-deck.js';

describe('the build browser', () => {
  // New headless Chromium preloads the omnibox popup (chrome://omnibox-popup.top-chrome) in a
  // renderer per window; in a build that was about half of the browser's CPU.
  it('opens windows without browser-UI WebUI renderers', async () => {
    const session = await openBrowser();
    try {
      const windows = [await session.window('<p>lectern</p>', 1), await session.window('<p>deck</p>', 1)];
      await windows[0]!.show();
      // The preload starts shortly after a window opens.
      await new Promise((r) => setTimeout(r, 1500));
      const cdp = await session.browser.target().createCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.filter((t) => t.type === 'page').length).toBeGreaterThanOrEqual(2);
      expect(targetInfos.map((t) => t.url).filter((u) => u.includes('.top-chrome/'))).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);

  // The backstop behind the resource audit: a document the browser shows reads no file and
  // fetches nothing from the web, in pooled and picture windows alike; web requests are recorded.
  it('reads no file and fetches no web address, and records the web requests, in every kind of window', async () => {
    const png = `file://${join(import.meta.dirname, '..', 'fixtures', 'valid', 'assets', 'dot.png')}`;
    const session = await openBrowser();
    try {
      const doc = (n: number) =>
        `<img id="file" src="${png}?${n}"><link rel="stylesheet" href="https://example.com/${n}.css"><img id="data" src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=">`;
      for (const [n, slides] of [
        [1, 1],
        [2, 0],
      ] as const) {
        const window = await session.window(doc(n), slides);
        await window.show();
        const shown = await window.page.evaluate(async () => {
          const size = (id: string) => (document.getElementById(id) as HTMLImageElement).naturalWidth;
          const read = await fetch('file:///etc/hostname').then(
            () => 'read',
            () => 'refused',
          );
          return { file: size('file'), data: size('data'), read };
        });
        // The data: picture shows: the file next to it, which exists, does not.
        expect(shown).toEqual({ file: 0, data: 1, read: 'refused' });
      }
      expect(session.blocked()).toEqual(
        expect.arrayContaining(['https://example.com/1.css', 'https://example.com/2.css']),
      );
      expect(session.blocked().some((u) => u.startsWith('data:'))).toBe(false);
    } finally {
      await session.close();
    }
  }, 60_000);

  it("gives a window's steps time by the slides its document shows, not one time for every deck", async () => {
    const session = await openBrowser();
    try {
      const small = await session.window('<p>10</p>', 10);
      await small.show();
      const smallTime = small.page.getDefaultTimeout();
      small.release(true);
      const large = await session.window('<p>300</p>', 300);
      await large.show();
      expect(large.page.getDefaultTimeout()).toBe(stepTimeout(300));
      expect(smallTime).toBe(stepTimeout(10));
      expect(stepTimeout(300) - stepTimeout(10)).toBeGreaterThanOrEqual(60_000);
    } finally {
      await session.close();
    }
  }, 60_000);

  // Two windows take slides (or parts of a large deck) as they come free: each picture must
  // still be its own slide's.
  it.each([
    ["the whole deck's document", {}],
    ['documents of 6 slides each, as for a large deck', { whole: 10, part: 6 }],
  ])(
    'pictures every slide as itself, whole and in order, from two windows showing %s',
    async (_, layout) => {
      const colours = Array.from(
        { length: 20 },
        (_, i) => [(i * 67) % 256, (i * 151 + 40) % 256, (i * 29 + 200) % 256] as const,
      );
      const slideSvgs = colours.map(
        ([r, g, b]) =>
          `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section style="width:1280px;height:720px;background:rgb(${r},${g},${b})"></section></foreignObject></svg>`,
      );
      const rendered: RenderedDeck = {
        html: `<div class="marpit">${slideSvgs.join('')}</div>`,
        css: '',
        slideSvgs,
        width: 1280,
        height: 720,
      };
      const session = await openBrowser();
      try {
        const pictures = await pictureSlides(session, { lang: 'en' } as DeckModel, rendered, layout);
        expect([...pictures.keys()].sort((a, b) => a - b)).toEqual(colours.map((_, i) => i));
        const page = (await session.window('<p>check</p>', 1)).page;
        const centres = await page.evaluate(
          async (jpegs: string[]) => {
            const canvas = document.createElement('canvas');
            const ctx = canvas.getContext('2d')!;
            return Promise.all(
              jpegs.map(async (data) => {
                const img = new Image();
                img.src = `data:image/jpeg;base64,${data}`;
                await img.decode();
                canvas.width = img.width;
                canvas.height = img.height;
                ctx.drawImage(img, 0, 0);
                // The right edge too: a scrollbar there would be grey.
                const centre = ctx.getImageData(img.width / 2, img.height / 2, 1, 1).data;
                const edge = ctx.getImageData(img.width - 3, img.height / 2, 1, 1).data;
                return [img.width, img.height, ...centre.slice(0, 3), ...edge.slice(0, 3)];
              }),
            );
          },
          colours.map((_, i) => pictures.get(i)!.toString('base64')),
        );
        centres.forEach(([w, h, ...rgb], i) => {
          expect([w, h]).toEqual([1920, 1080]);
          rgb.forEach((v, c) => expect(Math.abs(v! - colours[i]![c % 3]!)).toBeLessThanOrEqual(6));
        });
      } finally {
        await session.close();
      }
    },
    60_000,
  );
});
