import type { ComposedDeck } from '../../compose/compose-deck.js';
import { deckLabels } from '../../core/label-overrides.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { warning, type Problem } from '../../core/problem.js';
import { FONT, W, type Colours, type Slide } from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { generatedSlide } from './generated-slides.js';
import { TITLE_NAME } from './measured-text.js';
import { finishPptx } from './pptx-finish.js';
import { pptxParts } from './pptx-zip.js';
import type { TitleType } from './pptx-titles.js';
import { marpChrome } from './pptx-marp-chrome.js';
import { newPresentation } from './pptx-presentation.js';
import { definePlainMasters, measuredColours } from './theme-colours.js';
import { slideStructure, type SlideStructure } from './slide-structure.js';
import { trainingLayout, trainingSlide, type TrainingLayout } from './pptx-training-layouts.js';
import { slideLayouts } from './template/choose-layout.js';
import { placeholderBodies } from './template/body-placeholder.js';
import { drawFormulas, spaceFormulas } from './pptx-formulas.js';
import { contentSlide } from './content-slide.js';
import { shownGradient } from './slide-gradient.js';

/** What the editable PPTX asks of the browser, only for the slides that need it. */
export interface SlideBrowser {
  /** Pictures of slides it cannot draw natively. */
  picture: (indices: number[]) => Promise<Map<number, Buffer>>;
  /** Where slides show their blocks, for slides whose placement matters. */
  measure: (indices: number[]) => Promise<Map<number, SlideBoxes>>;
  /** PNG data: URIs of SVG pictures, by their SVG data: URI. */
  svgToPng: (svgs: string[]) => Promise<Map<string, string>>;
  /** The SVG to put beside each PNG picture it names (by the PNG's data: URI), once svgToPng is done. */
  svgParts?: ReadonlyMap<string, string>;
}

export interface EditablePptx {
  data: Buffer;
  /** Slides lectern could not map to text and placed as pictures, named by file:line. */
  warnings: Problem[];
}

/**
 * A native PPTX a colleague can edit in PowerPoint: every title and point is a real text
 * frame, the theme's colours and layouts come from slide masters, notes sit in the notes
 * pane. Paragraphs, lists, tables, code, quotes and pictures are native shapes with their
 * inline formatting and links; slides with math, raw HTML or an SVG drawing become a picture
 * of the slide, with a warning naming it.
 */
