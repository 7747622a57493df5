import type { PDFRef } from 'pdf-lib';
import type { DeckModel } from '../../validate/deck-model.js';
import { addOutline, type OutlineEntry } from './pdf-outline.js';
import { mapPdf2Roles } from './pdf-tags.js';
import { updatedPdf } from './pdf-update.js';

/**
 * Stamps document metadata (Title = deck title, Author = presenter) and an outline onto a
 * printed PDF, written as an update after the browser's bytes.
 */
export async function finishPdf(
  printed: Uint8Array,
  deck: DeckModel,
  opts: { title: string; outline?: OutlineEntry[] },
): Promise<Uint8Array> {
  return updatedPdf(printed, (pdf) => {
    pdf.setTitle(opts.title, { showInWindowTitleBar: true });
    if (deck.presenter) pdf.setAuthor(deck.presenter);
    if (deck.subtitle) pdf.setSubject(deck.subtitle);
    pdf.setLanguage(deck.lang);
    pdf.setCreator('lectern');
    if (opts.outline) addOutline(pdf, opts.outline);
    const roles = mapPdf2Roles(pdf);
    // The catalog (title bar, language, outline) and the document information dictionary.
    const { Root, Info } = pdf.context.trailerInfo;
    return [Root, Info, ...roles].filter((r): r is PDFRef => r !== undefined && 'objectNumber' in r);
  });
}
