import type { PDFContext as Context, PDFDict as Dict, PDFObject, PDFRef } from 'pdf-lib';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef as Ref,
} from './pdf-lib.js';

// The few objects of a printed PDF that finishing it changes (its catalog, its information
// dictionary, its page tree, its structure root), read where its cross-reference table says
// they are. pdf-lib's load parses every object of the file first: the course's three PDFs
// (4,000 objects, 1.4 MB) took a quarter of a second of the build's main thread for a title,
// a language and some bookmarks. Each object is still read by pdf-lib's own object parser.

/** A printed PDF's objects, as far as they have been read, and where the rest are. */
export interface PrintedObjects {
  context: Context;
  catalog: Dict;
  /** The pages' own objects, in order. */
  pages: PDFRef[];
  /** The offset of the file's last cross-reference section (the update's `/Prev`). */
  previous: number;
  /** Reads the object a reference names (once), or undefined when the table does not hold it. */
  read(ref: PDFRef): PDFObject | undefined;
}

/**
 * The catalog, information dictionary and page tree of a PDF whose cross-reference sections
 * are tables (as Chromium writes them); undefined for one that ends in a cross-reference
 * stream, which this reader does not follow.
 */
export function printedObjects(bytes: Uint8Array): PrintedObjects | undefined {
  const previous = lastXrefOffset(bytes);
  if (previous === undefined) return undefined;
  const context = PDFContext.create();
  const offsets = new Map<number, number>();
  let trailer: Dict | undefined;
  // Newer sections come first along /Prev; an object keeps its newest offset.
  const seen = new Set<number>();
  for (let at: number | undefined = previous; at !== undefined && !seen.has(at);) {
    seen.add(at);
    if (!keywordAt(bytes, at, 'xref')) return undefined;
    const section = xrefSection(bytes, at + 'xref'.length, context);
    for (const [n, offset] of section.offsets) if (!offsets.has(n)) offsets.set(n, offset);
    trailer ??= section.trailer;
    const prev = section.trailer.get(PDFName.of('Prev'));
    at = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  if (!trailer) return undefined;
  const size = trailer.get(PDFName.of('Size'));
  if (!(size instanceof PDFNumber)) return undefined;
  context.largestObjectNumber = size.asNumber() - 1;
  const read = (ref: PDFRef): PDFObject | undefined => {
    const known = context.lookup(ref);
    if (known) return known;
    const offset = offsets.get(ref.objectNumber);
    if (offset === undefined) return undefined;
    const object = objectAt(bytes, offset, context);
    // assign() would raise the largest object number to this one: it already counts it.
    const largest = context.largestObjectNumber;
    context.assign(ref, object);
    context.largestObjectNumber = largest;
    return object;
  };
  for (const key of ['Root', 'Info', 'ID', 'Encrypt'] as const) {
    const value = trailer.get(PDFName.of(key));
    if (value) (context.trailerInfo as Record<string, PDFObject>)[key] = value;
  }
  const root = context.trailerInfo.Root;
  const catalog = root instanceof Ref ? read(root) : undefined;
  if (!(catalog instanceof PDFDict)) return undefined;
  if (context.trailerInfo.Info instanceof Ref) read(context.trailerInfo.Info);
  return { context, catalog, pages: pageRefs(catalog, read), previous, read };
}

/** The page objects below the catalog's page tree, in order (7.7.3). */
function pageRefs(catalog: Dict, read: (ref: PDFRef) => PDFObject | undefined): PDFRef[] {
  const pages: PDFRef[] = [];
  const visit = (ref: PDFObject | undefined, depth: number) => {
    if (!(ref instanceof Ref) || depth > 64) return;
    const node = read(ref);
    if (!(node instanceof PDFDict)) return;
    const kids = node.get(PDFName.of('Kids'));
    if (node.get(PDFName.of('Type')) === PDFName.of('Pages') && kids instanceof PDFArray)
      for (const kid of kids.asArray()) visit(kid, depth + 1);
    else pages.push(ref);
  };
  visit(catalog.get(PDFName.of('Pages')), 0);
  return pages;
}

/** One cross-reference table (7.5.4): its subsections' in-use entries and the trailer after it. */
function xrefSection(
  bytes: Uint8Array,
  from: number,
  context: Context,
): { offsets: Map<number, number>; trailer: Dict } {
  const words = new Words(bytes, from);
  const offsets = new Map<number, number>();
  for (let word = words.next(); word !== 'trailer'; word = words.next()) {
    const first = Number(word);
    const count = Number(words.next());
    if (!Number.isInteger(first) || !Number.isInteger(count))
      throw new Error(`bad xref subsection at ${words.at}`);
    for (let i = 0; i < count; i++) {
      const offset = Number(words.next());
      words.next(); // the generation number
      if (words.next() === 'n') offsets.set(first + i, offset);
    }
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(words.at), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw new Error('the trailer is not a dictionary');
  return { offsets, trailer };
}

/** The object of an indirect object (7.3.10: `N G obj … endobj`) that starts at `offset`. */
function objectAt(bytes: Uint8Array, offset: number, context: Context): PDFObject {
  const words = new Words(bytes, offset);
  words.next();
  words.next();
  if (words.next() !== 'obj') throw new Error(`no object at offset ${offset}`);
  return PDFObjectParser.forBytes(bytes.subarray(words.at), context).parseObject();
}

/** The words of a table or an object header, split at PDF white space (7.2.3). */
class Words {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  next(): string {
    while (this.at < this.bytes.length && isSpace(this.bytes[this.at]!)) this.at++;
    const start = this.at;
    while (this.at < this.bytes.length && !isSpace(this.bytes[this.at]!)) this.at++;
    if (start === this.at) throw new Error('the file ends inside its cross-reference table');
    return String.fromCharCode(...this.bytes.subarray(start, this.at));
  }
}

const isSpace = (b: number) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

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

function keywordAt(bytes: Uint8Array, at: number, word: string): boolean {
  return [...word].every((c, i) => bytes[at + i] === c.charCodeAt(0));
}
