import type { Page } from 'puppeteer-core';

/** How diagrams look: mermaid's theme variables and the font its labels are measured and drawn in. */
export interface DiagramLook {
  themeVariables: Record<string, string>;
  /** The font family, first in the labels' font stack. */
  fontFamily: string;
  /** @font-face rules (data: URIs) that hold every character of the diagrams. */
  fontCss: string;
}

export interface DiagramJob {
  key: string;
  source: string;
}

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

/** The tallest a diagram is shown: a 720 px slide's room under its title, header and footer. */
const MAX_HEIGHT_PX = 420;

/** A drawing and its size (CSS px, its width and height), or mermaid's message and the diagram's 1-based line. */
export type DrawnDiagram = { svg: string; width: number; height: number } | { error: string; line?: number };

/** Each diagram drawn in turn by mermaid in `page` (mermaid queues its renders: one at a time). */
export function drawAll(page: Page, jobs: DiagramJob[], look: DiagramLook): Promise<DrawnDiagram[]> {
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
      const out: ({ svg: string; width: number; height: number } | { error: string; line?: number })[] = [];
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
          const [width, height] = [Math.ceil(w * 1.5), Math.ceil(h * 1.5)];
          root.setAttribute('width', String(width));
          root.setAttribute('height', String(height));
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
          out.push({ svg: new XMLSerializer().serializeToString(root), width, height });
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
