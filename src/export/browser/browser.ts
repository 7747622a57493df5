import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './find-browser.js';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { LecternError } from '../../core/errors.js';
import { removeAbandoned } from '../output/abandoned.js';
import { MARKER_TEXT, OUTPUT_MARKER } from '../output/output-targets.js';
import { isScriptUrl, serveScript } from './local-scripts.js';
import { WindowPool, type BrowserWindow, type WindowLimits } from './window-pool.js';

export { findBrowser } from './find-browser.js';

/** A running browser; `await using` closes it (or call `close()`, which does its work once). */
export interface BrowserSession extends AsyncDisposable {
  browser: Browser;
  /** A window for one job showing `html`, a document of `slides` slides (see WindowPool). */
  window(html: string, slides: number, later?: boolean): Promise<BrowserWindow>;
  /** Opens up to `count` windows ahead of the jobs that will ask for them (see WindowPool.warm). */
  warm(count: number): void;
  /** Requests the windows made that were refused (anything but data:, blob: and about:). */
  blocked(): string[];
  close(): Promise<void>;
}

/**
 * No network and no files while lectern builds: every request other than data:, blob: and
 * about: is aborted and recorded, so the build fails naming it instead of quietly fetching it.
 * That includes file: URLs, inside the deck folder or outside it: lectern embeds every picture
 * and font as a data: URI, so a document it builds never reads a file, and one that would
 * (`url(file:///…/secret.png)`) would show a file from outside the deck in the outputs. Lectern
 * refuses such URLs before the browser starts (render/resource-audit.ts); this is the backstop.
 * The one other answer is lectern's own scripts, to the page allowed them (local-scripts.ts).
 */
async function blockNetwork(page: Page, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  const refuse = (request: HTTPRequest) => {
    blocked.push(request.url());
    void request.abort('blockedbyclient').catch(() => undefined);
  };
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (/^(data|blob|about):/i.test(url)) return void request.continue().catch(() => undefined);
    if (!isScriptUrl(url)) return refuse(request);
    serveScript(page, request).then(
      (served) => served || refuse(request),
      () => undefined,
    );
  });
}

/** How long one browser step may take before lectern gives up with a clear message. */
export const BROWSER_TIMEOUT_MS = browserTimeout(process.env.LECTERN_BROWSER_TIMEOUT_MS);

/** What a step gets on top for each slide it lays out, prints or measures. */
const PER_SLIDE_MS = 250;

/**
 * The time a browser step on a document of `slides` slides may take: the base and a share per
 * slide, so a 310-slide deck's print is not held to a 10-slide deck's time (a measurement that
 * was in time or not by luck).
 */
export function stepTimeout(slides: number): number {
  return BROWSER_TIMEOUT_MS + slides * PER_SLIDE_MS;
}

/** LECTERN_BROWSER_TIMEOUT_MS, or the default; NaN for a value that is not a number (refused when a browser starts). */
function browserTimeout(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 60_000;
  return /^\d+$/.test(raw.trim()) && Number(raw) >= 1000 ? Number(raw) : NaN;
}

