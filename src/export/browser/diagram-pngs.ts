import type { Page } from 'puppeteer-core';

/** A diagram's size in CSS pixels: its SVG's width and height. */
export interface PictureSize {
  width: number;
  height: number;
}

/**
 * PNGs (data: URIs) of diagram SVGs at twice their own size, with the font faces of `fontCss`
 * put into each (a picture does not see the page's fonts). Each is drawn on a canvas in `page`
 * and encoded there: a screenshot of each took the browser 0.13 s more (a compositor frame,
 * then its encoding). The same SVG, size and faces draw the same bytes in any window.
 */
export function drawDiagramPngs(
  page: Page,
  svgs: string[],
  sizes: PictureSize[],
  fontCss: string,
): Promise<string[]> {
  return page.evaluate(
    (texts, sizes, fontCss) =>
      Promise.all(
        texts.map(async (text, i) => {
          // The browser's own XML parser: the drawing at 2×, whole, with the faces it names.
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const svg = doc.documentElement;
          const [w, h] = [2 * sizes[i]!.width, 2 * sizes[i]!.height];
          svg.removeAttribute('style');
          svg.setAttribute('width', String(w));
          svg.setAttribute('height', String(h));
          svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
          const style = doc.createElementNS('http://www.w3.org/2000/svg', 'style');
          style.textContent = fontCss;
          svg.insertBefore(style, svg.firstChild);
          const blob = new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' });
          const url = URL.createObjectURL(blob);
          try {
            const img = new Image();
            img.src = url;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = w;
            canvas.height = h;
            canvas.getContext('2d')!.drawImage(img, 0, 0, w, h);
            return canvas.toDataURL('image/png');
          } finally {
            URL.revokeObjectURL(url);
          }
        }),
      ),
    svgs,
    sizes,
    fontCss,
  );
}
