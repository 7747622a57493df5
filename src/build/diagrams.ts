import { createHash } from 'node:crypto';
import type { DiagramFence } from '../compose/diagram-fences.js';
import { error, type Problem } from '../core/problem.js';
import type { DiagramSvgs } from '../engine/diagram-fence.js';
import type { BrowserSession } from '../export/browser/browser.js';
import type { BrowserWindow } from '../export/browser/window-pool.js';
import type { DiagramLook, DiagramOutcome } from '../export/browser/mermaid-page.js';
import { ENGINE_VERSIONS } from '../export/output/build-cache.js';
import { FONT_FAMILY } from '../fonts/embedded-font.js';
import { readKeptRecord } from '../core/kept-record.js';
import { diagramBins } from './diagram-bins.js';
import type { DeckModel } from '../validate/deck-model.js';

/** Beside the outputs: each diagram's drawing, by its source, look and the renderer's version. */
export const DIAGRAM_CACHE_FILE = '.lectern-diagrams.json';

/** The corporate theme's colours (themes/corporate.css), which a deck's brand overrides. */
const PALETTE = { primary: '#0b3d6e', accent: '#e8a317', ink: '#1d2633', muted: '#5b6778', card: '#f2f5f9' };

export interface RenderedDiagrams {
  svgs: DiagramSvgs;
  /** Diagrams mermaid cannot read, at their line in the chapter file. */
  problems: Problem[];
  /** PNGs of the diagrams drawn afresh, by their SVG, when the renderer was asked for them. */
  pictures?: Promise<ReadonlyMap<string, string>>;
}

export interface RendererOptions {
  /** The editable PPTX will be built: its PNGs of the diagrams are drawn as they are. */
  pictures?: boolean;
}

/**
 * Diagrams drawn by mermaid in the build's browser, each once: a drawing is kept by the hash of
 * its source, its look and the versions that draw it, in the output folder between builds (and
 * in memory between the dev server's saves), so an unchanged diagram starts no browser.
 */
export class DiagramRenderer {
  private readonly used: Record<string, string> = {};
  /** Windows with mermaid loaded or loading: a render draws in up to two at once (diagram-bins.ts). */
  private windows: Promise<BrowserWindow>[] = [];

  private constructor(
    private readonly session: () => Promise<BrowserSession>,
    private readonly known: Record<string, string>,
    private readonly opts: RendererOptions = {},
  ) {}

  /** With the drawings of the last build in `file`; none when there is none or it is not one. */
  static async open(
    file: string,
    session: () => Promise<BrowserSession>,
    opts: RendererOptions = {},
  ): Promise<DiagramRenderer> {
    const isText = (v: unknown): v is string => typeof v === 'string';
    return new DiagramRenderer(session, await readKeptRecord(file, isText), opts);
  }

  /** Kept in memory only: the dev server's, from one save to the next. */
  static inMemory(session: () => Promise<BrowserSession>): DiagramRenderer {
    return new DiagramRenderer(session, {});
  }

  /** Whether no drawing was kept: a first build, or one into a new output folder. */
  get empty(): boolean {
    return Object.keys(this.known).length === 0;
  }

  /**
   * Loads mermaid into `count` windows now (at most two), for diagrams to come: the build calls
   * it as it starts, two when the deck may hold diagrams of two kinds.
   */
  warm(count = 1): void {
    const session = this.session();
    while (this.windows.length < Math.min(2, count)) {
      const window = (async () => {
        const { mermaidWindow } = await import('../export/browser/mermaid-page.js');
        return mermaidWindow(await session);
      })();
      // A browser that fails to start fails the render that waits for it.
      window.catch(() => undefined);
      this.windows.push(window);
    }
  }

  /** Gives back windows warmed for diagrams that turned out to need none (or were all kept). */
  releaseWarm(): void {
    giveBack(this.windows.splice(0));
  }

  /** The drawings this renderer made or reused, for the next build's cache file. */
  toJSON(): Record<string, string> {
    return this.used;
  }

