import type { BrowserSession } from '../browser/browser.js';
import { browserFailed } from '../browser/browser.js';
import { inWindow, PICTURES_ONLY } from '../browser/window-pool.js';
import { imageSize } from './image-size.js';

/** Longest side of an SVG's PNG: sharp on a 1920×1080 slide. */
const LONGEST_PX = 1920;

/**
 * PNG pictures of SVG drawings (data: URIs), drawn by the browser with their embedded font, for
 * the editable PPTX: PowerPoint before 2019 and LibreOffice's PPTX import need a bitmap.
 */
export async function svgToPng(session: BrowserSession, svgs: string[]): Promise<Map<string, string>> {
  const sizes = svgs.map((src) => {
    const n = imageSize(src) ?? { width: 800, height: 600 };
    const k = LONGEST_PX / Math.max(n.width, n.height);
    return { w: Math.round(n.width * k), h: Math.round(n.height * k) };
  });
  const html = `<!DOCTYPE html><html><body style="margin:0;background:transparent">${svgs
    .map(
      (src, i) =>
        `<img id="svg${i}" src="${src}" style="display:block;width:${sizes[i]!.w}px;height:${sizes[i]!.h}px">`,
    )
    .join('')}</body></html>`;
  const pngs = await inWindow(session, html, PICTURES_ONLY, async (page) => {
    // Drawn on a canvas and encoded in the page: a screenshot of each picture cost the browser
    // 0.3 CPU-seconds more (a compositor frame, then its encoding in the browser process).
    const drawn = await page.evaluate(() =>
      Promise.all(
        [...document.images].map(async (img) => {
          await img.decode().catch(() => undefined);
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          canvas.getContext('2d')!.drawImage(img, 0, 0, img.width, img.height);
          // A drawing with a foreignObject taints the canvas: it gets a screenshot instead.
          try {
            return canvas.toDataURL('image/png');
          } catch {
            return null;
          }
        }),
      ),
    );
    const out: string[] = [];
    for (let i = 0; i < svgs.length; i++) {
      const png = drawn[i];
      if (png) {
        out.push(png);
        continue;
      }
      const el = await page.$(`#svg${i}`);
      const shot = (await el!.screenshot({ type: 'png', omitBackground: true })) as Uint8Array;
      out.push(`data:image/png;base64,${Buffer.from(shot).toString('base64')}`);
    }
    return out;
  }).catch((err: unknown) => {
    throw browserFailed(
      `the browser could not draw the SVG pictures for the editable PPTX: ${String(err)}`,
      err,
    );
  });
  return new Map(svgs.map((src, i) => [src, pngs[i]!]));
}
