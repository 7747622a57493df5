import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFArray, PDFRef } from 'pdf-lib';
import { addOutline } from '../../src/export/pdf/pdf-outline.js';
// The document is made with lectern's own pdf-lib (names are compared by identity); it is read back with the package's.
import { PDFDocument as LecternPdf } from '../../src/export/pdf/pdf-lib.js';
import { updatedPdf, type PdfEdit } from '../../src/export/pdf/pdf-update.js';

/** A printed PDF of `pages` pages with `edit` applied, as the build finishes one. */
async function finished(pages: number, edit: (pdf: Parameters<PdfEdit>[0]) => void): Promise<Uint8Array> {
  const pdf = await LecternPdf.create();
  for (let i = 0; i < pages; i++) pdf.addPage([640, 360]);
  return updatedPdf(await pdf.save({ useObjectStreams: false }), (target) => {
    edit(target);
    return [target.context.trailerInfo.Root as PDFRef];
  });
}

interface ReadEntry {
  title: string;
  page: number;
  count?: number;
  children: ReadEntry[];
}

/** The outline of a saved PDF, read back from its bytes by following First/Next and each Dest. */
async function outlineOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const pageRefs = pdf.getPages().map((p) => p.ref.toString());
  const get = (dict: PDFDict, key: string) => dict.get(PDFName.of(key));
  const deref = (v: unknown) => pdf.context.lookup(v as PDFRef) as PDFDict;
  const level = (first: unknown, parent: PDFRef): ReadEntry[] => {
    const out: ReadEntry[] = [];
    for (let ref = first as PDFRef | undefined; ref; ref = get(deref(ref), 'Next') as PDFRef | undefined) {
      const item = deref(ref);
      expect(get(item, 'Parent')).toBe(parent);
      const dest = get(item, 'Dest') as PDFArray;
      const count = get(item, 'Count') as PDFNumber | undefined;
      out.push({
        title: (get(item, 'Title') as PDFHexString).decodeText(),
        page: pageRefs.indexOf(dest.get(0).toString()),
        ...(count ? { count: count.asNumber() } : {}),
        children: level(get(item, 'First'), ref),
      });
    }
    return out;
  };
  const rootRef = pdf.catalog.get(PDFName.of('Outlines')) as PDFRef;
  const root = deref(rootRef);
  return {
    pageMode: pdf.catalog.get(PDFName.of('PageMode'))?.toString(),
    count: (get(root, 'Count') as PDFNumber).asNumber(),
    entries: level(get(root, 'First'), rootRef),
  };
}

describe('addOutline', () => {
  it('writes bookmarks that a reader reads back: titles, pages, nesting, folded chapters', async () => {
    const bytes = await finished(5, (pdf) =>
      addOutline(pdf, [
        { title: '沟通技巧训练营', page: 0 },
        {
          title: '01 倾听的力量',
          page: 1,
          children: [
            { title: '3 · 倾听的层次', page: 2 },
            { title: '4 · 练习材料', page: 3 },
          ],
        },
        // Past the last page: the bookmark leads to the last page rather than nowhere.
        { title: '谢谢', page: 9 },
      ]),
    );
    const read = await outlineOf(bytes);
    expect(read).toEqual({
      pageMode: '/UseOutlines',
      count: 3,
      entries: [
        { title: '沟通技巧训练营', page: 0, children: [] },
        {
          title: '01 倾听的力量',
          page: 1,
          count: -2,
          children: [
            { title: '3 · 倾听的层次', page: 2, children: [] },
            { title: '4 · 练习材料', page: 3, children: [] },
          ],
        },
        { title: '谢谢', page: 4, children: [] },
      ],
    });
  });

  it('writes no outline for no entries', async () => {
    const loaded = await PDFDocument.load(await finished(1, (pdf) => addOutline(pdf, [])));
    expect(loaded.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
