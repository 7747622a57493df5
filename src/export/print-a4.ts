import { browserFailed, type BrowserSession } from './browser.js';
import { inWindow } from './window-pool.js';

/** Prints an A4 document from HTML (the speaker script). */
export async function printA4(session: BrowserSession, html: string, what: string): Promise<Uint8Array> {
  return inWindow(session, html, (page) =>
    page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }).catch((err: unknown) => {
      throw browserFailed(`the browser could not print the ${what}: ${String(err)}`, err);
    }),
  );
}
