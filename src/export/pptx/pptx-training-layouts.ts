import type { SlideInfo } from '../../compose/compose-deck.js';
import type { Colours, Pptx, Slide } from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { drawBackground } from './pptx-background.js';
import { drawThemePaint } from './theme-paint.js';
import { drawMeasuredCards } from './pptx-measured-cards.js';

// The training-day layouts of the corporate theme (case, exercise, role-play, statement,
// compare, checklist, split picture, table): a master of each name in the editable PPTX
// (theme-colours.ts), and their slides as native text frames, shapes and tables a colleague can
// edit, drawn from the measured slide as any theme's slide is.

export const TRAINING_LAYOUTS = [
  'case',
  'exercise',
  'roleplay',
  'statement',
  'compare',
  'checklist',
  'split',
  'table',
] as const;
export type TrainingLayout = (typeof TRAINING_LAYOUTS)[number];

/** The layout of a content slide when it is a training layout (its first class). */
export function trainingLayout(info: SlideInfo): TrainingLayout | undefined {
  const first = info.layout?.split(/\s+/)[0];
  return (TRAINING_LAYOUTS as readonly string[]).includes(first ?? '')
    ? (first as TrainingLayout)
    : undefined;
}

export const masterName = (layout: TrainingLayout) => `LECTERN_${layout.toUpperCase()}`;

/**
 * A training-layout slide on its master, every frame where the slides document shows it (cards,
 * steps, quotes, columns: pptx-measured-cards.ts), drawn from the measurement alone; undefined
 * when it was not measured, and it is drawn as any content slide is.
 */
export function trainingSlide(
  pptx: Pptx,
  layout: TrainingLayout,
  c: Colours,
  H: number,
  measured: SlideBoxes | undefined,
): Slide | undefined {
  if (!measured) return undefined;
  const slide = pptx.addSlide({ masterName: masterName(layout) });
  // What the theme paints under everything: a baked background, its bars and its page number's pill.
  drawBackground(slide, undefined, measured.backdrop, H);
  drawThemePaint(pptx, slide, measured);
  drawMeasuredCards(pptx, slide, measured, [], !c.templated);
  return slide;
}
