import type { MeasuredBlock } from './block-boxes.js';
import type { SlideBoxes } from './block-boxes.js';
import { bar, PX, pt, withShownBreaks } from './measured-text.js';
import { text, type Colours, type Pptx, type Slide } from './pptx-layouts.js';

/** A point card: its bold phrase and the text after it. */
export interface Point {
  heading: string;
  text: string;
}

/**
 * Numbered point cards, one per point where the theme's grid puts them (the card's box, its top
 * rule, its content centred in its padding at the theme's sizes); false when the measured
 * slide does not show one card per point, and the slide's blocks are drawn as any slide's are.
 */
export function pointCards(
  pptx: Pptx,
  slide: Slide,
  points: Point[],
  c: Colours,
  measured: SlideBoxes | undefined,
): boolean {
  const list = measured?.blocks.find((b) => (b.tag === 'UL' || b.tag === 'OL') && b.items);
  if (list?.items?.length !== points.length) return false;
  measuredCards(pptx, slide, points, list, c);
  return true;
}

function measuredCards(pptx: Pptx, slide: Slide, points: Point[], list: MeasuredBlock, c: Colours): void {
  const size = list.fontPx;
  list.items!.forEach((item, i) => {
    const p = points[i]!;
    bar(pptx, slide, item, c.card, 10);
    bar(pptx, slide, { ...item, h: 6 }, c.primary, 3);
    const headPx = item.strong?.sizePx ?? size;
    const [t = 0, r = 0, b = 0, l = 0] = item.pad;
    // Four cards sit two by two, their number on the heading's line (corporate.css points-4).
    const inline = points.length === 4;
    const number = text(`${String(i + 1).padStart(2, '0')}${inline ? '  ' : ''}`, {
      fontSize: pt(item.beforePx || size),
      bold: true,
      color: c.accentInk,
      breakLine: !inline,
      lineSpacing: pt((item.beforePx || size) * 1.3),
    });
    const heading = { fontSize: pt(headPx), bold: true, color: c.primary, lineSpacing: pt(headPx * 1.6) };
    const body = { fontSize: pt(size), color: c.ink, lineSpacing: pt(size * 1.6) };
    slide.addText(
      [
        number,
        ...shownLines(p.heading, item.lines?.strong).map((line) =>
          text(line, { ...heading, breakLine: true }),
        ),
        ...shownLines(p.text, item.lines?.rest).map((line, j, all) =>
          text(line, { ...body, breakLine: j < all.length - 1 }),
        ),
      ],
      {
        x: item.x * PX,
        y: (item.y + 6) * PX,
        // Two pixels to spare: LibreOffice otherwise breaks a full Chinese line a character early.
        w: (item.w + 2) * PX,
        h: (item.h - 6) * PX,
        margin: [pt(t), pt(r), pt(b), pt(l)],
        // Top-aligned, as the theme sets a card's content.
        valign: 'top',
        fit: 'shrink',
      },
    );
  });
}

/** The text in the lines the browser shows it in, when it shows the same letters; else whole. */
function shownLines(textOf: string, shown: string | undefined): string[] {
  if (!shown) return [textOf];
  const lines: string[] = [''];
  for (const run of withShownBreaks([{ text: textOf }], shown)) {
    if (run.text === '\n') lines.push('');
    else lines[lines.length - 1] += run.text;
  }
  return lines;
}
