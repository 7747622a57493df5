import { FONT, W, text, type Colours, type Pptx, type Slide } from './pptx-layouts.js';
import { line, type Parts } from './training-parts.js';

// The fallback for the case, statement and compare layouts when a slide's measurements do not
// match what it says: the theme's frames on a fixed grid, in inches, still editable text.

export const DO = '2E7D4F';
export const AVOID = 'B23A2E';

/** A fixed-geometry slide's context: the slide, what it says and where its body goes. */
export interface FixedBody {
  pptx: Pptx;
  slide: Slide;
  p: Parts;
  c: Colours;
  top: number;
  bottom: number;
}

const para = (c: Colours, t: string, o: object = {}) =>
  text(t, { fontSize: 20, color: c.ink, breakLine: true, paraSpaceAfter: 8, ...o });

/** The statement: the quote mark, the sentence large, its source below. */
export function fixedStatement({ slide, p, c }: FixedBody): void {
  slide.addText('“', { x: 1.4, y: 1.5, w: 1.2, h: 1.2, fontFace: FONT, fontSize: 96, color: c.accent });
  const lines = p.quote.map((q, i) =>
    para(c, q, i === 0 ? { fontSize: 34, bold: true, color: c.primary } : { fontSize: 18, color: c.muted }),
  );
  if (lines.length) slide.addText(lines, { x: 1.6, y: 2.6, w: W - 3.2, h: 3, valign: 'top', fit: 'shrink' });
}

/** The case: the scenario in a card with the brand bar, the question in an accent box below. */
export function fixedCase({ slide, p, c, top, bottom }: FixedBody): void {
  slide.addShape('rect', { x: 0.8, y: top, w: 0.08, h: bottom - top - 1.3, fill: { color: c.primary } });
  slide.addText(
    p.quote.map((q) => para(c, q)),
    {
      x: 1.0,
      y: top,
      w: W - 2.0,
      h: bottom - top - 1.3,
      fill: { color: c.card },
      valign: 'middle',
      margin: 14,
      fit: 'shrink',
    },
  );
  if (p.paragraphs.length)
    slide.addText(`?  ${p.paragraphs.at(-1)}`, {
      x: 0.8,
      y: bottom - 1.0,
      w: W - 1.6,
      h: 0.8,
      fontFace: FONT,
      fontSize: 20,
      bold: true,
      color: c.primary,
      fill: { color: 'FDF3DC' },
      line: { color: c.accent, width: 2 },
      margin: 10,
    });
}

/** Compare: two columns, each a coloured header over a card with its list. */
export function fixedCompare({ slide, p, c, top, bottom }: FixedBody): void {
  const w = (W - 2.1) / 2;
  p.columns.slice(0, 2).forEach((col, i) => {
    const x = 0.8 + i * (w + 0.5);
    slide.addText(col.title, {
      x,
      y: top,
      w,
      h: 0.6,
      fontFace: FONT,
      fontSize: 22,
      bold: true,
      color: 'FFFFFF',
      fill: { color: i === 0 ? DO : AVOID },
      margin: 10,
    });
    slide.addText(
      col.items.map((it) =>
        text(line(it), {
          fontSize: 18,
          color: c.ink,
          bullet: { indent: 18 },
          breakLine: true,
          paraSpaceAfter: 8,
        }),
      ),
      {
        x,
        y: top + 0.6,
        w,
        h: bottom - top - 0.7,
        fill: { color: c.card },
        valign: 'top',
        margin: 12,
        fit: 'shrink',
      },
    );
  });
}
