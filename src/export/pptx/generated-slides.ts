import type { Labels } from '../../core/labels.js';
import type { DeckModel } from '../../validate/deck-model.js';
import type { SlideBoxes } from './block-boxes.js';
import { placeBlock } from './measured-text.js';
import { drawBackground } from './pptx-background.js';
import { drawThemePaint } from './theme-paint.js';
import { drawDeco } from './pptx-measured-cards.js';
import { placeAgendaItems } from './pptx-agenda.js';
import type { Colours, Pptx, Slide } from './pptx-layouts.js';
import { closingQrCodes } from './pptx-qr.js';

/** The slides lectern writes itself, besides the chapters' content. */
export type GeneratedKind = 'title' | 'agenda' | 'divider' | 'closing';

const MASTER: Record<GeneratedKind, string> = {
  title: 'LECTERN_COVER',
  agenda: 'LECTERN_AGENDA',
  divider: 'LECTERN_DIVIDER',
  closing: 'LECTERN_COVER',
};

/**
 * A generated slide on its master, every line of text where the rendered slide shows it, at
 * the theme's size, weight, colour and letter spacing: measured in the slides document, so
 * a brand colour or a longer title moves the PPTX as it moves the PDF.
 */
export function generatedSlide(
  pptx: Pptx,
  kind: GeneratedKind,
  boxes: SlideBoxes | undefined,
  deck: DeckModel,
  c: Colours,
  t: Labels,
  H: number,
): Slide {
  const slide = pptx.addSlide({ masterName: MASTER[kind] });
  // What the theme paints beyond a colour, baked (part-pictures.ts): under everything.
  drawBackground(slide, undefined, boxes?.backdrop, H);
  drawThemePaint(pptx, slide, boxes);
  const bg = boxes?.background.hex ?? 'FFFFFF';
  // The slide's title: a divider's chapter title (its h1 is the chapter's number), else the h1.
  const blocks = boxes?.blocks ?? [];
  const title =
    blocks.find((b) => b.tag === (kind === 'divider' ? 'H2' : 'H1')) ??
    blocks.find((b) => /^H[12]$/.test(b.tag));
  for (const b of blocks) {
    if (b.onlyPictures) continue;
    const list = b.tag === 'UL' || b.tag === 'OL';
    // The closing slide's list is its QR cards, drawn below as vector codes.
    if (list && kind === 'closing') continue;
    if (list && kind === 'agenda') placeAgendaItems(pptx, slide, b, bg);
    else {
      // Another theme's box around a line (a heading's rule under it), behind its text.
      if (b.deco) drawDeco(pptx, slide, b, b.deco);
      placeBlock(pptx, slide, b, bg, b === title);
    }
  }
  if (kind === 'closing') closingQrCodes(pptx, slide, deck, t, H);
  return slide;
}
