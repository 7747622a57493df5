import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from './browser.js';
import type { BrowserWindow } from './window-pool.js';
import { allowScripts, revokeScripts, scriptUrl } from './local-scripts.js';

// mermaid runs in the build's browser: it lays diagrams out with the browser's text measures,
// so labels fit their boxes in the deck's own font. Its modules come from node_modules into a
// page whose every other request but data:, blob: and about: is refused (local-scripts.ts,
// browser.ts).

const require = createRequire(import.meta.url);

/** The pinned mermaid's version: part of every cached diagram's key. */
export const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/** How diagrams look: mermaid's theme variables and the font its labels are measured and drawn in. */
export interface DiagramLook {
  themeVariables: Record<string, string>;
  /** The font family, first in the labels' font stack. */
  fontFamily: string;
  /** @font-face rules (data: URIs) that hold every character of the diagrams. */
  fontCss: string;
}

/** The tallest a diagram is shown: a 720 px slide's room under its title, header and footer. */
const MAX_HEIGHT_PX = 420;

export interface DiagramJob {
  key: string;
  source: string;
}

/** A drawing, or mermaid's message and the diagram's own 1-based line it points at. */
export type DiagramOutcome = { svg: string } | { error: string; line?: number };

/**
 * mermaid's configuration, beyond the look: `strict` keeps click callbacks and script out and
 * sanitises labels; labels are SVG text, not HTML in a foreignObject, so PDFs and the PPTX's
 * SVG hold real text; ids are derived from the diagram, so a rebuild writes the same bytes. A
 * diagram's own `%%{init}%%` may not switch any of that back (`secure`).
 */
export function mermaidConfig(look: DiagramLook): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    deterministicIds: true,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    theme: 'base',
    themeVariables: { ...look.themeVariables, fontFamily: fontStack(look) },
    fontFamily: fontStack(look),
    secure: [
      'secure',
      'securityLevel',
      'startOnLoad',
      'maxTextSize',
      'suppressErrorRendering',
      'maxEdges',
      'htmlLabels',
      'flowchart',
      'deterministicIds',
      'deterministicIDSeed',
      'dompurifyConfig',
    ],
  };
}

/**
 * The deck's font, which has every label's characters, then the Chinese faces of Windows and
 * macOS: the SVG beside a diagram's picture in the PPTX is drawn by PowerPoint, without it.
 */
function fontStack(look: DiagramLook): string {
  return `"${look.fontFamily}", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
}

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

/** Renders each diagram once, in a window from mermaidWindow, which it gives back to the pool. */
export async function renderDiagrams(
  window: BrowserWindow,
  jobs: DiagramJob[],
  look: DiagramLook,
): Promise<Map<string, DiagramOutcome>> {
  try {
    await window.page.evaluate(
      (css) => void (document.getElementById('fonts')!.textContent = css),
      look.fontCss,
    );
    // The chunks of the diagram kinds not drawn before load as they are first drawn.
    const outcomes = await withScripts(window.page, () => drawAll(window.page, jobs, look));
    window.release();
    return new Map(jobs.map((job, i) => [job.key, outcomes[i]!]));
  } catch (err) {
    window.release(true);
    throw err;
  }
}

function drawAll(page: Page, jobs: DiagramJob[], look: DiagramLook): Promise<DiagramOutcome[]> {
  return page.evaluate(
    async (jobs, config, family, maxHeight) => {
      interface MermaidError {
        message?: string;
        hash?: { line?: number; loc?: { first_line?: number } };
      }
      interface Mermaid {
        initialize(config: unknown): void;
        parse(text: string): Promise<{ diagramType: string }>;
        render(id: string, text: string): Promise<{ svg: string }>;
      }
      const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      mermaid.initialize(config);
      // Labels are measured as they are laid out: the faces must be loaded first.
      const text = jobs.map((j) => j.source).join('');
      await Promise.all([400, 700].map((w) => document.fonts.load(`${w} 16px "${family}"`, text)));
      // mermaid's line, from jison's hash or from langium's message ("line 3", "offset: 12").
      const lineOf = (err: MermaidError, source: string): number | undefined => {
        const hashed =
          err.hash?.loc?.first_line ?? (err.hash?.line === undefined ? undefined : err.hash.line + 1);
        if (hashed !== undefined) return hashed;
        const message = err.message ?? '';
        const line = /\bline:? (\d+)/i.exec(message);
        if (line) return Number(line[1]);
        const offset = /\boffset:? (\d+)/i.exec(message);
        return offset ? source.slice(0, Number(offset[1])).split('\n').length : undefined;
      };
      const out: ({ svg: string } | { error: string; line?: number })[] = [];
      for (const job of jobs) {
        try {
          const { diagramType } = await mermaid.parse(job.source);
          // A gantt chart marks today: the build's date would change the drawing on every day.
          const source = diagramType === 'gantt' ? `${job.source}\ntodayMarker off\n` : job.source;
          const { svg } = await mermaid.render(`lectern-diagram-${job.key.slice(0, 12)}`, source);
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          const root = holder.querySelector('svg')!;
          // A fixed size, half again its viewBox (mermaid's 18 px labels beside the slide's 28 px
          // text), shown within the slide's content box: the PPTX's picture reads width and height.
          const [, , w = 0, h = 0] = (root.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
          root.setAttribute('width', String(Math.ceil(w * 1.5)));
          root.setAttribute('height', String(Math.ceil(h * 1.5)));
          root.setAttribute(
            'style',
            `display: block; margin: 0 auto; max-width: 100%; max-height: ${maxHeight}px; width: auto; height: auto;`,
          );
          // Links only to the web: anything else (mermaid's about:blank for a refused one) is unwrapped.
          for (const a of [...root.querySelectorAll('a')]) {
            const href = a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '';
            if (/^https?:\/\//i.test(href)) continue;
            a.replaceWith(...a.childNodes);
          }
          out.push({ svg: new XMLSerializer().serializeToString(root) });
        } catch (err) {
          const e = err as MermaidError;
          const message = String(e.message ?? err);
          out.push({ error: message, line: lineOf(e, job.source) });
        } finally {
          // mermaid leaves an element behind when a render fails.
          document.body.replaceChildren();
        }
      }
      return out;
    },
    jobs,
    mermaidConfig(look),
    look.fontFamily,
    MAX_HEIGHT_PX,
  );
}
