import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument as Reader, PDFName as ReaderName } from 'pdf-lib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from '../../src/export/pdf/pdf-lib.js';
import { updatedPdf, type PdfTarget } from '../../src/export/pdf/pdf-update.js';

const setTitle = (pdf: PdfTarget, title: string) =>
  pdf.info().set(PDFName.of('Title'), PDFHexString.fromText(title));
import { tempDir } from '../helpers/temp.js';

/** A two-page PDF with a classic cross-reference table, as Chromium prints them. */
async function printed(objectStreams = false): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  // Each page with its own content stream: objects the finishing never needs to read.
  for (let i = 0; i < 2; i++) pdf.addPage([200, 100]).drawRectangle({ x: 10, y: 10, width: 50, height: 20 });
  pdf.setTitle('printed');
  return pdf.save({ useObjectStreams: objectStreams });
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('updatedPdf', () => {
  it('keeps the printed bytes and appends the changed objects with a cross-reference section that points at each', async () => {
    const before = await printed();
    const after = await updatedPdf(before, (pdf) => {
      setTitle(pdf, '沟通技巧训练营');
      pdf.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
      const { Root, Info } = pdf.context.trailerInfo;
      return [Root, Info] as never;
    });
    expect(Buffer.from(after.subarray(0, before.length)).equals(Buffer.from(before))).toBe(true);
    const update = latin1(after).slice(before.length);
    const xref = update.slice(update.lastIndexOf('\nxref\n') + 1);
    const startxref = Number(/startxref\s+(\d+)/.exec(update.slice(update.lastIndexOf('startxref')))![1]);
    expect(latin1(after).slice(startxref, startxref + 4)).toBe('xref');
    // Every entry's offset is where its object begins.
    const entries = [...xref.matchAll(/^(\d+) 1\n(\d{10}) (\d{5}) n \n/gm)];
    expect(entries.length).toBeGreaterThan(1);
    for (const [, n, at, g] of entries)
      expect(
        latin1(after)
          .slice(Number(at))
          .startsWith(`${n} ${Number(g)} obj\n`),
      ).toBe(true);
    expect(update).toMatch(/\/Prev \d+/);
    // Read back by two readers: pdf-lib and poppler, which complains of a broken table.
    const read = await Reader.load(after);
    expect(read.getTitle()).toBe('沟通技巧训练营');
    expect(read.getPageCount()).toBe(2);
    const file = join(tempDir('lectern-pdf-update-'), 'updated.pdf');
    writeFileSync(file, after);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(info).toMatch(/Title:\s+沟通技巧训练营/);
    expect(info).toMatch(/Pages:\s+2/);
  });

  it('saves a file whose last cross-reference section is a stream whole, with the change', async () => {
    const after = await updatedPdf(await printed(true), (pdf) => {
      setTitle(pdf, '整份保存');
      return [];
    });
    expect((await Reader.load(after)).getTitle()).toBe('整份保存');
  });

  it('reads only the objects the change needs, and follows the sections an earlier update added', async () => {
    const once = await updatedPdf(await printed(), (pdf) => {
      setTitle(pdf, '第一次');
      return [pdf.context.trailerInfo.Info as never];
    });
    let read = 0;
    let total = 0;
    const twice = await updatedPdf(once, (pdf) => {
      // The catalog, the information dictionary and the page tree (a node and two pages), not the pages' contents.
      read = [...pdf.context.enumerateIndirectObjects()].length;
      total = pdf.context.largestObjectNumber;
      expect(pdf.pages).toHaveLength(2);
      pdf.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
      return [pdf.context.trailerInfo.Root as never];
    });
    expect(read).toBe(5);
    expect(total).toBeGreaterThan(read);
    const back = await Reader.load(twice);
    // The title from the first update, the language from the second.
    expect(back.getTitle()).toBe('第一次');
    expect(back.catalog.get(ReaderName.of('Lang'))?.toString()).toBe('(zh-CN)');
  });
});
