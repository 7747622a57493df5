import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { LIMITS } from './limits.js';

/**
 * The largest picture a slide needs: a 1920×1080 slide picture (the PNGs, the picture PPTX) at
 * twice its pixels, for screens and projectors with twice the density. A picture is made
 * smaller to fit inside this box, never larger.
 */
export const PICTURE_BOX = { width: 3840, height: 2160 };

/** A picture as the outputs embed it: made to fit the box, or the file itself when it fits already. */
export interface FittedPicture {
  mime: string;
  bytes: Buffer;
  /** Its size as shown (after the camera's orientation is applied). */
  width: number;
  height: number;
  /** True when it was made smaller than the file. */
  shrunk: boolean;
}

/** What decoding a picture found: the picture as the outputs embed it, or why it cannot be used. */
export type PictureFit =
  { ok: true; picture: FittedPicture } | { ok: false; reason: 'damaged' | 'too-many-pixels'; detail: string };

const FORMAT_NAMES: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/**
 * Decodes a raster picture with libvips (sharp) and fits it to PICTURE_BOX. The header is read
 * first, so a picture past LIMITS.picturePixels is refused before any pixel is decoded. Every
 * pixel (every frame of an animation) is then decoded, and any decoder warning (a bad checksum,
 * data that ends early) counts as damage: a browser would show such a picture grey, half or
 * not at all. Photos become JPEG and line art (transparency, a palette, or pictures PNG keeps
 * small) stays PNG; an animation keeps its format.
 */
export async function fitPicture(bytes: Buffer, mime: string): Promise<PictureFit> {
  const sharp = (await import('sharp')).default;
  const format = FORMAT_NAMES[mime] ?? mime;
  const damaged = (err: unknown): PictureFit => ({
    ok: false,
    reason: 'damaged',
    detail: `the ${format} decoder stopped: ${decoderWords(err)}`,
  });
  const read = (extra: SharpOptions = {}): Sharp =>
    sharp(bytes, { failOn: 'warning', limitInputPixels: LIMITS.picturePixels, ...extra });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'warning', limitInputPixels: false }).metadata();
  } catch (err) {
    return damaged(err);
  }
  const frames = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height;
  const pixels = meta.width * frameHeight * frames;
  if (pixels > LIMITS.picturePixels) {
    const size = `${meta.width} × ${frameHeight} pixels${frames > 1 ? ` × ${frames} frames` : ''}`;
    return { ok: false, reason: 'too-many-pixels', detail: `${size} (${megapixels(pixels)} megapixels)` };
  }
  const animated = frames > 1;
  const { width, height } = animated ? { width: meta.width, height: frameHeight } : meta.autoOrient;
  try {
    if (width <= PICTURE_BOX.width && height <= PICTURE_BOX.height) {
      // Statistics visit every pixel without holding the picture in memory.
      await read({ animated }).stats();
      return { ok: true, picture: { mime, bytes, width, height, shrunk: false } };
    }
    const fitted = read({ animated })
      .autoOrient()
      .resize({ ...PICTURE_BOX, fit: 'inside' });
    const out = animated
      ? await fitted.toFormat(mime === 'image/gif' ? 'gif' : 'webp').toBuffer({ resolveWithObject: true })
      : await encodeStill(fitted, meta, mime);
    const outMime = animated ? mime : out.info.format === 'png' ? 'image/png' : 'image/jpeg';
    return {
      ok: true,
      picture: {
        mime: outMime,
        bytes: out.data,
        width: out.info.width,
        height: animated ? (out.info.pageHeight ?? out.info.height) : out.info.height,
        shrunk: true,
      },
    };
  } catch (err) {
    return damaged(err);
  }
}

/**
 * JPEG for photos; PNG for line art: transparency, a palette, or a picture whose PNG is no
 * bigger than twice its JPEG, judged on a 512-pixel copy (encoding the whole picture both ways
 * would double the slowest step). The JPEG uses mozjpeg's quantisation tables (a third smaller
 * than libjpeg's at the same look) without its trellis search, which would triple the time.
 */
async function encodeStill(fitted: Sharp, meta: Metadata, mime: string) {
  const asJpeg = (s: Sharp) => s.jpeg({ quality: 80, progressive: true, quantisationTable: 3 });
  const jpeg = () => asJpeg(fitted).toBuffer({ resolveWithObject: true });
  const png = () => fitted.png().toBuffer({ resolveWithObject: true });
  if (meta.hasAlpha || meta.isPalette) return png();
  if (mime === 'image/jpeg') return jpeg();
  const probe = fitted.clone().resize({ width: 512, height: 512, fit: 'inside' });
  const [j, p] = await Promise.all([asJpeg(probe.clone()).toBuffer(), probe.clone().png().toBuffer()]);
  return p.length <= 2 * j.length ? png() : jpeg();
}

/** The decoder's own words, first line only, without libvips' "Input buffer has…" prefix. */
function decoderWords(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return first.replace(/^Input buffer has corrupt header:\s*/, 'corrupt header ').trim() || 'unreadable data';
}

export const megapixels = (pixels: number) => (pixels / 1e6).toFixed(pixels < 1e7 ? 1 : 0);
