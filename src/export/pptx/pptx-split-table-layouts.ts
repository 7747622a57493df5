import { FONT, W, text, type Colours, type Pptx, type Slide, type TextProps } from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { drawBackground } from './pptx-background.js';
import { drawBlocks } from './pptx-blocks.js';
import type { SlideStructure } from './slide-structure.js';
import { line, type Parts } from './training-parts.js';

// The picture-and-text (split) and table layouts: their blocks where the slides document shows
// them (drawBlocks), the split picture in its part of the slide, a fixed grid when unmeasured.

interface Body {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The split layout: the text side's blocks, then the picture as Marp's `cover` or `contain`. */
export function drawSplit(
  pptx: Pptx,
  slide: Slide,
  p: Parts,
  st: SlideStructure,
  c: Colours,
  H: number,
  box: Body,
  measured: SlideBoxes | undefined,
): void {
  if (measured && /^H\d$/.test(measured.blocks[0]?.tag ?? ''))
    drawBlocks(
      pptx,
      slide,
      st.blocks.filter((b) => b.kind !== 'background'),
      box,
      c,
      measured,
      true,
    );
  else {
    const lines: TextProps[] = [
      ...p.paragraphs.map((t) => text(t, { fontSize: 20, color: c.ink, breakLine: true, paraSpaceAfter: 8 })),
      ...p.items.map((it) =>
        text(line(it), {
          fontSize: 22,
          color: c.ink,
          bullet: { indent: 18 },
          breakLine: true,
          paraSpaceAfter: 10,
        }),
      ),
    ];
    if (lines.length) slide.addText(lines, { ...box, valign: 'top', fit: 'shrink' });
  }
  drawBackground(slide, p.background, measured?.backdrop, H);
}

/** The table layout: the table and its caption where the PDF shows them, or a full-width table. */
export function drawTable(
  pptx: Pptx,
  slide: Slide,
  p: Parts,
  st: SlideStructure,
  c: Colours,
  box: Body,
  measured: SlideBoxes | undefined,
): void {
  if (measured) {
    drawBlocks(pptx, slide, st.blocks, box, c, measured, st.heading !== undefined);
    return;
  }
  const [head, ...rest] = p.rows;
  const cell = (t: string, header: boolean) => ({
    text: t,
    options: {
      bold: header,
      color: header ? 'FFFFFF' : c.ink,
      fill: { color: header ? c.primary : 'FFFFFF' },
    },
  });
  if (head)
    slide.addTable([head.map((t) => cell(t, true)), ...rest.map((r) => r.map((t) => cell(t, false)))], {
      x: 0.8,
      y: box.y,
      w: W - 1.6,
      fontFace: FONT,
      fontSize: 16,
      border: { type: 'solid', pt: 1, color: 'C9D2DE' },
      margin: 0.08,
    });
  if (p.paragraphs.length)
    slide.addText(
      p.paragraphs.map((t) => text(t, { fontSize: 16, color: c.muted, breakLine: true, paraSpaceAfter: 8 })),
      { x: box.x, y: box.y + box.h - 0.8, w: box.w, h: 0.7, valign: 'top', fit: 'shrink' },
    );
}
