import type { PDFDict, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName, PDFNull, PDFNumber } from './pdf-lib.js';
import type { PdfTarget } from './pdf-update.js';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  children?: OutlineEntry[];
}

/** Writes a PDF document outline (bookmarks); children start folded. */
export function addOutline(pdf: PdfTarget, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const ctx = pdf.context;
  const { pages } = pdf;
  const root = ctx.nextRef();

  const writeLevel = (
    items: OutlineEntry[],
    parent: PDFRef,
  ): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let visible = 0;
    items.forEach((item, i) => {
      const page = pages[Math.min(item.page, pages.length - 1)]!;
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), ctx.obj([page, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children?.length) {
        const sub = writeLevel(item.children, refs[i]!);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        // A negative count keeps the chapter folded until the reader opens it.
        dict.set(PDFName.of('Count'), PDFNumber.of(-sub.count));
      }
      ctx.assign(refs[i]!, dict);
      visible++;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count: visible };
  };

  const top = writeLevel(entries, root);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
