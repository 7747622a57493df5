import type { LoadedDeck } from '../load/load-deck.js';
import { error, type Problem } from '../core/problem.js';
import { LIMITS } from '../load/limits.js';

/** The deck's slide count and each slide's length against LIMITS (the loader checks file sizes). */
export function sizeLimitProblems({ chapters }: LoadedDeck): Problem[] {
  const out: Problem[] = [];
  // Title, agenda and closing, plus a divider per chapter.
  let slides = 3;
  for (const c of [...chapters].sort((a, b) => a.number - b.number)) {
    const before = slides;
    slides += 1 + c.slides.filter((s) => s.markdown !== '').length;
    if (before <= LIMITS.slides && slides > LIMITS.slides) {
      out.push(
        error(
          'deck-too-large',
          { file: c.shownAs, line: c.bodyLine },
          `the deck passes ${LIMITS.slides} slides in this chapter (lectern builds at most ${LIMITS.slides})`,
          'split the course into several decks',
        ),
      );
    }
    for (const s of c.slides) {
      const lines = s.markdown.split('\n').length;
      if (lines > LIMITS.slideLines) {
        out.push(
          error(
            'slide-too-large',
            { file: c.shownAs, line: s.line },
            `slide has ${lines} lines (at most ${LIMITS.slideLines})`,
            'a slide is read from across a room: split it, or put the material in a handout',
          ),
        );
      }
    }
  }
  return out;
}
