import type { Block, ListItem, Picture, Run } from '../../render/slide-tokens.js';
import type { MeasuredBlock, SlideBoxes } from './block-boxes.js';
import { imageSize } from './image-size.js';
import { FONT, W, text, type Colours, type Pptx, type Slide, type TextProps } from './pptx-layouts.js';

// A content slide's blocks (paragraphs, lists, tables, code, quotes, pictures) as native
// PowerPoint shapes, stacked top to bottom in a box as the theme's flow layout stacks them.

/** Inches per CSS pixel of the 1280-pixel-wide slide, and points per CSS pixel. */
const IN_PER_PX = W / 1280;
const PT_PER_PX = IN_PER_PX * 72;
/** The theme's sizes in CSS pixels (themes/corporate.css). */
const BODY_PX = 28;
const CODE_PX = 22;
const TABLE_PX = 24;
/** A monospace face every Windows and macOS has; Chinese in code falls back to the East Asian font. */
export const CODE_FONT = 'Consolas';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const PARAGRAPH_KEYS = new Set([
  'bullet',
  'indentLevel',
  'paraSpaceAfter',
  'paraSpaceBefore',
  'align',
  'lineSpacing',
]);

/** Text runs with their formatting: bold, italic, strike, code and hyperlinks. */
export function runProps(
  runs: Run[],
  c: Colours,
  size: number,
  para: Record<string, unknown> = {},
): TextProps[] {
  const parts = runs.length ? runs : [{ text: '' }];
  return parts.map((r, i) =>
    text(r.text === '\n' ? '' : r.text, {
      fontSize: size,
      color: r.link ? c.primary : c.ink,
      // Paragraph settings (bullets, level, spacing) on the first run: pptxgenjs starts a paragraph at each bullet.
      ...(i === 0 ? para : Object.fromEntries(Object.entries(para).filter(([k]) => !PARAGRAPH_KEYS.has(k)))),
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italic: true } : {}),
      ...(r.strike ? { strike: 'sngStrike' as const } : {}),
      ...(r.code ? { fontFace: CODE_FONT, highlight: c.card } : {}),
      ...(r.link ? { hyperlink: { url: r.link }, underline: { style: 'sng' as const } } : {}),
      ...(r.text === '\n' || i === parts.length - 1 ? { breakLine: true } : {}),
    }),
  );
}

function listProps(
  items: ListItem[],
  c: Colours,
  size: number,
  measured: { lineSpacing?: number; paraSpaceAfter?: number; indent?: number } = {},
): TextProps[] {
  const { indent = 22, paraSpaceAfter = 6, ...spacing } = measured;
  return items.flatMap((it) =>
    runProps(it.runs, c, size, {
      indentLevel: it.level,
      paraSpaceAfter,
      ...spacing,
      bullet: it.number !== undefined ? { type: 'number', numberStartAt: it.number, indent } : { indent },
    }),
  );
}

/** A measured list's item gap (the items' margins) and its text indent (the list's padding), in points. */
function itemSpacing(list: MeasuredBlock): { paraSpaceAfter?: number; indent?: number } {
  const items = list.items ?? [];
  const gaps = items.slice(1).map((it, i) => it.y - (items[i]!.y + items[i]!.h));
  const first = items[0];
  return {
    ...(gaps.length ? { paraSpaceAfter: round1(Math.max(0, Math.min(...gaps)) * PT_PER_PX) } : {}),
    ...(first && first.x > list.x ? { indent: round1((first.x - list.x) * PT_PER_PX) } : {}),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Width of text in ems: a Chinese character one em, other characters about half. */
function ems(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
  return n;
}

/** Lines a text takes in a frame of width w inches at size pt. */
function lines(s: string, w: number, pt: number): number {
  const perLine = Math.max((w * 72) / pt - 1, 4);
  return s.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(ems(l) / perLine)), 0);
}

const plainOf = (runs: Run[]) => runs.map((r) => r.text).join('');

interface Placed {
  h: number;
  draw: (slide: Slide, y: number, h: number) => void;
}

/** Draws blocks where the rendered slide shows them, or else top to bottom in a box. */
export function drawBlocks(
  pptx: Pptx,
  slide: Slide,
  blocks: Block[],
  box: Box,
  c: Colours,
  measured?: SlideBoxes,
  skipHeading = false,
): void {
  const at = measured && placeMeasured(blocks, measured, skipHeading);
  if (at) return drawPlaced(pptx, slide, blocks, at, c);
  drawFlow(pptx, slide, blocks, box, c);
}

