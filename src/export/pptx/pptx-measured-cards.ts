import type { BeforeBox, Deco, MeasuredBlock, PxBox, SlideBoxes, TextLook, TextRun } from './block-boxes.js';
import { FONT, text, type Pptx, type Slide, type TextProps } from './pptx-layouts.js';
import { PX, TITLE_NAME, blend, placeBlock, placeText, pt, withShownBreaks } from './measured-text.js';
import type { HtmlPart } from './block-box-types.js';
import { addPicture } from './pptx-block-shapes.js';

// The training layouts' bodies (case, exercise, role-play, statement, compare, checklist) drawn
// where the slides document shows them: each box with its background, borders and rounded
// corners as the theme paints them, each `::before` (step number, check box, question mark,
// quote mark) as a shape with its text, and every text as an editable frame at its measured place.

/** The height of a line's glyphs (Noto Sans SC's ascent plus descent) for a font size. */
const CONTENT = 1.448;
/** A frame this much wider than the measured text never wraps early in PowerPoint or LibreOffice. */
const SLACK = 1.06;

/** A box's preset shape for its corner radii (top-left, top-right, bottom-right, bottom-left). */
function shapeOf(pptx: Pptx, b: PxBox, radius: number[]) {
  const [tl = 0, tr = 0, br = 0, bl = 0] = radius;
  const S = pptx.ShapeType;
  const half = Math.min(b.w, b.h) / 2;
  if (tl >= half - 0.5 && Math.abs(b.w - b.h) < 1) return { shape: S.ellipse };
  const r = Math.min(Math.max(tl, tr, br, bl), half);
  return r > 0 ? { shape: S.roundRect, rectRadius: r * PX } : { shape: S.rect };
}

/** The square half of a box rounded only at the top or only at the bottom (a column header, its card). */
function squareHalf(b: PxBox, radius: number[]): PxBox | undefined {
  const [tl = 0, tr = 0, br = 0, bl = 0] = radius;
  if (tl > 0 && tr > 0 && br === 0 && bl === 0) return { ...b, y: b.y + b.h / 2, h: b.h / 2 };
  if (tl === 0 && tr === 0 && br > 0 && bl > 0) return { ...b, h: b.h / 2 };
  return undefined;
}

/** Shapes without an outline (PowerPoint's default shape style would draw one). */
const NO_LINE = { type: 'none' } as const;

const inches = (b: PxBox) => ({ x: b.x * PX, y: b.y * PX, w: b.w * PX, h: b.h * PX });

/** A box's background and borders: one outlined shape, or a border-coloured shape under the background. */
export function drawDeco(pptx: Pptx, slide: Slide, b: PxBox, d: Deco): void {
  const drawn = d.border.filter((s) => s.w > 0);
  const uniform =
    drawn.length === 4 && drawn.every((s) => s.w === drawn[0]!.w && s.color === drawn[0]!.color);
  const { shape, ...geom } = shapeOf(pptx, b, d.radius);
  if (uniform) {
    const w = drawn[0]!.w;
    slide.addShape(shape, {
      ...inches({ x: b.x + w / 2, y: b.y + w / 2, w: b.w - w, h: b.h - w }),
      ...geom,
      fill: d.bg ? { color: d.bg } : { type: 'none' },
      line: { color: drawn[0]!.color, width: pt(w) },
    } as never);
    return;
  }
  // Borders on some sides of an unpainted box (a heading's rule under it): a bar per side.
  if (!d.bg) {
    const [t, r, bt, l] = d.border;
    const bars: [PxBox, string][] = [
      [{ x: b.x, y: b.y, w: b.w, h: t!.w }, t!.color],
      [{ x: b.x + b.w - r!.w, y: b.y, w: r!.w, h: b.h }, r!.color],
      [{ x: b.x, y: b.y + b.h - bt!.w, w: b.w, h: bt!.w }, bt!.color],
      [{ x: b.x, y: b.y, w: l!.w, h: b.h }, l!.color],
    ];
    for (const [bar, color] of bars)
      if (bar.w > 0 && bar.h > 0)
        slide.addShape(pptx.ShapeType.rect, { ...inches(bar), fill: { color }, line: NO_LINE });
    return;
  }
  if (drawn.length)
    slide.addShape(shape, {
      ...inches(b),
      ...geom,
      fill: { color: drawn[0]!.color },
      line: NO_LINE,
    } as never);
  const [t, r, bt, l] = d.border.map((s) => s.w);
  const inner = { x: b.x + l!, y: b.y + t!, w: b.w - l! - r!, h: b.h - t! - bt! };
  slide.addShape(shape, { ...inches(inner), ...geom, fill: { color: d.bg }, line: NO_LINE } as never);
  const square = squareHalf(inner, d.radius);
  if (square)
    slide.addShape(pptx.ShapeType.rect, { ...inches(square), fill: { color: d.bg }, line: NO_LINE });
}

