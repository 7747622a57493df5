import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../validate/deck-model.js';
import { browserFailed, type BrowserSession } from '../export/browser/browser.js';
import { fitProblems, measureFit } from '../export/browser/slide-overflow.js';
import { measureSlideColours } from '../export/browser/slide-contrast.js';
import { slidesDocument } from '../export/pdf/slides-pdf.js';
import { inWindow } from '../export/browser/window-pool.js';
import type { Problem } from '../core/problem.js';
import type { RenderedDeck } from '../render/render-deck.js';
import { contrastProblems, type BrandColour, type SourceText } from './contrast.js';

/**
 * Lays every slide out in Chromium with the deck's theme and reports each one whose content
 * runs past the slide box or whose boxes collide, as errors, the same as `build`; and, as
 * warnings, text too faint against its background and the brand colours that make it so.
 */
export async function findOverflow(
  session: BrowserSession,
  deck: DeckModel,
  composed: ComposedDeck,
  rendered: RenderedDeck,
  sources: SourceText[],
): Promise<Problem[]> {
  return inWindow(session, slidesDocument(deck, rendered), rendered.slideSvgs.length, async (page) => {
    const fit = fitProblems(composed, await measureFit(page));
    const keys = (['primary', 'accent'] as const).filter((k) => deck.brand[k]);
    const failed = (err: unknown) => {
      throw browserFailed(`the browser could not read the slides' colours: ${String(err)}`, err);
    };
    const drawn = await page.evaluate(measureSlideColours).catch(failed);
    // The brand colours as the browser computes them, however deck.md wrote them.
    const computed = await page
      .evaluate(
        (values) =>
          values.map((v) => {
            const probe = document.createElement('i');
            probe.style.color = v;
            document.body.append(probe);
            const colour = getComputedStyle(probe).color;
            probe.remove();
            return colour;
          }),
        keys.map((k) => deck.brand[k]!),
      )
      .catch(failed);
    const brand: BrandColour[] = keys.map((key, i) => ({
      key,
      value: deck.brand[key]!,
      computed: computed[i]!,
      file: deck.deckFile,
      line: deck.keyLines[`brand.${key}`] ?? deck.keyLines.brand ?? 1,
    }));
    return [...fit, ...contrastProblems(drawn, composed, sources, brand)];
  });
}
