import { closingCodes } from '../../compose/closing-codes.js';
import type { Labels } from '../../core/labels.js';
import { qrCode } from '../../compose/qr-code.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { FONT, PX, W, type Pptx, type Slide } from './pptx-layouts.js';

/** The closing slide's QR cards as the theme places them (compose/closing-codes.ts), in CSS pixels. */
const CODE = 168;
const PAD = 12;
const CAPTION = 18;
const CARD_W = CODE + 2 * PAD;
const CARD_H = PAD + CODE + 6 + CAPTION * 1.2 + 8;

/**
 * The closing slide's QR codes (deck.md `feedback:`, `materials:`) as vector shapes, one
 * freeform per code, on white cards with their captions in the lower right corner: they scan
 * from the projected PPTX as from the PDF, and stay sharp at any size.
 */
export function closingQrCodes(pptx: Pptx, slide: Slide, deck: DeckModel, t: Labels, H: number): void {
  const codes = closingCodes(deck, t);
  codes.forEach((code, i) => {
    const right = 56 + (codes.length - 1 - i) * (CARD_W + 24);
    const x = W - (right + CARD_W) * PX;
    const y = H - (44 + CARD_H) * PX;
    slide.addShape(pptx.ShapeType.roundRect, {
      x,
      y,
      w: CARD_W * PX,
      h: CARD_H * PX,
      fill: { color: 'FFFFFF' },
      line: { color: 'FFFFFF' },
      rectRadius: 0.08,
    });
    const qr = qrCode(code.url);
    const m = (CODE * PX) / qr.size;
    const points: NonNullable<Parameters<Slide['addShape']>[1]>['points'] = [];
    for (const [, mx, my, run] of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      const [a, b, r] = [Number(mx), Number(my), Number(run)];
      points.push(
        { x: a * m, y: b * m, moveTo: true },
        { x: (a + r) * m, y: b * m },
        { x: (a + r) * m, y: (b + 1) * m },
        { x: a * m, y: (b + 1) * m },
        { close: true },
      );
    }
    slide.addShape('custGeom' as never, {
      x: x + PAD * PX,
      y: y + PAD * PX,
      w: CODE * PX,
      h: CODE * PX,
      points,
      fill: { color: '000000' },
      line: { type: 'none' },
    });
    slide.addText(code.caption, {
      x,
      y: y + (PAD + CODE + 4) * PX,
      w: CARD_W * PX,
      h: (CAPTION * 1.2 + 6) * PX,
      fontFace: FONT,
      fontSize: CAPTION * PX * 72,
      color: '1F2933',
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
  });
}
