import type { Page } from 'puppeteer-core';
import { browserFailed, type BrowserSession } from '../browser/browser.js';
import { inWindow } from '../browser/window-pool.js';

/**
 * Prints an A4 document from HTML (the speaker script, the handout), which shows `slides`
 * slides. With `outline`, the browser makes the bookmarks from the document's headings: the
 * pages they land on are known only once it has laid the pages out. `prepare` changes the
 * laid-out document before the print (the script cuts its long notes into pages).
 */
export async function printA4(
  session: BrowserSession,
  html: string,
  slides: number,
  what: string,
  opts: { outline?: boolean; prepare?: (page: Page) => Promise<unknown> } = {},
): Promise<Uint8Array> {
  return inWindow(session, html, slides, async (page) => {
    await page.evaluate(plainThumbnailHeadings);
    await opts.prepare?.(page).catch((err: unknown) => {
      throw browserFailed(`the browser could not lay out the ${what}: ${String(err)}`, err);
    });
    return page
      .pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: opts.outline })
      .catch((err: unknown) => {
        throw browserFailed(`the browser could not print the ${what}: ${String(err)}`, err);
      });
  });
}

/**
 * A thumbnail is one picture named by its slide's title (print-html.ts's slideThumb); the
 * headings drawn inside it are not the document's, so they lose their role: the printed
 * structure tree and the script's bookmarks hold the document's own headings alone. Runs in
 * the page (self-contained).
 */
export function plainThumbnailHeadings(): void {
  for (const h of document.querySelectorAll('.thumb :is(h1, h2, h3, h4, h5, h6)'))
    h.setAttribute('role', 'none');
}
