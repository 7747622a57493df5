import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from './browser.js';
import type { BrowserWindow } from './window-pool.js';
import { allowScripts, revokeScripts, scriptUrl } from './local-scripts.js';
import { drawAll, type DiagramJob, type DiagramLook, type DrawnDiagram } from './mermaid-draw.js';
import { drawDiagramPngs } from './diagram-pngs.js';

export type { DiagramJob, DiagramLook } from './mermaid-draw.js';

// mermaid runs in the build's browser: it lays diagrams out with the browser's text measures,
// so labels fit their boxes in the deck's own font. Its modules come from node_modules into a
// page whose every other request but data:, blob: and about: is refused (local-scripts.ts,
// browser.ts).

const require = createRequire(import.meta.url);

/** The pinned mermaid's version: part of every cached diagram's key. */
export const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/** A drawing, or mermaid's message and the diagram's own 1-based line it points at. */
export type DiagramOutcome = { svg: string } | { error: string; line?: number };

/** The page mermaid runs in; its fonts are set for each render. */
const MERMAID_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><style id="fonts"></style></head><body></body></html>';

/**
 * A window with mermaid loaded: asked for as the build starts, it loads while the deck is
 * composed and its font cut. Its ES module build is loaded, not the 3.5 MB script of every
 * diagram kind: the core (0.75 MB), then the chunks of the kinds a deck draws, when first drawn.
 */
export async function mermaidWindow(session: BrowserSession): Promise<BrowserWindow> {
  const window = await session.window(MERMAID_PAGE, 1);
  try {
    await window.show();
    // A window kept from the last render (dev, between saves) has the script already.
    if (!(await window.page.evaluate(() => 'mermaid' in globalThis))) {
      await withScripts(window.page, () =>
        window.page.evaluate(
          async (url) => {
            const module = (await import(url)) as { default: unknown };
            (globalThis as unknown as { mermaid: unknown }).mermaid = module.default;
          },
          scriptUrl('mermaid', 'mermaid.esm.min.mjs'),
        ),
      );
    }
    return window;
  } catch (err) {
    window.release(true);
    throw err;
  }
}

/** Runs `fn` while `page` may load lectern's scripts: not before or after, when it is lent to other jobs. */
async function withScripts<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  allowScripts(page);
  try {
    return await fn();
  } finally {
    revokeScripts(page);
  }
}

/** The drawings of a render; with `pictures` asked for, their PNGs by their SVG, to come. */
export interface RenderedDiagrams {
  outcomes: Map<string, DiagramOutcome>;
  pictures?: Promise<Map<string, string>>;
}

/**
 * Renders each diagram once, in a window from mermaidWindow, which it gives back to the pool.
 * With `pictures`, the window goes on to draw the editable PPTX's PNGs of the new drawings
 * (diagram-pngs.ts) while Node renders the slides: its fonts are loaded, and no other window
 * opens for them. A failure there leaves them to the PPTX, which draws what is missing.
 */
export async function renderDiagrams(
  window: BrowserWindow,
  jobs: DiagramJob[],
  look: DiagramLook,
  pictures = false,
): Promise<RenderedDiagrams> {
  let drawn: DrawnDiagram[];
  try {
    await window.page.evaluate(
      (css) => void (document.getElementById('fonts')!.textContent = css),
      look.fontCss,
    );
    // The chunks of the diagram kinds not drawn before load as they are first drawn.
    drawn = await withScripts(window.page, () => drawAll(window.page, jobs, look));
  } catch (err) {
    window.release(true);
    throw err;
  }
  const outcomes = new Map(
    jobs.map((job, i): [string, DiagramOutcome] => {
      const d = drawn[i]!;
      return [job.key, 'svg' in d ? { svg: d.svg } : d];
    }),
  );
  const svgs = drawn.filter((d) => 'svg' in d);
  if (!pictures || svgs.length === 0) {
    window.release();
    return { outcomes };
  }
  const pngs = drawDiagramPngs(
    window.page,
    svgs.map((d) => d.svg),
    svgs.map(({ width, height }) => ({ width, height })),
    look.fontCss,
  ).then(
    (pngs) => {
      window.release();
      return new Map(svgs.map((d, i) => [d.svg, pngs[i]!]));
    },
    () => {
      window.release(true);
      return new Map<string, string>();
    },
  );
  return { outcomes, pictures: pngs };
}
