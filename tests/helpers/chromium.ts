import type { Browser } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { chromiumArgs, findBrowser } from '../../src/export/browser/browser.js';

/** Debian's Chromium (or CHROME_PATH), headless, as lectern itself starts it. */
export async function startChromium(): Promise<Browser> {
  return launch({
    executablePath: findBrowser(),
    headless: true,
    args: chromiumArgs(),
  });
}
