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
  // pptxgenjs escapes the title and the author but writes the company into docProps/app.xml as
  // it is: `R&D 培训部` made the part not well-formed XML.
  if (deck.organization) pptx.company = xmlText(deck.organization);
  return pptx;
}

/** Text as XML character data: the five characters XML reserves, as entities. */
export function xmlText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]!};`,
  );
}
