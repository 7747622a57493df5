import type { Block, Picture, Run } from '../../engine/slide-tokens.js';
import { imageSize, pptxImageData } from './image-size.js';
import { FONT, text, type Colours, type Pptx, type Slide, type TextProps } from './pptx-layouts.js';
import {
  BODY_PX,
  CODE_FONT,
  CODE_PX,
  PT_PER_PX,
  TABLE_PX,
  lines,
  plainOf,
  runProps,
  type Box,
  type Placed,
} from './pptx-runs.js';
import { PX } from './pptx-layouts.js';
import { measuredCell, type MeasuredCells } from './pptx-measured-table.js';
import { withShownBreaks } from './measured-text.js';

// Code, quotes, tables and picture rows as PowerPoint shapes, sized for a flow or a measured box.

/** A picture with its markdown alt text as PowerPoint's alt text (`descr`). */
export function addPicture(slide: Slide, src: string, alt: string, b: Box): void {
  const data = pptxImageData(src);
  if (data) slide.addImage({ data, ...b, altText: alt });
}

export function blockShape(
  pptx: Pptx,
  b: Block,
  box: Box,
  c: Colours,
  colWidths?: number[],
  rowHeights?: number[],
  fontPx?: number,
  /** Another theme's table cells and code padding as the slide paints them (block-boxes.ts). */
  shown: {
    cells?: MeasuredCells;
    codePad?: number[];
    codeRuns?: { text: string; color: string }[];
    codeLineHeightPx?: number;
    cellLines?: string[][];
  } = {},
): Placed | undefined {
  const { cells } = shown;
  if (b.kind === 'code') {
    const pt = (fontPx || CODE_PX) * PT_PER_PX;
    const h = b.text.split('\n').length * lineIn(pt, 1.35) + 0.45;
    return {
      h,
      draw: (s, y, hh) =>
        s.addText(codeText(b.text, shown.codeRuns, { fontFace: CODE_FONT, fontSize: pt, color: c.ink }), {
          x: box.x,
          y,
          w: box.w,
          h: hh,
          // No fill where the theme paints code on the page itself (`card` empty).
          ...(c.card ? { fill: { color: c.card } } : {}),
          // The theme's padding where measured; pptxgenjs reads a text frame's margins in points,
          // left, right, bottom, top.
          margin: codeMargin(shown.codePad),
          valign: 'top',
          fit: 'shrink',
          rectRadius: 0.08,
          // Lines as far apart as the slide sets them, where measured.
          ...(shown.codeLineHeightPx
            ? { lineSpacing: Math.round(shown.codeLineHeightPx * PT_PER_PX * 10) / 10 }
            : { lineSpacingMultiple: 1.1 }),
        }),
    };
  }
  if (b.kind === 'quote') {
    const pt = (fontPx || BODY_PX) * PT_PER_PX;
    const runs = b.paragraphs.flatMap((p) => runProps(p, { ...c, ink: c.muted }, pt, { paraSpaceAfter: 8 }));
    const h = b.paragraphs.reduce(
      (n, p) => n + lines(plainOf(p), box.w - 0.5, pt) * lineIn(pt, 1.5) + 0.12,
      0.2,
    );
    return {
      h,
      draw: (s, y, hh) => {
        s.addShape(pptx.ShapeType.rect, {
          x: box.x,
          y,
          w: 0.06,
          h: hh,
          fill: { color: c.accent },
          line: { color: c.accent },
        });
        s.addText(runs, {
          x: box.x + 0.2,
          y,
          w: box.w - 0.2,
          h: hh,
          valign: 'middle',
          fit: 'shrink',
          margin: [4, 12, 4, 12],
        });
      },
    };
  }
  if (b.kind === 'table') {
    const pt = (fontPx || TABLE_PX) * PT_PER_PX;
    const [head, ...rest] = b.rows;
    if (!head) return undefined;
    // Header in the brand colour, every second body row on the card colour, as the theme draws them;
    // another theme's cells as measured.
    const cell = (runs: Run[], header: boolean, row = 0) =>
      cells
        ? measuredCell(runs, c, pt, header ? cells.head : cells.body[row % cells.body.length])
        : {
            text: runProps(runs, header ? { ...c, ink: 'FFFFFF' } : c, pt, header ? { bold: true } : {}),
            options: {
              fill: { color: header ? c.primary : c.card },
              valign: 'middle' as const,
            },
          };
    // Each cell broken where the browser breaks it.
    const broken = (runs: Run[], row: number, col: number) => {
      const shownLines = shown.cellLines?.[row]?.[col];
      return shownLines ? withShownBreaks(runs, shownLines) : runs;
    };
    const cols = head.length;
    const rowH = (row: Run[][]) =>
      Math.max(...row.map((r) => lines(plainOf(r), box.w / cols - 0.2, pt))) * lineIn(pt, 1.4) + 0.2;
    const h = b.rows.reduce((n, r) => n + rowH(r), 0);
    return {
      h,
      draw: (s, y) =>
        s.addTable(
          [
            head.map((r, col) => cell(broken(r, 0, col), true)),
            ...rest.map((row, n) => row.map((r, col) => cell(broken(r, n + 1, col), false, n))),
          ] as never,
          {
            x: box.x,
            y,
            w: box.w,
            ...(colWidths?.length === head.length ? { colW: colWidths } : {}),
            rowH: rowHeights?.length === b.rows.length ? rowHeights : b.rows.map(rowH),
            fontFace: FONT,
            fontSize: pt,
            border: { type: 'solid', pt: 1, color: c.muted },
            margin: 0.08,
          },
        ),
    };
  }
  if (b.kind === 'pictures') return pictureRow(b.pictures, box);
  return undefined;
}

