import type { Run } from '../../engine/slide-tokens.js';
import type { CellLook, MeasuredBlock } from './block-box-types.js';
import { PX, type Colours } from './pptx-layouts.js';
import { runProps } from './pptx-runs.js';

// A table cell of a theme other than lectern's, painted as the slide paints it: its fill, its
// text colour, weight and alignment, and each of its borders, all measured in the browser.

export type MeasuredCells = NonNullable<MeasuredBlock['cells']>;

/** Points per CSS pixel of the 1280-wide slide. */
const PT = 0.75;

/** One cell's text and options for pptxgenjs's addTable, in the look measured for its row. */
export function measuredCell(runs: Run[], c: Colours, pt: number, look: CellLook | undefined) {
  if (!look) return { text: runProps(runs, c, pt), options: { valign: 'middle' as const } };
  return {
    text: runProps(runs, { ...c, ink: look.color }, pt, {
      ...(look.bold ? { bold: true } : {}),
      ...(look.letterSpacingPx ? { charSpacing: Math.round(look.letterSpacingPx * PT * 10) / 10 } : {}),
    }),
    options: {
      // In inches: pptxgenjs reads a first margin of 1 or more as points.
      margin: look.pad.map((px) => Math.min(px * PX, 0.99)),
      ...(look.bg ? { fill: { color: look.bg } } : {}),
      align: look.align,
      valign: 'middle' as const,
      // pptxgenjs reads a cell's borders top, right, bottom, left, as CSS lists them.
      border: look.border.map((b) =>
        b.w > 0
          ? { type: 'solid' as const, pt: Math.round(b.w * PT * 10) / 10, color: b.color }
          : { type: 'none' as const },
      ),
    },
  };
}
