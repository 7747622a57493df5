/**
 * A base64 data: URI as pptxgenjs takes a picture (`image/png;base64,…`, without `data:`);
 * undefined for anything else (a picture lectern did not embed is never fetched).
 */
export function pptxImageData(uri: string): string | undefined {
  const comma = uri.indexOf(',');
  return comma > 0 && uri.startsWith('data:') && uri.slice(0, comma).endsWith(';base64')
    ? uri.slice(5)
    : undefined;
}

/** Natural size in CSS pixels of an embedded picture (PNG, JPEG, GIF, WebP, SVG), read from its header. */
export function imageSize(dataUri: string): { width: number; height: number } | undefined {
  const m = /^data:([^;]+);base64,(.*)$/s.exec(dataUri);
  if (!m) return undefined;
  const mime = m[1] as string;
  const b = Buffer.from(m[2] as string, 'base64');
  if (mime === 'image/png' && b.length >= 24)
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (mime === 'image/gif' && b.length >= 10) return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (mime === 'image/jpeg') return jpegSize(b);
  if (mime === 'image/webp') return webpSize(b);
  if (mime === 'image/svg+xml') return svgSize(b.toString('utf8'));
  return undefined;
}

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    // Start-of-frame markers (baseline, progressive, …) carry the size; DHT, JPG and DAC do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  return undefined;
}

function webpSize(b: Buffer): { width: number; height: number } | undefined {
  const kind = b.toString('ascii', 12, 16);
  if (kind === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (kind === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (kind === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}

function svgSize(svg: string): { width: number; height: number } | undefined {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const attr = (name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']\\s*([\\d.]+)(px)?\\s*["']`, 'i').exec(tag)?.[1];
  const w = Number(attr('width'));
  const h = Number(attr('height'));
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(tag);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined;
}

/**
 * The w and h pptxgenjs needs to crop a picture to cover a box: the picture's proportions at
 * the box's width (pptxgenjs takes them as the picture's own size), or the box when unknown.
 */
export function coverSize(natural: { width: number; height: number } | undefined, w: number, h: number) {
  return natural ? { w, h: (w * natural.height) / natural.width } : { w, h };
}