/** A `::before` box: its shape, and its text (a step's number, the case's `?`) centred in it. */
export function drawBefore(pptx: Pptx, slide: Slide, b: BeforeBox, bg: string): void {
  const { shape, ...geom } = b.deco ? shapeOf(pptx, b, b.deco.radius) : { shape: pptx.ShapeType.rect };
  const line = b.deco?.border.find((s) => s.w > 0);
  const look = {
    ...geom,
    fill: b.deco?.bg ? { color: b.deco.bg } : { type: 'none' },
    ...(line ? { line: { color: line.color, width: pt(line.w) } } : {}),
  };
  if (!b.look) {
    if (b.deco)
      slide.addShape(shape, {
        ...inches(line ? { x: b.x + line.w / 2, y: b.y + line.w / 2, w: b.w - line.w, h: b.h - line.w } : b),
        ...look,
      } as never);
    return;
  }
  const t = b.look;
  if (!b.deco) {
    // Text alone, like the statement's quote mark or a card's number: its line box from the top
    // of the box. A line set tighter than its face's own height (`line-height: 1`) has its
    // glyphs centred on the line in Chromium, and its baseline pulled up in LibreOffice: the
    // frame is the face's own line, centred where the browser centres it.
    const own = t.sizePx * CONTENT;
    const line =
      t.lineHeightPx < own
        ? { box: { ...b, y: b.y + (t.lineHeightPx - own) / 2, h: own }, look: { ...t, lineHeightPx: own } }
        : { box: { ...b, h: t.lineHeightPx }, look: t };
    placeText(slide, line.box, line.look, t.sizePx, bg);
    return;
  }
  slide.addText(t.text, {
    shape,
    ...inches(b),
    ...look,
    fontFace: FONT,
    fontSize: pt(t.sizePx),
    bold: t.bold,
    color: t.color,
    ...(t.letterSpacingPx ? { charSpacing: pt(t.letterSpacingPx) } : {}),
    align: 'center',
    valign: 'middle',
    margin: 0,
  } as never);
}

/** Text runs at a measured text box: the first line's box where the browser sets it, wrapping by `right`. */
export function placeRuns(
  slide: Slide,
  box: PxBox,
  runs: TextRun[],
  look: TextLook,
  bg: string,
  right = box.x + box.w,
  /** When `box` is the element's own (line boxes, not glyphs): its top is the first line's top. */
  lineBoxes = false,
  /** More of the frame's options (its name: the slide's title). */
  frame: Record<string, unknown> = {},
): void {
  const shown = runs.filter((r) => r.text.trim() || r.text === '\n' || r.gapPx !== undefined);
  if (!shown.some((r) => r.text.trim())) return;
  const size = Math.max(...shown.map((r) => r.sizePx));
  const lh = look.lineHeightPx;
  const top = lineBoxes ? box.y : box.y + (size * CONTENT - lh) / 2;
  const h = lineBoxes ? box.h : box.h + lh - size * CONTENT;
  const props: TextProps[] = shown.map((r, i) =>
    text(r.text === '\n' ? '' : i === 0 && r.gapPx === undefined ? r.text.trimStart() : r.text, {
      fontSize: pt(r.sizePx || size),
      bold: r.bold,
      ...(r.italic ? { italic: true } : {}),
      color: blend(r.color || look.color, look.alpha, bg),
      ...(look.letterSpacingPx ? { charSpacing: pt(look.letterSpacingPx) } : {}),
      // A formula's space, spaced out to the formula's width: its picture lies over it.
      ...(r.gapPx !== undefined ? { charSpacing: pt(r.gapPx) } : {}),
      ...(r.text === '\n' ? { breakLine: true } : {}),
    }),
  );
  // One line: room to spare, so it never wraps; several: the browser's width, so it wraps where the PDF does.
  const lines = Math.round((lineBoxes ? box.h : box.h + lh - size * CONTENT) / lh);
  const w = lines > 1 ? Math.max(box.w, right - box.x) + 1 : Math.max(box.w * SLACK, right - box.x);
  const x = look.align === 'center' ? box.x + box.w / 2 - w / 2 : box.x;
  slide.addText(props, {
    x: x * PX,
    y: top * PX,
    w: w * PX,
    h: Math.max(h, lh) * PX,
    margin: 0,
    valign: 'top',
    align: look.align,
    lineSpacing: pt(lh),
    ...frame,
  });
}

/** Runs broken into the lines the browser shows (the runs keep their look; a break has none). */
const brokenAt = (runs: TextRun[], shown: string | undefined): TextRun[] =>
  shown
    ? withShownBreaks(runs, shown).map((r) => ({ color: '', sizePx: 0, ...r, bold: Boolean(r.bold) }))
    : runs;