export async function writeEditablePptx(
  deck: DeckModel,
  composed: ComposedDeck,
  height: number,
  browser: SlideBrowser,
): Promise<EditablePptx> {
  const H = (W * height) / 1280;
  const pptx = await newPresentation(deck, H);
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

  const structures = composed.slides.map((s) => {
    if (s.kind !== 'content') return undefined;
    const st = slideStructure(s.body ?? '');
    if (s.quiz) letterOptions(st);
    return st;
  });
  const unmapped = structures.flatMap((st, i) => (st?.unmappable ? [i] : []));
  // Every slide drawn natively is measured: its text frames, tables and pictures go where the
  // slides document shows them.
  const placed = structures.flatMap((st, i) => (st?.unmappable ? [] : [i]));
  const svgs = [...new Set(structures.flatMap((st) => (st && !st.unmappable ? svgSources(st) : [])))];
  const [pictures, boxes, pngs] = await Promise.all([
    unmapped.length ? browser.picture(unmapped) : new Map<number, Buffer>(),
    placed.length ? browser.measure(placed) : new Map<number, SlideBoxes>(),
    svgs.length ? browser.svgToPng(svgs) : new Map<string, string>(),
  ]);
  for (const st of structures) if (st) withPngs(st, pngs);
  // A slide that shows other formulas than its markdown holds (they cannot be matched up) is
  // a picture, as a slide lectern cannot draw.
  const misplaced = placed.filter((i) => structures[i] && !spaceFormulas(structures[i], boxes.get(i)));
  if (misplaced.length) {
    for (const [i, picture] of await browser.picture(misplaced)) pictures.set(i, picture);
    for (const i of misplaced) structures[i]!.unmappable = 'formulas it could not place';
  }
  // Every theme's colours, lectern's too, as its slides show them.
  const content = composed.slides.flatMap((s, i) =>
    s.kind === 'content' && boxes.get(i) ? [boxes.get(i)!] : [],
  );
  const themed = measuredColours(content, [...boxes.values()]);
  const c: Colours = { ...themed, ...(deck.pptxTemplate ? { templated: true } : {}) };
  definePlainMasters(pptx, themed.page);
  const warnings: Problem[] = [];
  const t = deckLabels(deck);
  // On a template, a heading and one list or paragraph go into the layout's placeholders
  // (graft-template.ts): their text gets no measured frame here.
  const inPlaceholder = deck.pptxTemplate
    ? placeholderBodies(composed.slides, slideLayouts(deck, deck.pptxTemplate, composed.slides))
    : [];

  composed.slides.forEach((info, i) => {
    const st = structures[i];
    let slide: Slide;
    if (info.kind !== 'content') slide = generatedSlide(pptx, info.kind, boxes.get(i), deck, c, t, H);
    else if (st?.unmappable) {
      slide = pptx.addSlide({ masterName: 'LECTERN_CONTENT' });
      // The heading as the slide's title, behind the picture that shows it: the outline and
      // the accessibility checker still read it.
      if (st.heading)
        slide.addText(st.heading, {
          x: 0.8,
          y: 0.6,
          w: W - 2.4,
          h: 0.85,
          fontFace: FONT,
          objectName: TITLE_NAME,
        });
      slide.addImage({
        data: `image/jpeg;base64,${pictures.get(i)?.toString('base64') ?? ''}`,
        x: 0,
        y: 0,
        w: W,
        h: H,
        // The picture shows the whole slide: its title names it.
        altText: info.heading ?? t.slideAnnouncement(i + 1, composed.slides.length, ''),
      });
      warnings.push(
        warning(
          'pptx-picture',
          { file: info.file, line: info.line, slide: i + 1 },
          `slide ${i + 1} has ${st.unmappable}: the editable PPTX shows it as a picture`,
          'edit that slide in markdown, or rebuild it by hand in PowerPoint',
        ),
      );
    } else {
      const layout = trainingLayout(info);
      // A picture beside text, and a table, are drawn as any slide is, on their layout's master;
      // so is a training slide whose measurements do not show what it says.
      slide =
        (layout && !FLOW_LAYOUTS.has(layout) && trainingSlide(pptx, layout, c, H, boxes.get(i))) ||
        contentSlide(pptx, info, st!, c, H, boxes.get(i), !!inPlaceholder[i], layout);
    }
    if (st && !st.unmappable) drawFormulas(slide, st, boxes.get(i));
    // `_backgroundColor` (or the theme's own, for a generated slide) where it is not the master's.
    const shown = boxes.get(i)?.background;
    if (shown && shown.a > 0.5 && shown.hex !== themed.page) slide.background = { color: shown.hex };
    // On a company template, its masters carry the header, footer and page number.
    if (!c.templated)
      marpChrome(slide, boxes.get(i), i + 1, shown && shown.a > 0.5 ? shown.hex : themed.page);
    if (info.notes.trim()) slide.addNotes(info.notes.trim());
  });
  const parts = await pptxParts(pptx);
  const titles = composed.slides.map((s): TitleType => (s.kind === 'title' ? 'ctrTitle' : 'title'));
  const texts = composed.slides.map(
    (s, i) => s.heading ?? t.slideAnnouncement(i + 1, composed.slides.length, ''),
  );
  const layoutNames = t.layouts;
  const finished = await finishPptx(
    parts,
    c,
    deck.lang,
    { types: titles, texts, layoutNames },
    browser.svgParts,
    // The letters in the faces the browser drew them in (lectern's theme's are its own font).
    [...boxes.values()].find((m) => m.faces)?.faces,
    composed.slides.map((_, i) => shownGradient(boxes.get(i))),
  );
  // On the company's template: its masters, layouts and theme, lectern's slides moved onto them.
  if (!deck.pptxTemplate) return { data: finished, warnings };
  const { graftTemplate } = await import('./template/graft-template.js');
  return { data: await graftTemplate(finished, deck, composed), warnings };
}

/** Training layouts whose slides are blocks in the slide's flow: drawn as any content slide. */
const FLOW_LAYOUTS: ReadonlySet<TrainingLayout> = new Set(['split', 'table']);

/** A quiz's options as the slide shows them, A, B, C …: the notes name the key by these letters. */
function letterOptions(st: SlideStructure): void {
  const list = st.blocks.find((b) => b.kind === 'list');
  if (list?.kind !== 'list') return;
  let n = 0;
  for (const it of list.items) if (it.level === 0) Object.assign(it, { number: ++n, lettered: true });
}

const isSvg = (src: string) => src.startsWith('data:image/svg+xml');

function svgSources(st: SlideStructure): string[] {
  return st.blocks
    .flatMap((b) =>
      b.kind === 'pictures' ? b.pictures.map((p) => p.src) : b.kind === 'background' ? [b.src] : [],
    )
    .filter(isSvg);
}

/** SVG pictures and backgrounds get their PNG, which PowerPoint and LibreOffice both show. */
function withPngs(st: SlideStructure, pngs: Map<string, string>): void {
  for (const b of st.blocks) {
    if (b.kind === 'pictures') for (const p of b.pictures) p.png = pngs.get(p.src);
    else if (b.kind === 'background') b.png = pngs.get(b.src);
  }
}