/** The flags lectern starts Chromium with (tests start it the same way). */
export function chromiumArgs(): string[] {
  return [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--no-first-run',
    '--font-render-hinting=none',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    // Every window of new headless Chromium preloads the omnibox popup's WebUI in a renderer of
    // its own: about half the browser's CPU in a build, for a popup nobody sees. (puppeteer
    // merges this list with its own --disable-features.)
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI',
    // Chromium refuses to start as root without it (CI, containers).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/**
 * What one browser may hold at once. Two windows suit a 31-slide build on 2 cores (5.8 s,
 * against 6.4 s with one and 6.5 s with four; medians of 4–6 alternated runs): the window that
 * printed the slides goes on to picture them. A window takes about a megabyte per slide it
 * shows: 320 slides in all lets two 150-slide decks print side by side, but a 310-slide deck
 * prints alone and is pictured afterwards from small documents, which keeps it under a gigabyte.
 */
export const WINDOW_LIMITS: WindowLimits = { windows: 2, slides: 320 };

/** Starts one headless browser for the whole build; every printed output shares it. */
export async function openBrowser(limits: WindowLimits = WINDOW_LIMITS): Promise<BrowserSession> {
  if (Number.isNaN(BROWSER_TIMEOUT_MS)) {
    throw new LecternError(
      `LECTERN_BROWSER_TIMEOUT_MS must be a whole number of milliseconds, at least 1000, not ${JSON.stringify(process.env.LECTERN_BROWSER_TIMEOUT_MS)}`,
      {
        exit: 'USAGE',
        hint: 'e.g. LECTERN_BROWSER_TIMEOUT_MS=120000, or unset it for the default of 60000',
      },
    );
  }
  const executablePath = findBrowser();
  const { launch } = await import('puppeteer-core');
  await removeAbandoned(tmpdir(), 'lectern-chromium-');
  const userDataDir = await mkdtemp(join(tmpdir(), `lectern-chromium-${process.pid}-`));
  // The marker lets a later run remove this profile if the process is killed outright.
  await writeFile(join(userDataDir, OUTPUT_MARKER), MARKER_TEXT);
  const args = chromiumArgs();
  const blocked: string[] = [];
  let browser: Browser;
  try {
    // lectern handles Ctrl-C itself (removing temporary files first); the browser dies with the process.
    browser = await launch({
      executablePath,
      headless: true,
      args,
      userDataDir,
      timeout: BROWSER_TIMEOUT_MS,
      // One call to the browser covers at most the slides the windows may hold.
      protocolTimeout: stepTimeout(limits.slides),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Talk over a pipe: if lectern is killed outright, the pipe closes and Chromium exits with it.
      pipe: true,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw browserFailed(`the browser at ${executablePath} did not start: ${firstLine(err)}`, err);
  }
  // A window of its own per job: Chromium only paints the front tab of a window, so outputs
  // that render side by side in tabs of one window would wait on each other's frames. Windows
  // keep puppeteer's default viewport: prints take their page size from CSS, pictures set their
  // own size and scale, and Marp sizes slides in px, not in viewport units.
  const openWindow = async (): Promise<Page> => {
    try {
      const context = await browser.createBrowserContext();
      const page = await context.newPage().catch(async (err: unknown) => {
        await context.close().catch(() => undefined);
        throw err;
      });
      page.once('close', () => void context.close().catch(() => undefined));
      page.setDefaultTimeout(BROWSER_TIMEOUT_MS);
      await blockNetwork(page, blocked);
      return page;
    } catch (err) {
      throw browserFailed(`the browser could not open a window: ${firstLine(err)}`, err);
    }
  };
  const pool = new WindowPool(limits, openWindow, loadDocument);
  let closed: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    pool.drain();
    // The profile is thrown away (and the outputs are written, unless the build was stopped):
    // a graceful shutdown (150-300 ms of the build's end) would only save what is deleted next.
    const proc = browser.process();
    if (proc?.pid !== undefined && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      // The whole process group (Chromium runs detached, as its group's leader): its helpers
      // would otherwise go on writing into the profile while it is removed.
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        proc.kill('SIGKILL');
      }
      await exited;
    } else await browser.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 40 });
  };
  return {
    browser,
    blocked: () => [...blocked],
    window: (html, slides, later) => pool.take(html, slides, later),
    warm: (count) => pool.warm(count),
    close: () => (closed ??= close()),
    [Symbol.asyncDispose]: () => (closed ??= close()),
  };
}

export function browserFailed(message: string, cause?: unknown): LecternError {
  return new LecternError(message, {
    exit: 'BROWSER_FAILED',
    hint: 'the browser crashed or timed out; try again, close other heavy programs, or raise LECTERN_BROWSER_TIMEOUT_MS (milliseconds)',
    cause,
  });
}

const firstLine = (err: unknown) => String(err instanceof Error ? err.message : err).split('\n')[0];

/** Loads a document into a page and waits until its fonts are ready, so prints never use fallbacks. */
export async function loadDocument(page: Page, html: string, slides = 1): Promise<void> {
  // What the job then asks of the window (a print, a measurement) gets the same allowance.
  page.setDefaultTimeout(stepTimeout(slides));
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: stepTimeout(slides) });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  } catch (err) {
    throw browserFailed(`the browser could not lay out the deck: ${firstLine(err)}`, err);
  }
}
