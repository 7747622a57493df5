import type { measureHelpers } from './block-measure-helpers.js';

// What measureSlides reads of a block of raw HTML (`<div class="columns">…</div>`, a
// `<details>`, `<center>`: Marp's allowlist is broad): the boxes it paints, the text it
// shows and its pictures, each where the slide shows it, so the editable PPTX draws them as
// shapes, text frames and pictures (pptx-measured-cards.ts) instead of a picture of the slide.
// Installed in the page as its own global (page scripts cannot import), and handed the
// slide's measureHelpers.

type Helpers = ReturnType<typeof measureHelpers>;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
export function htmlMeasureHelpers(h: Helpers) {
  const { box, look, deco, rangeBox, runs, wrappedLines, rgba } = h;
  const inline = (e: Element) => getComputedStyle(e).display.startsWith('inline');
  const hasText = (e: Element) =>
    [...e.childNodes].some(
      (n) =>
        (n.nodeType === Node.TEXT_NODE && (n.nodeValue ?? '').trim()) ||
        (n instanceof Element && inline(n) && (n.textContent ?? '').trim()),
    );
  /**
   * The parts of a block, in document order: each element's painted box, each picture, and
   * the text of each element that holds text and no block of its own (its inline children's
   * text is its runs).
   */
  const htmlParts = (block: Element) =>
    [block, ...block.querySelectorAll('*')]
      // Not the inside of a drawing or a formula (the slide itself is an SVG: only the block's own).
      .filter((e) => {
        const drawing = e.closest('svg, mjx-container, style, script');
        return e === block || !drawing || !block.contains(drawing);
      })
      .flatMap((e) => {
        const found = [];
        const painted = deco(e);
        // The block's own box is drawn with the block.
        if (painted && e !== block) found.push({ kind: 'box' as const, ...box(e), deco: painted });
        if (e.tagName === 'IMG')
          found.push({
            kind: 'picture' as const,
            ...box(e),
            src: (e as HTMLImageElement).currentSrc || (e as HTMLImageElement).src,
            alt: (e as HTMLImageElement).alt,
          });
        else if (!inline(e) && hasText(e) && ![...e.children].some((c) => !inline(c))) {
          const shown = wrappedLines(e);
          // A bulleted item's disc, in its marker's colour.
          const cs = getComputedStyle(e);
          const disc = cs.display === 'list-item' && /^(disc|circle|square)$/.test(cs.listStyleType);
          found.push({
            kind: 'text' as const,
            ...box(e),
            ...look(e),
            textBox: rangeBox(e) ?? box(e),
            runs: runs(e),
            ...(shown ? { shown } : {}),
            ...(disc ? { marker: rgba(getComputedStyle(e, '::marker').color).hex } : {}),
          });
        }
        return found;
      });
  return { htmlParts };
}

/** The page's global for htmlMeasureHelpers, installed by measureSlides. */
export interface HtmlMeasureWindow {
  __lecternMeasureHtml: typeof htmlMeasureHelpers;
}
