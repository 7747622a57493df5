import type { PDFContext, PDFDict as Dict, PDFObject, PDFRef } from 'pdf-lib';
import { PDFDict, PDFDocument } from './pdf-lib.js';
import { printedObjects } from './pdf-objects.js';

// Changes to a printed PDF written as an incremental update (ISO 32000-1, 7.5.6): the browser's
// bytes stay as they are and the changed and new objects follow them with their own cross-
// reference section. pdf-lib writes a whole document again: 0.1 s per PDF on the build's main
// thread, for a title, a language and a few bookmarks. Only the objects the change needs are
// read (pdf-objects.ts).

/** What a change can see and change of a printed PDF. */
export interface PdfTarget {
  context: PDFContext;
  catalog: Dict;
  /** The pages' own objects, in order. */
  pages: PDFRef[];
  /** The document information dictionary, made when the file has none. */
  info(): Dict;
  /** The object a reference names, read from the file when the change needs it. */
  lookup(ref: PDFRef): PDFObject | undefined;
}

/** What the change touched among the document's own objects; new ones are found by number. */
export type PdfEdit = (pdf: PdfTarget) => PDFRef[];

/**
 * The printed PDF with `edit` applied. A file whose last cross-reference section is a stream
 * (which Chromium does not write) is loaded and saved whole by pdf-lib instead.
 */
export async function updatedPdf(printed: Uint8Array, edit: PdfEdit): Promise<Uint8Array> {
  const objects = printedObjects(printed);
  if (!objects) return savedWhole(printed, edit);
  const ctx = objects.context;
  const known = ctx.largestObjectNumber;
  const touched = edit(target(ctx, objects.catalog, objects.pages, objects.read));
  const previous = objects.previous;

  const changed = new Map<number, [PDFRef, PDFObject]>();
  for (const ref of touched) changed.set(ref.objectNumber, [ref, ctx.lookup(ref)!]);
  for (const [ref, obj] of ctx.enumerateIndirectObjects())
    if (ref.objectNumber > known) changed.set(ref.objectNumber, [ref, obj]);
  const written = [...changed.values()].sort((a, b) => a[0].objectNumber - b[0].objectNumber);

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
  for (const [ref, obj] of written) {
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

/** The edit on a document pdf-lib loaded whole, saved whole. */
async function savedWhole(printed: Uint8Array, edit: PdfEdit): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  const pages = pdf.getPages().map((p) => p.ref);
  edit(target(pdf.context, pdf.catalog, pages, (ref) => pdf.context.lookup(ref)));
  return pdf.save({ useObjectStreams: false });
}

function target(
  context: PDFContext,
  catalog: Dict,
  pages: PDFRef[],
  lookup: (ref: PDFRef) => PDFObject | undefined,
): PdfTarget {
  return {
    context,
    catalog,
    pages,
    lookup,
    info() {
      const existing = context.trailerInfo.Info && lookup(context.trailerInfo.Info as PDFRef);
      if (existing instanceof PDFDict) return existing;
      const made = context.obj({});
      context.trailerInfo.Info = context.register(made);
      return made;
    },
  };
}
