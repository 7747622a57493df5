import type { Page } from 'puppeteer-core';
import type { ComposedDeck } from '../../compose/compose-deck.js';
import { finding, type Problem, type Severity } from '../../core/problem.js';
import { browserFailed } from './browser.js';

/** Overflow smaller than this is sub-pixel rounding, not text the room cannot see. */
const TOLERANCE_PX = 1;

/**
 * How far each slide's content runs past the slide box, in px, measured in a window that
 * shows the slides document: Marp clips it silently, so the trainer would only see it in class.
 */
export async function measureOverflow(page: Page): Promise<number[]> {
  // One content section per slide: slides with background images add background and pseudo sections.
  return page
    .$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
      svgs.map((svg) => {
        const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
        const s =
          sections.find(
            (x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content',
          ) ?? sections[0];
        return s ? Math.max(s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth, 0) : 0;
      }),
    )
    .catch((err: unknown) => {
      throw browserFailed(`the browser could not measure the slides: ${String(err)}`, err);
    });
}

/** A problem for each overflowing slide: an error for `check`, a warning for `build`. */
export function overflowProblems(composed: ComposedDeck, overflow: number[], severity: Severity): Problem[] {
  return overflow.flatMap((px, i) => {
    const slide = composed.slides[i];
    if (px <= TOLERANCE_PX || !slide) return [];
    return [
      finding(severity)(
        'slide-overflow',
        { file: slide.file, line: slide.line, slide: i + 1 },
        `slide ${i + 1} overflows by ${Math.round(px)} px`,
        'shorten the text or split the slide in two with a --- line; text is never shrunk below a readable size',
      ),
    ];
  });
}