const TAGS: Partial<Record<Block['kind'], string[]>> = {
  heading: ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
  paragraph: ['P'],
  list: ['UL', 'OL'],
  table: ['TABLE'],
  code: ['PRE'],
  quote: ['BLOCKQUOTE'],
};

type Placement =
  { box: Box; fontPx: number; cols?: number[]; rows?: number[]; el: MeasuredBlock } | { pictures: Box[] };

/** Each block's measured box, matched to the section's children in order; undefined when they disagree. */
function placeMeasured(blocks: Block[], m: SlideBoxes, skipHeading: boolean): Placement[] | undefined {
  const inches = (b: { x: number; y: number; w: number; h: number }): Box => ({
    x: b.x * IN_PER_PX,
    y: b.y * IN_PER_PX,
    w: b.w * IN_PER_PX,
    h: b.h * IN_PER_PX,
  });
  let next = 0;
  if (skipHeading && /^H\d$/.test(m.blocks[0]?.tag ?? '')) next = 1;
  let picture = 0;
  const out: Placement[] = [];
  for (const b of blocks) {
    if (b.kind === 'pictures') {
      const boxes = m.pictures.slice(picture, picture + b.pictures.length).map(inches);
      if (boxes.length !== b.pictures.length) return undefined;
      picture += boxes.length;
      if (m.blocks[next]?.onlyPictures) next++;
      out.push({ pictures: boxes });
      continue;
    }
    const el = m.blocks[next++];
    if (!el || !TAGS[b.kind]?.includes(el.tag) || el.onlyPictures) return undefined;
    out.push({
      el,
      box: inches(el),
      fontPx: el.fontPx,
      ...(el.cols
        ? { cols: el.cols.map((w) => w * IN_PER_PX), rows: el.rows!.map((h) => h * IN_PER_PX) }
        : {}),
    });
  }
  return out;
}

function drawPlaced(pptx: Pptx, slide: Slide, blocks: Block[], at: Placement[], c: Colours): void {
  blocks.forEach((b, i) => {
    const p = at[i]!;
    if ('pictures' in p) {
      if (b.kind === 'pictures')
        b.pictures.forEach((pic, j) => addPicture(slide, pic.png ?? pic.src, p.pictures[j]!));
      return;
    }
    const body = (p.fontPx || BODY_PX) * PT_PER_PX;
    // A little room below, since PowerPoint's line height differs from the browser's; the frame shrinks text that still overflows.
    const box = { ...p.box, h: p.box.h + 0.1 };
    // Lines as far apart as the browser sets them (line-height), items as far as their margins.
    const spacing = p.el.lineHeightPx ? { lineSpacing: round1(p.el.lineHeightPx * PT_PER_PX) } : {};
    if (b.kind === 'paragraph' || b.kind === 'heading') {
      slide.addText(
        runProps(b.runs, c, body, {
          ...spacing,
          ...(b.kind === 'heading' ? { bold: true, color: c.primary } : {}),
        }),
        { ...box, valign: 'top', fit: 'shrink', margin: 0 },
      );
    } else if (b.kind === 'list')
      slide.addText(listProps(b.items, c, body, { ...spacing, ...itemSpacing(p.el) }), {
        ...box,
        valign: 'top',
        fit: 'shrink',
        margin: 0,
      });
    else blockShape(pptx, b, box, c, p.cols, p.rows, p.fontPx)?.draw(slide, box.y, p.box.h);
  });
}

const headingPx = (level: number) => Math.max(BODY_PX, 44 - 8 * (level - 2));

export function addPicture(slide: Slide, src: string, b: Box): void {
  const m = /^data:([^;]+);base64,(.*)$/s.exec(src);
  if (m) slide.addImage({ data: `${m[1]};base64,${m[2]}`, ...b });
}

