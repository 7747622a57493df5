import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../validate/deck-model.js';
import type { BrowserSession } from '../export/browser/browser.js';
import { fitProblems, measureFit } from '../export/browser/slide-overflow.js';
import { slidesDocument } from '../export/pdf/slides-pdf.js';
import { inWindow } from '../export/browser/window-pool.js';
import type { Problem } from '../core/problem.js';
import type { RenderedDeck } from '../render/render-deck.js';

/**
 * Lays every slide out in Chromium with the deck's theme and reports each one whose content
 * runs past the slide box or whose boxes collide, as errors, the same as `build`.
 */
export async function findOverflow(
  session: BrowserSession,
  deck: DeckModel,
  composed: ComposedDeck,
  rendered: RenderedDeck,
): Promise<Problem[]> {
  return inWindow(session, slidesDocument(deck, rendered), rendered.slideSvgs.length, async (page) =>
    fitProblems(composed, await measureFit(page)),
  );
}
