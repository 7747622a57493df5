import type { PDFDocument as Document, PDFObject, PDFRef } from 'pdf-lib';
import { PDFDocument } from './pdf-lib.js';

// Changes to a printed PDF written as an incremental update (ISO 32000-1, 7.5.6): the browser's
// bytes stay as they are and the changed and new objects follow them with their own cross-
// reference section. pdf-lib writes a whole document again: 0.1 s per PDF on the build's main
// thread, for a title, a language and a few bookmarks.

/** What the change touched among the document's own objects; new ones are found by number. */
export type PdfEdit = (pdf: Document) => PDFRef[];

/**
 * The printed PDF with `edit` applied. A file whose last cross-reference section is a stream
 * (which Chromium does not write) is saved whole instead, as pdf-lib's update would need one.
 */
export async function updatedPdf(printed: Uint8Array, edit: PdfEdit): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  const ctx = pdf.context;
  const known = ctx.largestObjectNumber;
  const touched = edit(pdf);
  const previous = lastXrefOffset(printed);
  if (previous === undefined || !startsWith(printed, previous, 'xref'))
    return pdf.save({ useObjectStreams: false });

  const changed = new Map<number, [PDFRef, PDFObject]>();
  for (const ref of touched) changed.set(ref.objectNumber, [ref, ctx.lookup(ref)!]);
  for (const [ref, obj] of ctx.enumerateIndirectObjects())
    if (ref.objectNumber > known) changed.set(ref.objectNumber, [ref, obj]);
  const objects = [...changed.values()].sort((a, b) => a[0].objectNumber - b[0].objectNumber);

  const parts: Uint8Array[] = [printed];
  let offset = printed.length;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  const text = (s: string) => push(new TextEncoder().encode(s));
  // The update starts on a line of its own, whatever the file ended with.
  text('\n');
  const offsets: [number, number, number][] = [];
  for (const [ref, obj] of objects) {
    offsets.push([ref.objectNumber, ref.generationNumber, offset]);
    text(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    const bytes = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(bytes, 0);
    push(bytes);
    text('\nendobj\n');
  }
  const xref = offset;
  // One subsection per object: each entry is exactly 20 bytes, as the format requires.
  const entries = offsets.map(
    ([n, g, at]) => `${n} 1\n${String(at).padStart(10, '0')} ${String(g).padStart(5, '0')} n \n`,
  );
  const { Root, Info, ID } = ctx.trailerInfo;
  const trailer = ctx.obj({
    Size: ctx.largestObjectNumber + 1,
    ...(Root ? { Root } : {}),
    ...(Info ? { Info } : {}),
    ...(ID ? { ID } : {}),
    Prev: previous,
  });
  text(`xref\n${entries.join('')}trailer\n${trailer.toString()}\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The offset after the file's last `startxref` keyword: where a reader starts, reading the
 * file from its end (7.5.5). Only the last kilobyte is read, as readers do.
 */
function lastXrefOffset(pdf: Uint8Array): number | undefined {
  const tail = new TextDecoder('latin1').decode(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return undefined;
  const digits = tail.slice(at + 'startxref'.length).trimStart();
  let end = 0;
  while (end < digits.length && digits[end]! >= '0' && digits[end]! <= '9') end++;
  return end > 0 ? Number(digits.slice(0, end)) : undefined;
}

function startsWith(bytes: Uint8Array, at: number, word: string): boolean {
  return [...word].every((c, i) => bytes[at + i] === c.charCodeAt(0));
}
