import { browserFailed, loadDocument, type BrowserSession } from './browser.js';

/** Prints an A4 document from HTML (the speaker script). */
export async function printA4(session: BrowserSession, html: string, what: string): Promise<Uint8Array> {
  const page = await session.newPage(794, 1123);
  try {
    await loadDocument(page, html);
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }).catch((err: unknown) => {
      throw browserFailed(`the browser could not print the ${what}: ${String(err)}`, err);
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}
