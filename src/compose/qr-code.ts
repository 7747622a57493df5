import { createRequire } from 'node:module';
import type * as QRCodeModule from 'qrcode';

const require = createRequire(import.meta.url);
/** qrcode, loaded for the first code (33 ms): most decks have none. */
let qrcode: typeof QRCodeModule | undefined;
const create: typeof QRCodeModule.create = (text, options) =>
  (qrcode ??= require('qrcode') as typeof QRCodeModule).create(text, options);

/** A QR code as vector data: its size in modules and one path of its dark modules. */
export interface QrCode {
  /** Modules per side, the quiet zone included. */
  size: number;
  /** SVG path data, one unit per module, origin top left. */
  path: string;
}

/** Modules of white border every reader needs around the code. */
const QUIET_ZONE = 4;

/**
 * Encodes a web address offline with the `qrcode` package (no network, no picture service).
 * Level M survives a little print smudge and keeps the code small. Dark modules next to each
 * other in a row become one rectangle, so the path stays short.
 */
export function qrCode(text: string): QrCode {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n;) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`);
      x += run;
    }
  }
  return { size: n + 2 * QUIET_ZONE, path: parts.join('') };
}

/** A stand-alone SVG image of the code: black on a white square, for a slide's <img>. */
export function qrSvg(text: string): string {
  const { size, path } = qrCode(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
