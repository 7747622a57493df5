import type { SlideInfo } from '../../compose/compose-deck.js';
import { W, type Colours, type Pptx, type Slide } from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { drawBackground } from './pptx-background.js';
import { drawThemePaint } from './theme-paint.js';
import { drawBlocks, runProps } from './pptx-blocks.js';
import { TITLE_NAME, bar, frameAt, pt, withShownBreaks } from './measured-text.js';
import { drawDeco, drawMeasuredCards } from './pptx-measured-cards.js';
import { masterName, type TrainingLayout } from './pptx-training-layouts.js';
import type { SlideStructure } from './slide-structure.js';

// A content slide of the editable PPTX, of any theme: its background, its heading where the
// slide shows it, then its blocks where the slides document shows them (pptx-blocks.ts).

/**
 * Draws a content slide on the master of its layout (the content master when it has none):
 * background, heading, point cards or blocks. `textInPlaceholder`: on a company template, the
 * slide's text is in the layout's body placeholder (graft-template.ts) and gets no frame here.
 */
export function contentSlide(
  pptx: Pptx,
  info: SlideInfo,
  st: SlideStructure,
  c: Colours,
  H: number,
  measured: SlideBoxes | undefined,
  textInPlaceholder = false,
  layout?: TrainingLayout,
): Slide {
  const slide = pptx.addSlide({ masterName: layout ? masterName(layout) : 'LECTERN_CONTENT' });
  // A `![bg]` picture first: it lies under the slide's text, the heading's too.
  const bg = st.blocks.find((b) => b.kind === 'background');
  drawBackground(
    slide,
    bg?.kind === 'background'
      ? {
          data: bg.png ?? bg.src,
          natural: bg.src,
          alt: bg.alt,
          share: bg.share,
          side: bg.split,
          fit: bg.fit,
          ...(bg.scale ? { scale: bg.scale } : {}),
        }
      : undefined,
    measured?.backdrop,
    H,
  );
  drawThemePaint(pptx, slide, measured);
  // Raw HTML among text, and cards (a list whose items the theme boxes): every block as the
  // measured slide shows it, part by part; its tables, code and pictures natively, where it shows them.
  if (measured && (st.html || (!textInPlaceholder && showsCards(measured)))) {
    const native = measured.blocks.filter((b) => b.tag === 'TABLE' || b.tag === 'PRE' || b.onlyPictures);
    drawMeasuredCards(pptx, slide, measured, native, !c.templated);
    const blocks = st.blocks.filter((b) => b.kind === 'table' || b.kind === 'code' || b.kind === 'pictures');
    if (blocks.length)
      drawBlocks(pptx, slide, blocks, { x: 0.8, y: 1.9, w: W - 1.6, h: H - 2.7 }, c, {
        ...measured,
        blocks: native,
      });
    return slide;
  }
  const first = measured?.blocks[0];
  const head = first && /^H\d$/.test(first.tag) ? first : undefined;
  if (st.heading && head) {
    // Where the slide shows it, inline formatting kept, with the theme's accent rule under it.
    const shown = withShownBreaks(st.headingRuns ?? [{ text: st.heading }], head.text);
    const runs = runProps(shown, { ...c, ink: head.color }, 0, {
      bold: head.bold,
      ...(head.letterSpacingPx ? { charSpacing: pt(head.letterSpacingPx) } : {}),
    }).map((r) => ({ ...r, options: { ...r.options, fontSize: pt(head.sizePx) } }));
    // Another theme's heading box: its background and borders (a rule under it), behind its text.
    if (head.deco) drawDeco(pptx, slide, head, head.deco);
    slide.addText(runs, {
      ...frameAt(head.after ? { ...head, h: head.after.y - head.y } : head, head),
      objectName: TITLE_NAME,
    });
    if (head.after && !c.templated) bar(pptx, slide, head.after, head.after.color, head.after.h / 2);
  } else if (st.heading)
    // Not where the slide shows its first block: the title at the top, for the outline.
    slide.addText(
      runProps(st.headingRuns ?? [{ text: st.heading }], { ...c, ink: c.primary }, 30, { bold: true }),
      { x: 0.8, y: 0.6, w: W - 2.4, h: 0.85, valign: 'bottom', fit: 'shrink', objectName: TITLE_NAME },
    );
  const top = 1.9;
  const bottom = H - 0.8;
  if (textInPlaceholder) return slide;
  let box = { x: 0.8, y: top, w: W - 1.6, h: bottom - top };
  if (bg?.kind === 'background') {
    const w = W * bg.share;
    if (bg.split === 'right') box = { ...box, w: W - w - 1.3 };
    else if (bg.split === 'left') box = { ...box, x: w + 0.5, w: W - w - 1.3 };
  }
  drawBlocks(
    pptx,
    slide,
    st.blocks.filter((b) => b.kind !== 'background'),
    box,
    c,
    measured,
    st.heading !== undefined,
  );
  return slide;
}

/** The slide shows a list's items as cards: each boxed by the theme, or with a `::before` mark. */
const showsCards = (m: SlideBoxes): boolean =>
  m.blocks.some((b) => b.items?.some((it) => it.deco || it.before));
