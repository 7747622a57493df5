import type { PDFDocument as Document, PDFFont, PDFPage } from 'pdf-lib';
import { loadFontkit, PDFDocument, rgb } from './pdf-lib.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { regularSubsetFor, type FontSubset } from '../../fonts/embedded-font.js';
import { drawHandoutCodes, handoutCodes } from './handout-qr.js';

/** A4 portrait in PDF points. */
const A4 = { width: 595.28, height: 841.89 };
const PER_PAGE = 3;
const MARGIN_X = 40;
const TOP = 62;
const BOTTOM = 56;
const SLIDE_WIDTH = 306;
const GUTTER = 22;
const LINES = 7;
const GREY = rgb(0.35, 0.38, 0.42);
const RULE = rgb(0.6, 0.64, 0.69);

/**
 * The trainee handout, like PowerPoint's three-slide handout: A4 portrait, three slides per
 * page with ruled lines beside each for notes, deck title and page numbers. The slides are the
 * slides PDF's own pages embedded as vector graphics (text stays text), so no second layout
 * in the browser; speaker notes are the trainer's and never appear here.
 */
export async function writeHandout(
  slidesPdf: Uint8Array,
  deck: DeckModel,
  font: FontSubset,
): Promise<Document> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(loadFontkit());
  const source = await PDFDocument.load(slidesPdf);
  const slides = await doc.embedPages(source.getPages());
  // The feedback QR codes take the slot after the last slide (a page of their own when it is full).
  const codes = handoutCodes(deck);
  const pages = Math.ceil((slides.length + (codes.length ? 1 : 0)) / PER_PAGE);
  const header = [deck.title, deck.organization].filter(Boolean).join(' · ');
  // fontkit's own subsetting of a HarfBuzz subset drew most CJK glyphs empty (text extractable,
  // nothing painted): HarfBuzz cuts the font to the handout's words and pdf-lib embeds it whole.
  const drawn = [header, deck.date ?? '', ...codes.map((c) => c.caption)].join('');
  const text = await doc.embedFont(await regularSubsetFor(font, drawn), { subset: false });

  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([A4.width, A4.height]);
    drawFrame(page, text, header, deck.date ?? '', `${p + 1} / ${pages}`);
    const row = slides.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
    row.forEach((slide, i) => {
      const height = (SLIDE_WIDTH * slide.height) / slide.width;
      const band = (A4.height - TOP - BOTTOM) / PER_PAGE;
      const y = A4.height - TOP - i * band - (band - height) / 2 - height;
      page.drawPage(slide, { x: MARGIN_X, y, width: SLIDE_WIDTH, height });
      page.drawRectangle({ x: MARGIN_X, y, width: SLIDE_WIDTH, height, borderColor: RULE, borderWidth: 0.6 });
      const left = MARGIN_X + SLIDE_WIDTH + GUTTER;
      for (let l = 1; l <= LINES; l++) {
        const ly = y + height - (l * height) / LINES;
        page.drawLine({
          start: { x: left, y: ly },
          end: { x: A4.width - MARGIN_X, y: ly },
          thickness: 0.6,
          color: RULE,
        });
      }
    });
  }
  if (codes.length) drawHandoutCodes(doc.getPage(pages - 1), text, codes, slot(slides.length % PER_PAGE));
  return doc;
}

/** Where the i-th slide of a page goes, with its ruled lines: the whole band across the page. */
function slot(i: number): { x: number; y: number; width: number; height: number } {
  const band = (A4.height - TOP - BOTTOM) / PER_PAGE;
  return { x: MARGIN_X, y: A4.height - TOP - (i + 1) * band, width: A4.width - 2 * MARGIN_X, height: band };
}

function drawFrame(page: PDFPage, font: PDFFont, left: string, right: string, footer: string): void {
  const size = 9;
  const y = A4.height - 36;
  if (left) page.drawText(left, { x: MARGIN_X, y, size, font, color: GREY });
  if (right)
    page.drawText(right, {
      x: A4.width - MARGIN_X - font.widthOfTextAtSize(right, size),
      y,
      size,
      font,
      color: GREY,
    });
  page.drawText(footer, {
    x: (A4.width - font.widthOfTextAtSize(footer, size)) / 2,
    y: 30,
    size,
    font,
    color: GREY,
  });
}
