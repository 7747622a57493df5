import type { ComposedDeck } from '../compose/compose-deck.js';
import { LecternError } from '../errors.js';
import type { DeckTheme } from '../theme/deck-theme.js';
import { createMarp } from './marp-engine.js';

export interface RenderedDeck {
  /** `<div class="marpit">` with one `<svg>` per slide. */
  html: string;
  css: string;
  /** One SVG element per slide, for layouts that place slides one by one (handout, script). */
  slideSvgs: string[];
  width: number;
  height: number;
}

/** Renders the composed markdown with marp-core, the same engine marp-cli uses for the HTML. */
export function renderDeck(composed: ComposedDeck, theme: DeckTheme): RenderedDeck {
  const marp = createMarp();
  for (const css of theme.css) marp.themeSet.add(css);
  const { html, css } = marp.render(composed.markdown);
  const slideSvgs = html.match(/<svg data-marpit-svg=""[\s\S]*?<\/foreignObject><\/svg>/g) ?? [];
  if (slideSvgs.length !== composed.slides.length) {
    // Lectern and Marp disagree on where slides start: the deck, not lectern, needs a fix.
    throw new LecternError(`Marp sees ${slideSvgs.length} slides where lectern sees ${composed.slides.length}`, {
      code: 'INVALID_DECK',
      hint: 'a --- separator is written in a way the two read differently, or a comment or code fence is never closed: put a blank line before and after each --- line and close every <!-- and ```',
    });
  }
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(slideSvgs[0] ?? '');
  return { html, css, slideSvgs, width: Number(box?.[1] ?? 1280), height: Number(box?.[2] ?? 720) };
}
