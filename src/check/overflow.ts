import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../deck-model.js';
import { browserFailed, type BrowserSession } from '../export/browser.js';
import { inWindow } from '../export/window-pool.js';
import { slidesDocument } from '../export/slides-pdf.js';
import type { Problem } from '../problem.js';
import type { RenderedDeck } from '../render/render-deck.js';

/** Overflow smaller than this is sub-pixel rounding, not text the room cannot see. */
const TOLERANCE_PX = 1;

/**
 * Lays every slide out in Chromium with the deck's theme and reports each one whose content
 * runs past the slide box: Marp clips it silently, so the trainer would only see it in class.
 */
export async function findOverflow(session: BrowserSession, deck: DeckModel, composed: ComposedDeck, rendered: RenderedDeck): Promise<Problem[]> {
  return inWindow(session, slidesDocument(deck, rendered), rendered.slideSvgs.length, async (page) => {
    // One content section per slide: slides with background images add background and pseudo sections.
    const overflow = await page
      .$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
        svgs.map((svg) => {
          const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
          const s = sections.find((x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content') ?? sections[0];
          return s ? Math.max(s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth, 0) : 0;
        }),
      )
      .catch((err: unknown) => {
        throw browserFailed(`the browser could not measure the slides: ${String(err)}`, err);
      });
    return overflow.flatMap((px, i) => {
      const slide = composed.slides[i];
      if (px <= TOLERANCE_PX || !slide) return [];
      return [
        {
          severity: 'error' as const,
          code: 'slide-overflow',
          file: slide.file,
          line: slide.line,
          slide: i + 1,
          message: `slide ${i + 1} overflows by ${Math.round(px)} px`,
          hint: 'shorten the text or split the slide in two with a --- line; text is never shrunk below a readable size',
        },
      ];
    });
  });
}
