import type { Block, Run } from '../../engine/slide-tokens.js';
import type { SlideBoxes } from './block-boxes.js';
import { addPicture } from './pptx-block-shapes.js';
import { PX, type Slide } from './pptx-layouts.js';
import type { SlideStructure } from './slide-structure.js';

// A slide's formulas in the editable PPTX: each is a picture of itself where the slide shows it
// (part-pictures.ts), over a no-break space in the text spaced out to its width, so the words
// around it stay native text where the PDF has them. Its TeX is the picture's alt text.

type Formula = { run: Run } | { block: Extract<Block, { kind: 'math' }> };

/** The slide's formulas in the order its document holds them: inline ones in their runs, display ones as blocks. */
function formulas(st: SlideStructure): Formula[] {
  const inRuns = (runs: Run[]): Formula[] => runs.filter((r) => r.math !== undefined).map((run) => ({ run }));
  return [
    ...inRuns(st.headingRuns ?? []),
    ...st.blocks.flatMap((b): Formula[] => {
      if (b.kind === 'math') return [{ block: b }];
      if (b.kind === 'heading' || b.kind === 'paragraph') return inRuns(b.runs);
      if (b.kind === 'list') return b.items.flatMap((it) => inRuns(it.runs));
      if (b.kind === 'table') return b.rows.flat().flatMap(inRuns);
      if (b.kind === 'quote') return b.paragraphs.flatMap(inRuns);
      return [];
    }),
  ];
}

export const hasFormulas = (st: SlideStructure): boolean => formulas(st).length > 0;

/**
 * Gives each inline formula's space the width of the formula as measured; false when the slide
 * shows a different number of formulas than its markdown holds (they could not be told apart).
 */
export function spaceFormulas(st: SlideStructure, measured: SlideBoxes | undefined): boolean {
  const all = formulas(st);
  if (!all.length) return true;
  const shown = measured?.math ?? [];
  if (shown.length !== all.length) return false;
  all.forEach((f, i) => {
    if ('run' in f) f.run.gapPx = shown[i]!.gapPx;
  });
  return true;
}

/** Each formula's picture where the slide shows it, named by its TeX. */
export function drawFormulas(slide: Slide, st: SlideStructure, measured: SlideBoxes | undefined): void {
  const all = formulas(st);
  (measured?.math ?? []).forEach((m, i) => {
    const f = all[i];
    if (!f) return;
    const tex = 'run' in f ? f.run.math! : f.block.tex;
    addPicture(slide, m.png, tex, { x: m.x * PX, y: m.y * PX, w: m.w * PX, h: m.h * PX });
  });
}
