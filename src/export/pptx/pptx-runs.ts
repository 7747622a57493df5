import type { ListItem, Run } from '../../engine/slide-tokens.js';
import type { MeasuredBlock } from './block-boxes.js';
import { PX, text, type Colours, type Slide, type TextProps } from './pptx-layouts.js';

// Text runs and lists as pptxgenjs paragraphs, and the sizes both block drawers share.

/** Points per CSS pixel of the 1280-pixel-wide slide. */
export const PT_PER_PX = PX * 72;
/** The theme's sizes in CSS pixels (themes/corporate.css). */
export const BODY_PX = 28;
export const CODE_PX = 22;
export const TABLE_PX = 24;
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
      ...(r.code ? { fontFace: CODE_FONT } : {}),
      ...(r.link ? { hyperlink: { url: r.link }, underline: { style: 'sng' as const } } : {}),
      // A formula's space spaced out to the formula's width: its picture lies over it.
      ...(r.gapPx !== undefined ? { charSpacing: round1(r.gapPx * PT_PER_PX) } : {}),
      ...(r.text === '\n' || i === parts.length - 1 ? { breakLine: true } : {}),
    }),
  );
}

/**
 * A knowledge check's options are lettered as the slide letters them. pptxgenjs 4 writes the
 * number's type from `style` (its types call it deprecated in favour of `numberType`, which it ignores).
 */
const LETTERED = { style: 'alphaUcPeriod' };

export function listProps(
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
      bullet:
        it.number !== undefined
          ? { type: 'number', numberStartAt: it.number, indent, ...(it.lettered ? LETTERED : {}) }
          : { indent },
    }),
  );
}

/** A measured list's item gap (the items' margins) and its text indent (the list's padding), in points. */
export function itemSpacing(list: MeasuredBlock): { paraSpaceAfter?: number; indent?: number } {
  const items = list.items ?? [];
  const gaps = items.slice(1).map((it, i) => it.y - (items[i]!.y + items[i]!.h));
  const first = items[0];
  return {
    ...(gaps.length ? { paraSpaceAfter: round1(Math.max(0, Math.min(...gaps)) * PT_PER_PX) } : {}),
    ...(first && first.x > list.x ? { indent: round1((first.x - list.x) * PT_PER_PX) } : {}),
  };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Width of text in ems: a Chinese character one em, other characters about half. */
function ems(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.55;
  return n;
}

/** Lines a text takes in a frame of width w inches at size pt. */
export function lines(s: string, w: number, pt: number): number {
  const perLine = Math.max((w * 72) / pt - 1, 4);
  return s.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(ems(l) / perLine)), 0);
}

export const plainOf = (runs: Run[]) => runs.map((r) => r.text).join('');

/** A block's height in a flow, and how to draw it at a place. */
export interface Placed {
  h: number;
  draw: (slide: Slide, y: number, h: number) => void;
}
