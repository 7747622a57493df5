import type { PDFDocument as Document } from 'pdf-lib';
import { PDFDocument } from './pdf-lib.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { addOutline, type OutlineEntry } from './pdf-outline.js';
import { mapPdf2Roles } from './pdf-tags.js';

/**
 * Stamps document metadata (Title = deck title, Author = presenter) and an outline onto a
 * printed PDF, or onto a document pdf-lib built (the handout), which then is saved only once.
 */
export async function finishPdf(
  printed: Uint8Array | Document,
  deck: DeckModel,
  opts: { title: string; outline?: OutlineEntry[] },
): Promise<Uint8Array> {
  const pdf = printed instanceof Uint8Array ? await PDFDocument.load(printed) : printed;
  pdf.setTitle(opts.title, { showInWindowTitleBar: true });
  if (deck.presenter) pdf.setAuthor(deck.presenter);
  if (deck.subtitle) pdf.setSubject(deck.subtitle);
  pdf.setLanguage(deck.lang);
  pdf.setCreator('lectern');
  if (opts.outline) addOutline(pdf, opts.outline);
  mapPdf2Roles(pdf);
  return pdf.save({ useObjectStreams: false });
}
