import { closingCodes } from '../../compose/closing-codes.js';
import { deckLabels } from '../../core/label-overrides.js';
import { qrSvg } from '../../compose/qr-code.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { escapeHtml } from '../browser/print-html.js';

/** The deck's QR codes (feedback, materials) with their captions; none when deck.md names no address. */
export function handoutCodes(deck: DeckModel): { url: string; caption: string }[] {
  return closingCodes(deck, deckLabels(deck));
}

/**
 * Printed codes about 4 cm wide scan from a desk at arm's length; the address is printed below
 * each, for a trainee without a camera or a code that will not scan.
 */
export const CODES_CSS = `
.codes { flex: 1; min-height: 0; display: flex; justify-content: center; align-items: center; gap: 8mm; }
.codes .code { margin: 0; flex: 0 1 48mm; min-width: 0; display: flex; flex-direction: column; align-items: center; gap: 1.5mm; }
.codes .qr { display: block; width: 100%; max-width: 40mm; height: auto; }
.codes .caption { margin: 0; font-size: 11pt; color: #1d2633; text-align: center; }
.codes .address { font-size: 8pt; color: #3d4753; text-align: center; overflow-wrap: anywhere; }
`;

/**
 * The codes side by side, vector, each with its caption and its address. The code is a picture
 * named by its caption (a Figure with that /Alt in the PDF: an inline SVG of paths alone is
 * not tagged at all); caption and address stay text.
 */
export function codesHtml(codes: { url: string; caption: string }[]): string {
  const figures = codes.map(
    (c) =>
      `<div class="code"><img class="qr" alt="${escapeHtml(c.caption)}" src="data:image/svg+xml;base64,${Buffer.from(qrSvg(c.url)).toString('base64')}"><p class="caption">${escapeHtml(c.caption)}</p><div class="address">${escapeHtml(c.url)}</div></div>`,
  );
  return `<div class="codes">${figures.join('')}</div>`;
}
