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
