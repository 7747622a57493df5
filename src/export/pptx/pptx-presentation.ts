import type { DeckModel } from '../../validate/deck-model.js';
import { W, type Pptx, type PptxClass } from './pptx-layouts.js';

/**
 * An empty pptxgenjs presentation of slides W inches wide and `height` high, with the deck's
 * title, presenter and organization as the file's properties: the set-up both PPTX outputs share.
 */
export async function newPresentation(deck: DeckModel, height: number): Promise<Pptx> {
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as PptxClass;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'LECTERN', width: W, height });
  pptx.layout = 'LECTERN';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organization) pptx.company = deck.organization;
  return pptx;
}
