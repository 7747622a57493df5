import type { PDFDict as Dict, PDFRef } from 'pdf-lib';
import { PDFDict, PDFHexString, PDFName, PDFRef as Ref, PDFString } from './pdf-lib.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { addOutline, type OutlineEntry } from './pdf-outline.js';
import { mapPdf2Roles } from './pdf-tags.js';
import { updatedPdf, type PdfTarget } from './pdf-update.js';

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
    const info = pdf.info();
    const text = (key: string, value: string) => info.set(PDFName.of(key), PDFHexString.fromText(value));
    text('Title', opts.title);
    if (deck.presenter) text('Author', deck.presenter);
    if (deck.subtitle) text('Subject', deck.subtitle);
    text('Creator', 'lectern');
    // Readers show the title in their title bar rather than the file's name.
    pdf.catalog.set(PDFName.of('ViewerPreferences'), viewerPreferences(pdf));
    pdf.catalog.set(PDFName.of('Lang'), PDFString.of(deck.lang));
    if (opts.outline) addOutline(pdf, opts.outline);
    const roles = mapPdf2Roles(pdf);
    // The catalog (title bar, language, outline) and the document information dictionary.
    const { Root, Info } = pdf.context.trailerInfo;
    return [Root, Info, ...roles].filter((r): r is PDFRef => r !== undefined && 'objectNumber' in r);
  });
}

/** The catalog's viewer preferences (written inline, as pdf-lib writes them) with DisplayDocTitle set. */
function viewerPreferences(pdf: PdfTarget): Dict {
  const kept = pdf.catalog.get(PDFName.of('ViewerPreferences'));
  const own = kept instanceof Ref ? pdf.lookup(kept) : kept;
  const prefs = own instanceof PDFDict ? own : pdf.context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), pdf.context.obj(true));
  return prefs;
}