  /** The deck's diagrams, drawn or taken from the cache; `fontCss` must cover their characters. */
  async render(
    fences: DiagramFence[],
    model: DeckModel,
    fontCss: () => Promise<string>,
  ): Promise<RenderedDiagrams> {
    const look = diagramLook(model);
    const salt = `${ENGINE_VERSIONS}\0${JSON.stringify(look)}\0`;
    const cacheKey = (f: DiagramFence) => createHash('sha256').update(salt).update(f.source).digest('hex');
    const svgs: Record<string, string> = {};
    const todo = new Map<string, DiagramFence>();
    for (const f of fences) {
      const hit = this.known[cacheKey(f)] ?? this.used[cacheKey(f)];
      if (hit !== undefined) {
        svgs[f.key] = hit;
        this.used[cacheKey(f)] = hit;
      } else todo.set(f.key, f);
    }
    const outcomes = new Map<string, DiagramOutcome>();
    let pictures: Promise<ReadonlyMap<string, string>> | undefined;
    if (todo.size > 0) {
      const { renderDiagrams } = await import('../export/browser/mermaid-page.js');
      const jobs = [...todo.values()].map((f) => ({ key: f.key, source: f.source }));
      const bins = diagramBins(jobs, 2);
      this.warm(bins.length);
      // The windows go back to the pool after the render: the next render asks for them again.
      const windows = this.windows.splice(0);
      giveBack(windows.splice(bins.length));
      const withFont = { ...look, fontCss: await fontCss() };
      // Each window draws as soon as it is there: a pool of one window lends it to each in turn.
      const drawn = await Promise.all(
        bins.map(async (bin, i) => renderDiagrams(await windows[i]!, bin, withFont, this.opts.pictures)),
      );
      for (const d of drawn) for (const [key, outcome] of d.outcomes) outcomes.set(key, outcome);
      const parts = drawn.flatMap((d) => (d.pictures ? [d.pictures] : []));
      if (parts.length > 0)
        pictures = Promise.all(parts).then((maps) => new Map(maps.flatMap((m) => [...m])));
    }
    const problems: Problem[] = [];
    for (const f of fences) {
      const outcome = outcomes.get(f.key);
      if (!outcome) continue;
      if ('svg' in outcome) {
        svgs[f.key] = outcome.svg;
        this.used[cacheKey(f)] = outcome.svg;
      } else problems.push(diagramProblem(f, outcome));
    }
    return { svgs, problems, pictures };
  }
}

/** Mermaid's theme from the deck's palette, its labels in the deck's font. */
export function diagramLook(model: DeckModel): Omit<DiagramLook, 'fontCss'> {
  const primary = model.brand.primary ?? PALETTE.primary;
  const accent = model.brand.accent ?? PALETTE.accent;
  const { ink, muted, card } = PALETTE;
  return {
    fontFamily: FONT_FAMILY,
    themeVariables: {
      background: '#ffffff',
      primaryColor: card,
      primaryBorderColor: primary,
      primaryTextColor: ink,
      secondaryColor: accent,
      tertiaryColor: '#ffffff',
      lineColor: primary,
      textColor: ink,
      noteBkgColor: card,
      noteBorderColor: accent,
      // Sequence diagrams' actors, gantt bars and pie slices in the brand colours.
      actorBkg: primary,
      actorTextColor: '#ffffff',
      actorBorder: primary,
      signalColor: ink,
      taskBkgColor: primary,
      taskBorderColor: primary,
      taskTextColor: '#ffffff',
      taskTextOutsideColor: ink,
      sectionBkgColor: card,
      altSectionBkgColor: '#ffffff',
      gridColor: muted,
      pie1: primary,
      pie2: accent,
      pie3: muted,
      pieStrokeColor: '#ffffff',
      pieOuterStrokeColor: muted,
      // Mind maps' branches.
      cScale0: primary,
      cScale1: accent,
      cScale2: muted,
      cScaleLabel0: '#ffffff',
      cScaleLabel1: '#ffffff',
      cScaleLabel2: '#ffffff',
      fontSize: '18px',
    },
  };
}

function diagramProblem(f: DiagramFence, outcome: { error: string; line?: number }): Problem {
  // jison quotes the line and points at it with ----^ : the message says it in words already.
  const lines = outcome.error.split('\n').map((l) => l.trim());
  const caret = lines.findIndex((l) => /^-*\^$/.test(l));
  const words = lines
    .filter((l, i) => l !== '' && (caret < 0 || (i !== caret && i !== caret - 1)))
    // jison counts lines from the fence's first; the file's line is in the finding already.
    .map((l) => l.replace(/^Parse error on line \d+:\s*/i, ''));
  return error(
    'diagram-invalid',
    { file: f.file, line: f.line + (outcome.line ?? 1), slide: f.slide + 1 },
    `mermaid cannot read this diagram: ${words.join(' ')}`,
    'fix the diagram (mermaid.js.org/syntax shows each kind); the line is mermaid’s own line within the fence',
  );
}

/** Windows back to the pool once they are there (one that failed to start has nothing to give back). */
function giveBack(windows: Promise<BrowserWindow>[]): void {
  for (const window of windows)
    void window.then(
      (w) => w.release(),
      () => undefined,
    );
}
