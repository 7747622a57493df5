import { PDFDocument } from './pdf-lib.js';
import type { DeckModel } from '../deck-model.js';
import { addOutline, type OutlineEntry } from './pdf-outline.js';

/** Stamps document metadata (Title = deck title, Author = presenter) and an outline onto a printed PDF. */
export async function finishPdf(raw: Uint8Array, deck: DeckModel, opts: { title: string; outline?: OutlineEntry[] }): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(raw);
  pdf.setTitle(opts.title, { showInWindowTitleBar: true });
  if (deck.presenter) pdf.setAuthor(deck.presenter);
  if (deck.subtitle) pdf.setSubject(deck.subtitle);
  pdf.setLanguage(deck.lang);
  pdf.setCreator('lectern');
  if (opts.outline) addOutline(pdf, opts.outline);
  return pdf.save({ useObjectStreams: false });
}
