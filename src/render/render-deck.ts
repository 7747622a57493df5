import type { ComposedDeck } from '../compose/compose-deck.js';
import { LecternError } from '../core/errors.js';
import { consoleCaptured } from '../core/console-capture.js';
import type { DeckTheme } from '../theme/deck-theme.js';
import type { Marp } from '@marp-team/marp-core';
import { renderingEngine } from '../engine/kept-engine.js';
import type { DiagramSvgs } from '../engine/diagram-fence.js';
import { auditRendered } from './resource-audit.js';

export interface RenderedDeck {
  /** `<div class="marpit">` with one `<svg>` per slide. */
  html: string;
  css: string;
  /** One SVG element per slide, for layouts that place slides one by one (handout, script). */
  slideSvgs: string[];
  width: number;
  height: number;
}

const SLIDE_SVG = /<svg data-marpit-svg=""[\s\S]*?<\/foreignObject><\/svg>/g;

/**
 * Renders the composed markdown with marp-core, the same engine marp-cli uses for the HTML, and
 * refuses slides that would load anything lectern did not embed or link to a script. `diagrams`
 * are the drawings of the deck's ```mermaid fences (build/diagrams.ts), shown in their place.
 */
export function renderDeck(
  composed: ComposedDeck,
  theme: DeckTheme,
  diagrams: DiagramSvgs = {},
): RenderedDeck {
  const marp = renderingEngine(theme.css, diagrams);
  let rendered: { html: string; css: string };
  try {
    rendered = silently(() => marp.render(composed.markdown));
  } catch (err) {
    // Validation keeps slides within the limits Marp renders; this is the last guard.
    if (!(err instanceof RangeError)) throw err;
    throw new LecternError('the deck is too large for Marp to render', {
      exit: 'INVALID_DECK',
      finding: 'deck-too-large',
      file: composed.slides[0]?.file,
      hint: 'split long slides and chapters (README: limits)',
      cause: err,
    });
  }
  const { html, css } = rendered;
  const slideSvgs = html.match(SLIDE_SVG) ?? [];
  if (slideSvgs.length !== composed.slides.length) {
    // Lectern and Marp disagree on where slides start: the deck, not lectern, needs a fix.
    const culprit = composed.slides[firstDisagreement(marp, composed)];
    throw new LecternError(
      `Marp sees ${slideSvgs.length} slides where lectern sees ${composed.slides.length}`,
      {
        exit: 'INVALID_DECK',
        finding: 'slide-separator',
        file: culprit?.file ?? composed.slides[0]?.file,
        line: culprit?.line,
        hint: 'a --- separator is written in a way the two read differently, or a comment, code fence or math block is never closed: put a blank line before and after each --- line and close every <!--, ``` and $$',
      },
    );
  }
  const problems = auditRendered(slideSvgs, css, composed);
  if (problems.length > 0) {
    throw new LecternError(
      `the deck would load or link to ${problems.length} address${problems.length === 1 ? '' : 'es'} outside it; nothing was written`,
      { exit: 'INVALID_DECK', problems },
    );
  }
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(slideSvgs[0] ?? '');
  // The font faces are lectern's own (or the dev server's, from loopback): the audit skips them.
  const withFonts = `${css}\n${theme.fontCss}`;
  return {
    html,
    css: withFonts,
    slideSvgs,
    width: Number(box?.[1] ?? 1280),
    height: Number(box?.[2] ?? 720),
  };
}

/**
 * The first slide where Marp stops seeing what lectern sees: the smallest k for which the first
 * k slides render as other than k, found by halving (a few renders, and only on this error path).
 */
function firstDisagreement(marp: Marp, composed: ComposedDeck): number {
  const parts = composed.parts;
  if (!parts) return 0;
  const seen = (k: number) =>
    (
      silently(() =>
        marp.render([parts.head, parts.slides.slice(0, k).join('\n\n---\n\n')].join('\n')),
      ).html.match(SLIDE_SVG) ?? []
    ).length;
  let lo = 0;
  let hi = parts.slides.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (seen(mid) === mid) lo = mid;
    else hi = mid;
  }
  // Fewer slides: slide hi was swallowed by the one before it (an unclosed comment or fence there).
  return seen(hi) < hi ? Math.max(hi - 2, 0) : hi - 1;
}

/**
 * MathJax prints a stack trace to the console for math it cannot parse (C1 control characters,
 * for one) and renders it as an error mark: core code never prints, so its console is muted.
 */
function silently<T>(fn: () => T): T {
  return consoleCaptured(fn);
}
