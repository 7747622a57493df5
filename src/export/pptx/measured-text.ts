import type { MeasuredBlock, PxBox, TextLook } from './block-boxes.js';
import type { Run } from '../../engine/slide-tokens.js';
import { FONT, PX, type Pptx, type Slide } from './pptx-layouts.js';

// Text frames placed where the rendered slide shows the text, at the size, weight, colour and
// spacing the theme gives it: the generated slides (title, agenda, dividers, closing) and the
// slides' headings come out of PowerPoint looking like the PDF, for any theme.

export { PX };
/**
 * The name of the frame that holds a slide's heading: the finishing pass makes the first one
 * on each slide its title placeholder (PowerPoint's outline, slide sorter and accessibility
 * checker read the titles from there).
 */
export const TITLE_NAME = 'Title';
/** Points per CSS pixel (1280 px = 13.333 in = 960 pt). */
const PT = 0.75;

/** A colour drawn at `alpha` over `bg`, as one opaque `RRGGBB` (PowerPoint text has no opacity here). */
export function blend(color: string, alpha: number, bg: string): string {
  if (alpha >= 0.999) return color;
  const ch = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [0, 2, 4]
    .map((i) =>
      Math.round(ch(color, i) * alpha + ch(bg, i) * (1 - alpha))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

/** Browsers and PowerPoint measure text a little differently: a frame this much wider never wraps early. */
const SLACK = 0.06;

/** Points for CSS pixels, to a tenth. */
export const pt = (px: number) => round(px * PT);

/** A text frame's place and paragraph spacing for text drawn with the look of `t` over the box `b`. */
export function frameAt(b: PxBox, t: TextLook) {
  const slack = b.w * SLACK;
  const x = t.align === 'center' ? b.x - slack / 2 : t.align === 'right' ? b.x - slack : b.x;
  return {
    x: x * PX,
    y: b.y * PX,
    w: (b.w + slack) * PX,
    h: Math.max(b.h, t.lineHeightPx) * PX,
    margin: 0,
    valign: 'top' as const,
    align: t.align,
    lineSpacing: pt(t.lineHeightPx),
  };
}

/** A text frame with the look of `t`, over the box `b`, on a slide whose background is `bg`. */
export function placeText(
  slide: Slide,
  b: PxBox,
  t: TextLook,
  fontPx: number,
  bg: string,
  extra: Record<string, unknown> = {},
): void {
  if (!t.text) return;
  slide.addText(t.text.replace(/\n+/g, '\n'), {
    ...frameAt(b, t),
    fontFace: FONT,
    fontSize: pt(fontPx),
    bold: t.bold,
    color: blend(t.color, t.alpha, bg),
    ...(t.letterSpacingPx ? { charSpacing: pt(t.letterSpacingPx) } : {}),
    ...extra,
  });
}

/**
 * A measured block (the slide's title when `title`): its text without the accent rule's height,
 * then the rule itself, unless `rule` is false (on a company template, whose layouts style titles).
 */
export function placeBlock(
  pptx: Pptx,
  slide: Slide,
  b: MeasuredBlock,
  bg: string,
  title = false,
  rule = true,
): void {
  const textBox = b.after ? { ...b, h: b.after.y - b.y } : b;
  placeText(slide, textBox, b, b.fontPx, bg, title ? { objectName: TITLE_NAME } : {});
  if (b.after && rule) bar(pptx, slide, b.after, b.after.color, b.after.h / 2);
}

/** A filled rectangle in CSS pixels, rounded by `radiusPx`. */
export function bar(pptx: Pptx, slide: Slide, b: PxBox, color: string, radiusPx = 0): void {
  slide.addShape(radiusPx ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
    x: b.x * PX,
    y: b.y * PX,
    w: b.w * PX,
    h: b.h * PX,
    fill: { color },
    line: { color, width: 0 },
    ...(radiusPx ? { rectRadius: radiusPx * PX } : {}),
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Runs broken where the browser broke `shown` (its lines joined by `\n`), so a heading wraps
 * in PowerPoint where it wraps in the PDF; the runs as they are when the two texts differ.
 */
export function withShownBreaks(runs: Run[], shown: string): Run[] {
  const lines = shown.split('\n');
  const letters = (s: string) => s.replace(/\s+/g, '').length;
  if (lines.length < 2 || letters(runs.map((r) => r.text).join('')) !== letters(shown)) return runs;
  const ends = lines.slice(0, -1).map((_, i) => letters(lines.slice(0, i + 1).join('')));
  const out: Run[] = [];
  let seen = 0;
  for (const run of runs) {
    let part = '';
    for (const ch of run.text) {
      if (/\s/.test(ch) && ends.includes(seen) && !part.trim() && out.at(-1)?.text === '\n') continue;
      part += ch;
      if (/\s/.test(ch)) continue;
      seen++;
      if (ends.includes(seen)) {
        out.push({ ...run, text: part }, { text: '\n' });
        part = '';
      }
    }
    if (part) out.push({ ...run, text: part });
  }
  return out;
}
