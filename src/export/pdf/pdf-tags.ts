import type { PDFObject, PDFRef } from 'pdf-lib';
import { PDFDict, PDFName, PDFRef as Ref } from './pdf-lib.js';
import type { PdfTarget } from './pdf-update.js';

/**
 * Chromium tags its PDFs with the PDF 2.0 structure types Strong and Em, which PDF 1.7 readers
 * (poppler, older screen readers) do not know: poppler reports each as a syntax error and drops
 * it from the tree. A RoleMap on the structure root, as PDF 1.7 provides for types of a
 * producer's own, maps them to Span, so 1.7 readers keep the element and 2.0 readers still
 * see Strong and Em. Untagged documents are left alone.
 */
const ROLES: Record<string, string> = { Strong: 'Span', Em: 'Span' };

/** Adds the role map; returns the document's own objects it changed (for an incremental update). */
export function mapPdf2Roles(pdf: PdfTarget): PDFRef[] {
  const resolved = (v: PDFObject | undefined) => (v instanceof Ref ? pdf.lookup(v) : v);
  const root = resolved(pdf.catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return [];
  const kept = resolved(root.get(PDFName.of('RoleMap')));
  const roleMap = kept instanceof PDFDict ? kept : pdf.context.obj({});
  for (const [from, to] of Object.entries(ROLES))
    if (!roleMap.has(PDFName.of(from))) roleMap.set(PDFName.of(from), PDFName.of(to));
  root.set(PDFName.of('RoleMap'), roleMap);
  return [root, roleMap].flatMap((o) => pdf.context.getObjectRef(o) ?? []);
}
