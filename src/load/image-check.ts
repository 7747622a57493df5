import { svgDanger } from './svg-check.js';

/**
 * Whether an image's bytes hold a whole picture: a truncated PNG or a JPEG whose header is fine
 * but whose data is not would print as a blank or half picture, or stop a renderer. SVGs are
 * pictures with code in them, read by an XML parser (svg-check.ts): scripts, event handlers and
 * references outside the drawing are refused, since an SVG is embedded as it is.
 */
export function imageDamage(bytes: Buffer, mime: string): string | undefined {
  if (mime === 'image/png') return pngDamage(bytes);
  if (mime === 'image/jpeg') return jpegDamage(bytes);
  if (mime === 'image/svg+xml') return svgDanger(bytes.toString('utf8'));
  return undefined;
}

function pngDamage(b: Buffer): string | undefined {
  let at = 8;
  let sawData = false;
  while (at + 8 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return 'is damaged (a PNG chunk is not readable)';
    if (at + 12 + length > b.length) return 'is truncated (it ends inside a PNG chunk)';
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? undefined : 'holds no picture data';
    at += 12 + length;
  }
  return 'is truncated (the PNG has no end chunk)';
}

function jpegDamage(b: Buffer): string | undefined {
  let at = 2;
  let sawFrame = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return 'is damaged (a JPEG segment is not readable)';
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) return 'is truncated (it ends inside a JPEG segment)';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      sawFrame = true;
    if (marker === 0xda) {
      if (!sawFrame) return 'is damaged (the JPEG has no frame header)';
      // The picture data runs to the end-of-image marker (cameras may append data after it).
      return b.indexOf(Buffer.from([0xff, 0xd9]), at) < 0
        ? 'is truncated (the JPEG has no end marker)'
        : undefined;
    }
    at += 2 + length;
  }
  return 'is truncated (the JPEG ends before its picture data)';
}
