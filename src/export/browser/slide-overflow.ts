import type { Page } from 'puppeteer-core';
import type { ComposedDeck, SlideInfo } from '../../compose/compose-deck.js';
import { error, type Problem } from '../../core/problem.js';
import { browserFailed } from './browser.js';
import { measureSlideFit, type CollisionKind, type SlideFit } from './slide-fit.js';

export type { SlideFit } from './slide-fit.js';

/** Overflow smaller than this is sub-pixel rounding, not text the room cannot see. */
const TOLERANCE_PX = 1;

/**
 * How each slide fits, measured in a window that shows the slides document: Marp clips
 * overflow silently and draws colliding boxes over each other, so the trainer would only see
 * it in class.
 */
export async function measureFit(page: Page): Promise<SlideFit[]> {
  return page.evaluate(measureSlideFit).catch((err: unknown) => {
    throw browserFailed(`the browser could not measure the slides: ${String(err)}`, err);
  });
}

/** "about 2 lines": the overflow in the slide's lines of body text, at least one. */
export function inLines(px: number, line: number): string {
  const n = Math.max(1, Math.round(px / (line || 42)));
  return `about ${n} line${n === 1 ? '' : 's'}`;
}

const COLLISIONS: Record<CollisionKind, { what: string; hint: string }> = {
  'timebox-heading': {
    what: 'the time box covers the heading',
    hint: 'shorten the heading to one line; the time box sits at the top right of an exercise',
  },
  'logo-timebox': {
    what: 'the logo overlaps the time box',
    hint: 'use a logo that is wider than tall (brand.logo is drawn 40 px high at the top right)',
  },
  'chrome-content': {
    what: "the chapter header or the footer overlaps the slide's content",
    hint: 'the theme leaves too little room at the top or bottom: raise its section padding',
  },
  'picture-text': {
    what: 'a picture covers text',
    hint: 'give the picture a size that leaves room, e.g. ![w:600](…), or give it a slide of its own',
  },
};

/**
 * Every overflow and collision as an error at the slide's file:line: `check`, `build` and
 * `dev` report them the same way, and a deck with one is not print-ready.
 */
export function fitProblems(composed: ComposedDeck, fits: SlideFit[]): Problem[] {
  return fits.flatMap((fit, i) => {
    const slide = composed.slides[i];
    if (!slide) return [];
    const where = { file: slide.file, line: slide.line, slide: i + 1 };
    const out: Problem[] = [];
    if (fit.overflow > TOLERANCE_PX)
      out.push(
        error(
          'slide-overflow',
          where,
          `slide ${i + 1} is ${inLines(fit.overflow, fit.line)} too long`,
          overflowHint(slide),
          Math.round(fit.overflow),
        ),
      );
    else if (fit.wide > TOLERANCE_PX)
      out.push(
        error(
          'slide-overflow',
          where,
          `slide ${i + 1} is ${Math.round(fit.wide)} px too wide`,
          slide.generatedFrom
            ? overflowHint(slide)
            : 'narrow the widest block: fewer table columns, a shorter code line, or a smaller picture',
          Math.round(fit.wide),
        ),
      );
    // Text that runs off the bottom runs under the footer too: one finding says it.
    const overflowing = out.length > 0;
    for (const c of fit.collisions) {
      if (overflowing && c.kind === 'chrome-content') continue;
      const { what, hint } = COLLISIONS[c.kind];
      out.push(error('slide-collision', where, `slide ${i + 1}: ${what}`, hint, Math.round(c.px)));
    }
    return out;
  });
}

function overflowHint(slide: SlideInfo): string {
  return slide.generatedFrom
    ? `lectern makes this slide from ${slide.generatedFrom}: shorten it`
    : 'shorten the text or split the slide in two with a --- line; text is never shrunk below a readable size';
}