/** Blocks stacked top to bottom in a box; text frames shrink on overflow and pictures scale to the room left. */
function drawFlow(pptx: Pptx, slide: Slide, blocks: Block[], box: Box, c: Colours): void {
  const body = BODY_PX * PT_PER_PX;
  const lineOf = (pt: number) => lineIn(pt, 1.5);
  const placed: Placed[] = [];
  let textRun: TextProps[] = [];
  let textH = 0;
  const flushText = () => {
    if (!textRun.length) return;
    const runs = textRun;
    placed.push({
      h: textH,
      draw: (s, y, h) =>
        s.addText(runs, { x: box.x, y, w: box.w, h, valign: 'top', fit: 'shrink', margin: 0 }),
    });
    textRun = [];
    textH = 0;
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading') {
      const pt = b.kind === 'heading' ? headingPx(b.level) * PT_PER_PX : body;
      textRun.push(
        ...runProps(b.runs, c, pt, {
          paraSpaceAfter: 10,
          ...(b.kind === 'heading' ? { bold: true, color: c.primary } : {}),
        }),
      );
      textH += lines(plainOf(b.runs), box.w, pt) * lineOf(pt) + 0.15;
    } else if (b.kind === 'list') {
      textRun.push(...listProps(b.items, c, body));
      textH += b.items.reduce(
        (n, it) => n + lines(plainOf(it.runs), box.w - 0.35 * (it.level + 1), body) * lineOf(body) + 0.09,
        0,
      );
    } else {
      flushText();
      const p = blockShape(pptx, b, box, c);
      if (p) placed.push(p);
    }
  }
  flushText();
  const gap = 0.15;
  const need = placed.reduce((n, p) => n + p.h, 0) + gap * Math.max(placed.length - 1, 0);
  const scale = need > box.h ? box.h / need : 1;
  let y = box.y;
  for (const p of placed) {
    p.draw(slide, y, p.h * scale);
    y += p.h * scale + gap * scale;
  }
}

function blockShape(
  pptx: Pptx,
  b: Block,
  box: Box,
  c: Colours,
  colWidths?: number[],
  rowHeights?: number[],
  fontPx?: number,
): Placed | undefined {
  if (b.kind === 'code') {
    const pt = (fontPx || CODE_PX) * PT_PER_PX;
    const h = b.text.split('\n').length * lineIn(pt, 1.35) + 0.45;
    return {
      h,
      draw: (s, y, hh) =>
        s.addText([text(b.text, { fontFace: CODE_FONT, fontSize: pt, color: c.ink })], {
          x: box.x,
          y,
          w: box.w,
          h: hh,
          fill: { color: c.card },
          margin: [12, 16, 12, 16],
          valign: 'top',
          fit: 'shrink',
          rectRadius: 0.08,
          lineSpacingMultiple: 1.1,
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
    // Header in the brand colour, every second body row on the card colour, as the theme draws them.
    const cell = (runs: Run[], header: boolean, row = 0) => ({
      text: runProps(runs, header ? { ...c, ink: 'FFFFFF' } : c, pt, header ? { bold: true } : {}),
      options: {
        fill: { color: header ? c.primary : row % 2 ? c.card : 'FFFFFF' },
        valign: 'middle' as const,
      },
    });
    const cols = head.length;
    const rowH = (row: Run[][]) =>
      Math.max(...row.map((r) => lines(plainOf(r), box.w / cols - 0.2, pt))) * lineIn(pt, 1.4) + 0.2;
    const h = b.rows.reduce((n, r) => n + rowH(r), 0);
    return {
      h,
      draw: (s, y) =>
        s.addTable(
          [
            head.map((r) => cell(r, true)),
            ...rest.map((row, n) => row.map((r) => cell(r, false, n))),
          ] as never,
          {
            x: box.x,
            y,
            w: box.w,
            ...(colWidths?.length === head.length ? { colW: colWidths } : {}),
            rowH: rowHeights?.length === b.rows.length ? rowHeights : b.rows.map(rowH),
            fontFace: FONT,
            fontSize: pt,
            border: { type: 'solid', pt: 1, color: 'C9D2DE' },
            margin: 0.08,
          },
        ),
    };
  }
  if (b.kind === 'pictures') return pictureRow(b.pictures, box);
  return undefined;
}

const lineIn = (pt: number, k: number) => (pt * k) / 72;

/** Pictures of one paragraph side by side at Marp's size (`w:`/`h:` or natural pixels), scaled to fit. */
function pictureRow(pictures: Picture[], box: Box): Placed {
  const sizes = pictures.map((p) => {
    const n = imageSize(p.src) ?? { width: 400, height: 300 };
    const ratio = n.height / n.width || 0.75;
    const wpx = p.width ?? (p.height ? p.height / ratio : n.width);
    const hpx = p.height ?? wpx * ratio;
    return { w: wpx * IN_PER_PX, h: hpx * IN_PER_PX };
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
        addPicture(s, p.png ?? p.src, { x, y, w: size.w * f, h: size.h * f });
        x += size.w * f + gap;
      });
    },
  };
}
