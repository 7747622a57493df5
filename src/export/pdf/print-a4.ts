import { browserFailed, type BrowserSession } from '../browser/browser.js';
import { inWindow } from '../browser/window-pool.js';

/** Prints an A4 document from HTML (the speaker script, which shows `slides` slides). */
export async function printA4(
  session: BrowserSession,
  html: string,
  slides: number,
  what: string,
): Promise<Uint8Array> {
  return inWindow(session, html, slides, (page) =>
    page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }).catch((err: unknown) => {
      throw browserFailed(`the browser could not print the ${what}: ${String(err)}`, err);
    }),
  );
}
