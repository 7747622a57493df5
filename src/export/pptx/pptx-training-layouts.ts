import type { SlideInfo } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { FONT, W, contentBase, type Colours, type Pptx, type Slide } from './pptx-layouts.js';
import type { MeasuredBlock, SlideBoxes } from './block-boxes.js';
import { slideChrome } from './pptx-chrome.js';
import { TITLE_NAME, placeBlock } from './measured-text.js';
import { drawMeasuredCards } from './pptx-measured-cards.js';
import {
  AVOID,
  DO,
  fixedCase,
  fixedCompare,
  fixedStatement,
  type FixedBody,
} from './pptx-fixed-text-layouts.js';
import { fixedChecklist, fixedTask, fixedTimeBox } from './pptx-fixed-card-layouts.js';
import { drawSplit, drawTable } from './pptx-split-table-layouts.js';
import type { SlideStructure } from './slide-structure.js';
import { trainingParts, type Parts } from './training-parts.js';

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
 * One master per layout: the content master's brand bar and footer, plus the marks the theme
 * puts at fixed places (themes/corporate.css, in its 1280-wide pixels): compare's two column
 * headers under a one-line title. Marks whose place depends on the slide's text (the case's
 * bar, the task's accent, the statement's quote mark) are drawn on each slide where it shows them.
 */
export function defineTrainingMasters(pptx: Pptx, deck: DeckModel, c: Colours, H: number): void {
  const base = contentBase(deck, c, H);
  // The theme's slide is 720 px high and 1280 (16:9) or 960 (4:3) px wide: two columns 36 px
  // apart inside its 80 px margins, the headers 61.5 px high under a one-line title.
  const widthPx = (720 * W) / H;
  const inch = W / widthPx;
  const colW = (widthPx - 160 - 36) / 2;
  const header = (x: number, color: string) => ({
    rect: { x: x * inch, y: 176.6 * inch, w: colW * inch, h: 61.5 * inch, fill: { color } },
  });
  const marks: Partial<Record<TrainingLayout, object[]>> = {
    compare: [header(80, DO), header(80 + colW + 36, AVOID)],
  };
  for (const layout of TRAINING_LAYOUTS) {
    pptx.defineSlideMaster({
      title: masterName(layout),
      background: { color: 'FFFFFF' },
      objects: [...base, ...(marks[layout] ?? [])] as never,
    });
  }
}

const masterName = (layout: TrainingLayout) => `LECTERN_${layout.toUpperCase()}`;

/** Whether a slide's measurements show what it says: its items, quote paragraphs and column headers. */
function matches(layout: TrainingLayout, p: Parts, m: SlideBoxes | undefined): boolean {
  if (!m) return false;
  const items = m.blocks.reduce((n, b) => n + (b.items?.length ?? 0), 0);
  const paras = m.blocks.reduce((n, b) => n + (b.paras?.length ?? 0), 0);
  const columns = m.blocks.filter((b) => b.tag === 'H3').length;
  const said = p.items.length + p.columns.reduce((n, col) => n + col.items.length, 0);
  return (
    items === said &&
    paras === p.quote.length &&
    columns === p.columns.length &&
    (layout !== 'statement' || m.blocks.some((b) => b.tag === 'BLOCKQUOTE'))
  );
}

/** A training-layout slide on its master: heading, then the layout's own frames. */
export function trainingSlide(
  pptx: Pptx,
  info: SlideInfo,
  layout: TrainingLayout,
  timeBox: string | undefined,
  c: Colours,
  H: number,
  st: SlideStructure,
  measured?: SlideBoxes,
): Slide {
  const slide = pptx.addSlide({ masterName: masterName(layout) });
  // Another theme's header and page number are its own, drawn as measured (pptx-marp-chrome.ts);
  // on a company template, its layouts' footer and number placeholders take their place.
  if (!c.measured && !c.templated) slideChrome(slide, info, c, H);
  const p = trainingParts(info.body ?? '');
  const bg = st.blocks.find((b) => b.kind === 'background');
  if (p.background && bg?.kind === 'background' && bg.png) p.background.data = bg.png;
  const split = layout === 'split' && p.background;
  const textW = split ? W * (1 - p.background!.share) - 1.3 : W - 1.6;
  const textX = split && p.background!.side === 'left' ? W * p.background!.share + 0.5 : 0.8;
  const top = 1.9;
  const bottom = H - 0.8;
  const box = { x: textX, y: top, w: textW, h: bottom - top };
  if (layout === 'split') drawSplit(pptx, slide, p, st, c, H, box, measured);
  if (layout === 'split' || layout === 'table') {
    const head = measured?.blocks[0];
    if (p.heading && head && /^H\d$/.test(head.tag))
      placeBlock(pptx, slide, head, 'FFFFFF', true, !c.templated);
    else if (p.heading) fixedHeading(slide, p.heading, layout, c, box);
    if (layout === 'table') drawTable(pptx, slide, p, st, c, box, measured);
    return slide;
  }
  // Every frame where the slides document shows it, when its measurements match what it says.
  if (matches(layout, p, measured)) {
    drawMeasuredCards(pptx, slide, measured!, [], !c.templated);
    return slide;
  }
  const fixed: FixedBody = { pptx, slide, p, c, top, bottom };
  const head =
    layout === 'statement' ? undefined : measured?.blocks.find((b: MeasuredBlock) => b.tag === 'H2');
  if (p.heading && head && head === measured?.blocks[0])
    placeBlock(pptx, slide, head, 'FFFFFF', true, !c.templated);
  else if (p.heading) fixedHeading(slide, p.heading, layout, c, box);
  if (timeBox) fixedTimeBox(fixed, timeBox, c);
  if (layout === 'statement') fixedStatement(fixed);
  else if (layout === 'case') fixedCase(fixed);
  else if (layout === 'compare') fixedCompare(fixed);
  else if (layout === 'checklist') fixedChecklist(fixed);
  else fixedTask(fixed, layout === 'roleplay');
  return slide;
}

/** The heading on the fixed grid: a statement's kicker small in the darkened accent. */
function fixedHeading(
  slide: Slide,
  heading: string,
  layout: TrainingLayout,
  c: Colours,
  box: { x: number; w: number },
) {
  slide.addText(heading, {
    objectName: TITLE_NAME,
    x: box.x,
    y: 0.6,
    w: box.w,
    h: 0.85,
    fontFace: FONT,
    fontSize: layout === 'statement' ? 18 : 30,
    bold: true,
    color: layout === 'statement' ? c.accentInk : c.primary,
    valign: 'bottom',
  });
}
