import type { DeckModel } from '../../deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import { browserFailed, type BrowserSession } from '../browser/browser.js';
import { inWindow } from '../browser/window-pool.js';
import { slidesDocument } from '../pdf/slides-pdf.js';

/** A box in the slide's CSS pixels (1280 wide). */
export interface PxBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the rendered slide shows its blocks: each child of the slide's section, and its pictures. */
export interface SlideBoxes {
  /** The section's children in order, by tag name (`P`, `UL`, `TABLE`, `PRE`, …). */
  blocks: (PxBox & {
    tag: string;
    onlyPictures: boolean;
    fontPx: number;
    cols?: number[];
    rows?: number[];
  })[];
  /** The slide's pictures (not backgrounds), in order. */
  pictures: PxBox[];
}

/**
 * Measures the blocks of the given slides in the browser, in the slides document the PDF
 * prints, so the editable PPTX places tables, code and pictures where the PDF shows them.
 */
export async function measureBlockBoxes(
  session: BrowserSession,
  deck: DeckModel,
  rendered: RenderedDeck,
  indices: number[],
): Promise<Map<number, SlideBoxes>> {
  const all = await inWindow(session, slidesDocument(deck, rendered), rendered.slideSvgs.length, (page) =>
    page.$$eval(
      'div.marpit > svg[data-marpit-svg]',
      (svgs, width) =>
        svgs.map((svg) => {
          const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
          const s =
            sections.find(
              (x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content',
            ) ?? sections[0];
          if (!s) return { blocks: [], pictures: [] };
          // The slide's SVG is the frame: a split background narrows the content section itself.
          const origin = svg.getBoundingClientRect();
          const k = width / origin.width;
          const box = (e: Element) => {
            const r = e.getBoundingClientRect();
            return {
              x: (r.left - origin.left) * k,
              y: (r.top - origin.top) * k,
              w: r.width * k,
              h: r.height * k,
            };
          };
          const blocks = [...s.children]
            .filter((e) => !['HEADER', 'FOOTER', 'STYLE', 'SCRIPT'].includes(e.tagName))
            .map((e) => ({
              tag: e.tagName,
              onlyPictures:
                e.tagName === 'P' && e.querySelector('img') !== null && (e.textContent ?? '').trim() === '',
              ...box(e),
              // The size the text is drawn at: a cell's, an item's or the code's, as the theme sets it.
              fontPx:
                parseFloat(
                  getComputedStyle(/^H\d$/.test(e.tagName) ? e : (e.querySelector('td, li, code') ?? e))
                    .fontSize,
                ) * k,
              ...(e.tagName === 'TABLE'
                ? {
                    cols: [...(e.querySelector('tr')?.children ?? [])].map((c) => box(c).w),
                    rows: [...e.querySelectorAll('tr')].map((r) => box(r).h),
                  }
                : {}),
            }));
          return { blocks, pictures: [...s.querySelectorAll('img')].map(box) };
        }),
      1280,
    ),
  ).catch((err: unknown) => {
    throw browserFailed(
      `the browser could not measure the slides for the editable PPTX: ${String(err)}`,
      err,
    );
  });
  return new Map(indices.flatMap((i) => (all[i] ? [[i, all[i]] as const] : [])));
}
