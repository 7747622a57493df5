import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument as Reader } from 'pdf-lib';
import { PDFDocument } from '../../src/export/pdf/pdf-lib.js';
import { updatedPdf } from '../../src/export/pdf/pdf-update.js';
import { tempDir } from '../helpers/temp.js';

/** A two-page PDF with a classic cross-reference table, as Chromium prints them. */
async function printed(objectStreams = false): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 100]);
  pdf.addPage([200, 100]);
  pdf.setTitle('printed');
  return pdf.save({ useObjectStreams: objectStreams });
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('updatedPdf', () => {
  it('keeps the printed bytes and appends the changed objects with a cross-reference section that points at each', async () => {
    const before = await printed();
    const after = await updatedPdf(before, (pdf) => {
      pdf.setTitle('沟通技巧训练营');
      pdf.setLanguage('zh-CN');
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
      pdf.setTitle('整份保存');
      return [];
    });
    expect((await Reader.load(after)).getTitle()).toBe('整份保存');
  });
});
