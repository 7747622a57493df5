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
