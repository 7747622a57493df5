import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** Real readers for the outputs: poppler's tools for PDF, pdf-lib for its outline, JSZip for PPTX. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** The PDF's text, or one page's; `layout` keeps the printed columns (a table's cells in a row). */
export function pdfText(file: string, page?: number, opts: { layout?: boolean } = {}): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const layout = opts.layout ? ['-layout'] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...layout, ...range, file, '-'], { encoding: 'utf8' });
}

/**
 * Every printed line of a PDF, page by page and top to bottom, from poppler (`pdftotext
 * -bbox-layout`, read by an XML parser): its words joined by a space, and its top in points.
 */
export async function pdfLines(file: string): Promise<{ page: number; text: string; top: number }[][]> {
  const { DOMParser } = await import('@xmldom/xmldom');
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xhtml, 'text/xml');
  return [...doc.getElementsByTagName('page')].map((page, i) =>
    [...page.getElementsByTagName('line')]
      .map((line) => ({
        page: i + 1,
        text: [...line.getElementsByTagName('word')].map((w) => w.textContent ?? '').join(' '),
        top: Number(line.getAttribute('yMin')),
      }))
      .sort((a, b) => a.top - b.top),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name, type (one or two words), encoding, emb, sub, uni, object, id
    const embedded = cols[cols.length - 5] === 'yes';
    return { name: cols[0]!, type: cols.slice(1, cols.length - 6).join(' '), embedded };
  });
}

/** Top-level bookmark titles of a PDF. */
/** The titles of the PDF's top-level bookmarks, or of those inside the bookmarks titled `path`, one level each. */
export async function pdfOutline(file: string, ...path: string[]): Promise<string[]> {
  const pdf = await PDFDocument.load(readFileSync(file));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const level = (first: PDFDict | undefined) => {
    const items: { title: string; item: PDFDict }[] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        item,
      });
    }
    return items;
  };
  let items = level(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  for (const title of path)
    items = level(items.find((t) => t.title === title)?.item.lookupMaybe(PDFName.of('First'), PDFDict));
  return items.map((t) => t.title);
}

/** The PDF's top-level bookmarks with the 1-based page each one opens. */
export async function pdfBookmarks(file: string): Promise<{ title: string; page: number }[]> {
  const pdf = await PDFDocument.load(readFileSync(file));
  const pages = pdf.getPages().map((p) => p.ref.toString());
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const marks: { title: string; page: number }[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'), PDFArray);
    marks.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      page: pages.indexOf(dest.get(0).toString()) + 1,
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return marks;
}

export interface PptxContent {
  slides: number;
  /** Text of each slide's notes page, by slide number. */
  notes: Map<number, string>;
  media: number;
  /** Pixel size of each JPEG picture, by slide number (from the picture's own SOF header). */
  pictures: Map<number, { width: number; height: number }>;
}

/** Width and height from a JPEG's start-of-frame segment; undefined when it is no JPEG. */
export function jpegSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  for (let at = 2; at + 9 < data.length;) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    const length = (data[at + 2]! << 8) | data[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: (data[at + 5]! << 8) | data[at + 6]!, width: (data[at + 7]! << 8) | data[at + 8]! };
    at += 2 + length;
  }
  return undefined;
}

export async function readPptx(file: string): Promise<PptxContent> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files);
  const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const notes = new Map<number, string>();
  const pictures = new Map<number, { width: number; height: number }>();
  for (const n of names.filter((x) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(x))) {
    const slide = Number(/slide(\d+)\.xml\.rels$/.exec(n)![1]);
    const rels = await zip.file(n)!.async('string');
    const media = /Target="\.\.\/media\/([^"]+\.jpe?g)"/.exec(rels)?.[1];
    const size = media ? jpegSize(await zip.file(`ppt/media/${media}`)!.async('uint8array')) : undefined;
    if (size) pictures.set(slide, size);
    const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    if (!target) continue;
    const xml = await zip.file(`ppt/notesSlides/${target}`)!.async('string');
    notes.set(slide, [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n'));
  }
  return {
    slides,
    notes,
    media: names.filter((n) => n.startsWith('ppt/media/') && !n.endsWith('/')).length,
    pictures,
  };
}

/**
 * The PPTX opened by LibreOffice Impress and saved as PDF (in `dir`, with a profile of its own):
 * proof that it opens, and its pages to read. Returns the PDF's path.
 */
export function libreOfficePdf(pptx: string, dir: string): string {
  const pdfDir = join(dir, 'lo');
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      pdfDir,
      pptx,
    ],
    { stdio: 'ignore', timeout: 170_000 },
  );
  return join(pdfDir, basename(pptx).replace(/\.pptx$/, '.pdf'));
}

/**
 * PowerPoint's outline of a PPTX: each slide's title placeholder text (`p:ph` of type `title`
 * or `ctrTitle`) in the presentation's slide order, its paragraphs joined by a space; a slide
 * with no title placeholder gives undefined.
 */
export async function pptxOutline(file: string): Promise<(string | undefined)[]> {
  const { DOMParser } = await import('@xmldom/xmldom');
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parse = async (name: string) =>
    new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml');
  const rels = await parse('ppt/_rels/presentation.xml.rels');
  const target = new Map(
    [...rels.getElementsByTagName('Relationship')].map((r) => [
      r.getAttribute('Id'),
      r.getAttribute('Target'),
    ]),
  );
  const ids = [...(await parse('ppt/presentation.xml')).getElementsByTagNameNS(P, 'sldId')];
  const titles: (string | undefined)[] = [];
  for (const id of ids) {
    const slide = await parse(`ppt/${target.get(id.getAttributeNS(R, 'id'))}`);
    const shape = [...slide.getElementsByTagNameNS(P, 'sp')].find((sp) =>
      [...sp.getElementsByTagNameNS(P, 'ph')].some((ph) =>
        /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? ''),
      ),
    );
    titles.push(
      shape &&
        [...shape.getElementsByTagNameNS(A, 'p')]
          .map((p) => [...p.getElementsByTagNameNS(A, 't')].map((t) => t.textContent).join(''))
          .filter(Boolean)
          .join(' '),
    );
  }
  return titles;
}
