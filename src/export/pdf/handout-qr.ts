import type { PDFFont, PDFPage } from 'pdf-lib';
import { closingCodes } from '../../compose/closing-codes.js';
import { labelsFor } from '../../core/labels.js';
import { qrCode } from '../../compose/qr-code.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { rgb } from './pdf-lib.js';

/** The deck's QR codes (feedback, materials) with their captions; none when deck.md names no address. */
export function handoutCodes(deck: DeckModel): { url: string; caption: string }[] {
  return closingCodes(deck, labelsFor(deck.lang));
}

/** Printed codes this size (about 4 cm) scan from a desk at arm's length. */
const CODE_SIZE = 118;
const CAPTION_SIZE = 11;
const GAP = 36;

/**
 * Draws the QR codes, as vector paths, centred side by side in `box` (the free slot after the
 * last slide on the handout's last page), each with its caption below it.
 */
export function drawHandoutCodes(
  page: PDFPage,
  font: PDFFont,
  codes: { url: string; caption: string }[],
  box: { x: number; y: number; width: number; height: number },
): void {
  const total = codes.length * CODE_SIZE + (codes.length - 1) * GAP;
  const top = box.y + (box.height + CODE_SIZE + CAPTION_SIZE * 2) / 2;
  codes.forEach((c, i) => {
    const code = qrCode(c.url);
    const x = box.x + (box.width - total) / 2 + i * (CODE_SIZE + GAP);
    // drawSvgPath puts the path's origin at (x, y) and runs y downwards, as SVG does.
    page.drawSvgPath(code.path, {
      x,
      y: top,
      scale: CODE_SIZE / code.size,
      color: rgb(0, 0, 0),
      borderWidth: 0,
    });
    const width = font.widthOfTextAtSize(c.caption, CAPTION_SIZE);
    page.drawText(c.caption, {
      x: x + (CODE_SIZE - width) / 2,
      y: top - CODE_SIZE - CAPTION_SIZE * 1.6,
      size: CAPTION_SIZE,
      font,
      color: rgb(0.2, 0.22, 0.25),
    });
  });
}
