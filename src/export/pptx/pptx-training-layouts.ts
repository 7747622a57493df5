import type { SlideInfo } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { contentBase, type Colours, type Pptx, type Slide } from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { slideChrome } from './pptx-chrome.js';
import { drawMeasuredCards } from './pptx-measured-cards.js';

// The training-day layouts of the corporate theme (case, exercise, role-play, statement,
// compare, checklist, split picture, table) as slide masters of the editable PPTX, and their
// slides as native text frames, shapes and tables a colleague can edit.

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

/**
 * One master per layout, each the content master's brand bar and footer: what the theme draws
 * on a layout's slides (compare's column headers, the case's bar, a step's number) is drawn on
 * each slide where the slides document shows it.
 */
export function defineTrainingMasters(pptx: Pptx, deck: DeckModel, c: Colours, H: number): void {
  const base = contentBase(deck, c, H);
  for (const layout of TRAINING_LAYOUTS)
    pptx.defineSlideMaster({
      title: masterName(layout),
      background: { color: 'FFFFFF' },
      objects: base as never,
    });
}

export const masterName = (layout: TrainingLayout) => `LECTERN_${layout.toUpperCase()}`;

/**
 * A training-layout slide on its master, every frame where the slides document shows it (cards,
 * steps, quotes, columns: pptx-measured-cards.ts), drawn from the measurement alone; undefined
 * when it was not measured, and it is drawn as any content slide is.
 */
export function trainingSlide(
  pptx: Pptx,
  info: SlideInfo,
  layout: TrainingLayout,
  c: Colours,
  H: number,
  measured: SlideBoxes | undefined,
): Slide | undefined {
  if (!measured) return undefined;
  const slide = pptx.addSlide({ masterName: masterName(layout) });
  // Another theme's header and page number are its own, drawn as measured (pptx-marp-chrome.ts);
  // on a company template, its layouts' footer and number placeholders take their place.
  if (!c.measured && !c.templated) slideChrome(slide, info, c, H);
  drawMeasuredCards(pptx, slide, measured, [], !c.templated);
  return slide;
}
