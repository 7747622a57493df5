import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFArray, PDFRef } from 'pdf-lib';
import { addOutline } from '../../src/export/pdf/pdf-outline.js';
// The document is made with lectern's own pdf-lib (names are compared by identity); it is read back with the package's.
import { PDFDocument as LecternPdf } from '../../src/export/pdf/pdf-lib.js';

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
    const pdf = await LecternPdf.create();
    for (let i = 0; i < 5; i++) pdf.addPage([640, 360]);
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
    ]);
    const read = await outlineOf(await pdf.save());
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
    const pdf = await LecternPdf.create();
    pdf.addPage();
    addOutline(pdf, []);
    const loaded = await PDFDocument.load(await pdf.save());
    expect(loaded.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
