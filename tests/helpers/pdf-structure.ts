import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** A Figure of a PDF's structure tree: its /Alt ('' for none), and whether it is inside another Figure. */
export interface PdfFigure {
  alt: string;
  nested: boolean;
}

/**
 * Every Figure of a tagged PDF's structure tree, in the tree's order (its reading order).
 * poppler (`pdfinfo -struct`) reads the tree and says how many Figures it holds, without their
 * /Alt, which it does not print; pdf-lib walks the same tree for each one's /Alt. The two
 * readers must count the same Figures, and poppler must read the tree without a complaint.
 */
export async function pdfFigures(file: string): Promise<PdfFigure[]> {
  const struct = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
  if (struct.status !== 0 || /Syntax Error/.test(struct.stderr))
    throw new Error(`${file}: poppler could not read the structure tree: ${struct.stderr}`);
  const popplerCount = struct.stdout.split('\n').filter((l) => l.trim() === 'Figure').length;
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const figures: PdfFigure[] = [];
  const walk = (node: unknown, inFigure: boolean): void => {
    if (node instanceof PDFArray) {
      for (let i = 0; i < node.size(); i++) walk(node.lookup(i), inFigure);
      return;
    }
    if (!(node instanceof PDFDict)) return;
    const figure = node.lookupMaybe(PDFName.of('S'), PDFName)?.asString() === '/Figure';
    if (figure) {
      const alt = node.lookupMaybe(PDFName.of('Alt'), PDFString, PDFHexString);
      figures.push({ alt: alt?.decodeText().trim() ?? '', nested: inFigure });
    }
    walk(node.lookup(PDFName.of('K')), inFigure || figure);
  };
  walk(root?.lookup(PDFName.of('K')), false);
  if (figures.length !== popplerCount)
    throw new Error(`${file}: poppler reads ${popplerCount} Figures, pdf-lib ${figures.length}`);
  return figures;
}

/**
 * The text of every heading (H, H1–H6) of a tagged PDF's structure tree, in the tree's order,
 * as poppler reads it (`pdfinfo -struct-text`: one element or one quoted text per line,
 * nested by indentation); the spaces poppler puts between a heading's pieces are dropped.
 */
export function pdfHeadings(file: string): string[] {
  const struct = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  if (struct.status !== 0)
    throw new Error(`${file}: poppler could not read the structure tree: ${struct.stderr}`);
  const headings: string[] = [];
  let open: { depth: number; text: string } | undefined;
  for (const line of struct.stdout.split('\n')) {
    const depth = line.length - line.trimStart().length;
    const item = line.trim();
    if (open && depth <= open.depth) {
      headings.push(open.text);
      open = undefined;
    }
    if (/^H[1-6]?\b/.test(item) && !open) open = { depth, text: '' };
    else if (open && item.startsWith('"')) open.text += item.slice(1, -1);
  }
  if (open) headings.push(open.text);
  return headings.map((h) => h.replace(/\s+/g, ''));
}
