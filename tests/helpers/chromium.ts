import type { Browser } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { findBrowser } from '../../src/export/browser.js';

/** Debian's Chromium (or CHROME_PATH), headless, as lectern itself starts it. */
export async function startChromium(): Promise<Browser> {
  return launch({
    executablePath: findBrowser(),
    headless: true,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
}