/** The disc Chromium draws before a list item, in the item's marker colour, centred on its first line. */
function disc(pptx: Pptx, slide: Slide, it: PxBox, size: number, colour: string): void {
  const d = size * 0.3;
  const lineLh = Math.min(it.h, size * 1.5);
  slide.addShape(pptx.ShapeType.ellipse, {
    ...inches({ x: it.x - size * 0.95, y: it.y + lineLh / 2 - d / 2, w: d, h: d }),
    fill: { color: colour },
    line: { color: colour, width: 0 },
  });
}

/** A list item as a card: its box, its `::before`, its bullet, and its text (a role's name above its brief). */
function drawItem(
  pptx: Pptx,
  slide: Slide,
  list: MeasuredBlock,
  it: NonNullable<MeasuredBlock['items']>[number],
) {
  const bg = it.deco?.bg ?? list.deco?.bg ?? 'FFFFFF';
  if (it.deco) drawDeco(pptx, slide, it, it.deco);
  if (it.before) drawBefore(pptx, slide, it.before, bg);
  const lh = list.lineHeightPx;
  if (!it.before && it.pad.every((p) => p === 0) && it.marker && list.tag === 'UL')
    disc(pptx, slide, it, it.runs?.[0]?.sizePx ?? list.fontPx, it.marker);
  const right = it.x + it.w - it.pad[1]!;
  if (it.strong && it.restBox) {
    placeText(slide, it.strong, it.strong, it.strong.sizePx, bg);
    // Broken where the browser breaks it, so PowerPoint's own wrapping cannot leave a lone last character.
    const rest = brokenAt([{ ...it.restBox, text: it.restBox.text }], it.lines?.rest);
    placeRuns(slide, it.restBox, rest, it.restBox, bg, right);
  } else if (it.textBox && it.runs) {
    const size = Math.max(...it.runs.map((r) => r.sizePx));
    // After an inline `::before` (a card's number), the first line starts where the text does.
    const lead =
      it.leadGapPx !== undefined
        ? [{ text: '\u00a0', color: '', bold: false, sizePx: it.runs[0]!.sizePx, gapPx: it.leadGapPx }]
        : [];
    placeRuns(
      slide,
      it.textBox,
      [...lead, ...brokenAt(it.runs, it.shown)],
      { ...list, lineHeightPx: Math.min(lh, size * 1.5) },
      bg,
      right,
    );
  }
}

/**
 * A block of raw HTML as it shows: its boxes as shapes (an inline `<mark>`'s too), then its
 * pictures, then its text in frames over them, each where the slide shows it.
 */
function drawHtmlParts(pptx: Pptx, slide: Slide, parts: HtmlPart[], bg: string): void {
  for (const p of parts) if (p.kind === 'box') drawDeco(pptx, slide, p, p.deco);
  for (const p of parts) if (p.kind === 'picture') addPicture(slide, p.src, p.alt, inches(p));
  for (const p of parts) {
    if (p.kind !== 'text') continue;
    if (p.marker) disc(pptx, slide, p, p.runs[0]?.sizePx ?? p.sizePx, p.marker);
    placeRuns(slide, p.textBox, brokenAt(p.runs, p.shown), p, bg, p.x + p.w);
  }
}

/**
 * A training-layout slide from its measurements alone: every block but those in `skip`, each
 * as the slides document shows it: headings, boxes with their `::before` marks, quotes'
 * paragraphs, list items as cards, and text.
 */
export function drawMeasuredCards(
  pptx: Pptx,
  slide: Slide,
  m: SlideBoxes,
  skip: MeasuredBlock[],
  titleRule = true,
): void {
  for (const b of m.blocks) {
    if (skip.includes(b)) continue;
    if (/^H\d$/.test(b.tag) && !b.deco) {
      placeBlock(pptx, slide, b, 'FFFFFF', b === m.blocks[0], titleRule || b !== m.blocks[0]);
      continue;
    }
    const bg = b.deco?.bg ?? 'FFFFFF';
    if (b.deco) drawDeco(pptx, slide, b, b.deco);
    if (b.before) drawBefore(pptx, slide, b.before, bg);
    if (b.paras)
      for (const p of b.paras) placeRuns(slide, p, brokenAt(p.runs, p.shown), p, bg, p.x + p.w, true);
    else if (b.items) for (const it of b.items) drawItem(pptx, slide, b, it);
    else if (b.parts) drawHtmlParts(pptx, slide, b.parts, bg);
    else if (b.textBox && b.runs) {
      const pad = b.textBox.x - b.x;
      // A first heading in a box of its own (a rule under it) is still the slide's title.
      const title = b === m.blocks[0] && /^H\d$/.test(b.tag) ? { objectName: TITLE_NAME } : {};
      placeRuns(slide, b.textBox, b.runs, b, bg, b.x + b.w - Math.min(pad, 32), false, title);
    }
  }
}