/** A code frame's insets for pptxgenjs (points: left, right, bottom, top) from CSS padding (px: top, right, bottom, left). */
function codeMargin(pad: number[] | undefined): [number, number, number, number] {
  if (pad?.length !== 4) return [12, 16, 12, 16];
  const pt = (px: number) => Math.round(px * PT_PER_PX * 10) / 10;
  return [pt(pad[3]!), pt(pad[1]!), pt(pad[2]!), pt(pad[0]!)];
}

/** A line's height in inches at `pt` points and line height `k`. */
export const lineIn = (pt: number, k: number) => (pt * k) / 72;

/** Pictures of one paragraph side by side at Marp's size (`w:`/`h:` or natural pixels), scaled to fit. */
function pictureRow(pictures: Picture[], box: Box): Placed {
  const sizes = pictures.map((p) => {
    const n = imageSize(p.src) ?? { width: 400, height: 300 };
    const ratio = n.height / n.width || 0.75;
    const wpx = p.width ?? (p.height ? p.height / ratio : n.width);
    const hpx = p.height ?? wpx * ratio;
    return { w: wpx * PX, h: hpx * PX };
  });
  const gap = 0.1;
  const total = sizes.reduce((n, s) => n + s.w, 0) + gap * (sizes.length - 1);
  const k = Math.min(1, box.w / total);
  const h = Math.max(...sizes.map((s) => s.h)) * k;
  return {
    h,
    draw: (s, y, hh) => {
      const f = k * (hh / h);
      let x = box.x;
      pictures.forEach((p, i) => {
        const size = sizes[i]!;
        addPicture(s, p.png ?? p.src, p.alt, { x, y, w: size.w * f, h: size.h * f });
        x += size.w * f + gap;
      });
    },
  };
}

/**
 * A code block's text in the colours the slide shows it (its highlighter's), a paragraph per
 * line; in one colour when the measured text is not the block's (the measurement is a guide).
 */
function codeText(
  code: string,
  coloured: { text: string; color: string }[] | undefined,
  look: { fontFace: string; fontSize: number; color: string },
): TextProps[] {
  const same = (a: string, b: string) => a.replace(/\s+$/, '') === b.replace(/\s+$/, '');
  if (!coloured || !same(coloured.map((r) => r.text).join(''), code)) return [text(code, look)];
  const props: TextProps[] = [];
  for (const run of coloured)
    run.text.split('\n').forEach((part, i, parts) => {
      if (i > 0) props.at(-1)!.options = { ...props.at(-1)!.options, breakLine: true };
      if (part || i < parts.length - 1) props.push(text(part, { ...look, color: run.color }));
    });
  while (props.length && !props.at(-1)!.text?.toString().trim()) props.pop();
  return props;
}
