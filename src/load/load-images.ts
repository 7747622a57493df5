import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInside } from '../core/path-within.js';
import { finding, type FindingCode, type Problem } from '../core/problem.js';
import type { SourceImage } from './split-slides.js';
import { withDeckFont } from '../fonts/svg-font.js';
import { imageDamage } from './image-check.js';
import { LIMITS } from './limits.js';
import type { PictureBook } from './picture-book.js';
import { megapixels } from './picture-fit.js';

export interface ImageAsset {
  mime: string;
  bytes: Buffer;
  /** The first link to it, for messages about the picture itself (a raster picture's fitting). */
  firstUse?: { file: string; line: number; src: string };
  /** True once a raster picture holds what the outputs embed (fitPictures). */
  fitted?: boolean;
}

/** Images whose src is kept as written: already embedded, or fragment-only. */
const KEEP = /^(data:|#)/i;
const REMOTE = /^[a-z][a-z0-9+.-]*:/i;
/** Images above this size (after fitting) are embedded but reported, since they bloat every output. */
export const LARGE_IMAGE_BYTES = 2 * 1024 * 1024;
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * The file a relative image link names, read as a browser reads a URL: the query (`?…`) and the
 * fragment (`#…`) end the path, then each percent-escape is decoded, so `assets/h%23sh.png` is
 * the file `h#sh.png`. A segment that does not decode (a stray `%`) or would decode to a
 * separator (`%2F`, which browsers do not read as one either) is kept as written.
 */
export function normalizeImageSrc(src: string): string {
  const path = src.replace(/\\/g, '/').split(/[?#]/)[0] as string;
  return path.split('/').map(decodeSegment).join('/');
}

function decodeSegment(segment: string): string {
  try {
    const decoded = decodeURIComponent(segment);
    return /[/\\]/.test(decoded) ? segment : decoded;
  } catch {
    return segment;
  }
}

/**
 * Reads every image a chapter references, refusing anything outside the deck folder
 * (after resolving symlinks) so that a link like ../../etc/passwd never reaches an output.
 */
export async function loadImages(
  deckDir: string,
  images: readonly SourceImage[],
  shownAs: string,
  assets: Map<string, ImageAsset>,
  pictures: PictureBook,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const realDeck = await realpath(deckDir);
  const fail = (
    img: SourceImage,
    code: FindingCode,
    message: string,
    hint: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push(finding(severity)(code, { file: shownAs, line: img.line }, message, hint));
  for (const img of images) {
    if (KEEP.test(img.src)) continue;
    if (REMOTE.test(img.src)) {
      fail(
        img,
        'image-remote',
        `image ${img.src} is on the network`,
        "download it into the deck's assets/ folder: outputs must open without a network",
      );
      continue;
    }
    const wanted = normalizeImageSrc(img.src);
    const abs = resolve(deckDir, wanted);
    if (isAbsolute(wanted) || !isInside(deckDir, abs, { strict: true })) {
      fail(
        img,
        'image-outside',
        `image ${img.src} lies outside the deck folder`,
        "copy the image into the deck's assets/ folder and link it as assets/<name>",
      );
      continue;
    }
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      const sibling = await siblingWithOtherExtension(abs);
      const shownSibling = sibling && join(dirname(img.src), sibling).replace(/^\.\//, '');
      fail(
        img,
        'image-missing',
        shownSibling ? `${img.src} does not exist; ${shownSibling} does` : `image ${img.src} does not exist`,
        shownSibling
          ? `link ${shownSibling}, or convert it to ${extname(img.src) || 'the format you linked'}`
          : `put the file at ${relative(process.cwd(), abs) || abs} or fix the path (paths are relative to the deck folder)`,
      );
      continue;
    }
    if (!isInside(realDeck, real, { strict: true })) {
      fail(
        img,
        'image-outside',
        `image ${img.src} links to a file outside the deck folder`,
        'copy the image itself into assets/ instead of linking to it',
      );
      continue;
    }
    const known = assets.get(real);
    if (known) {
      assets.set(abs, known);
      continue;
    }
    const info = await stat(real);
    if (info.isFile() && info.size > LIMITS.pictureBytes) {
      fail(
        img,
        'image-too-large',
        `image ${img.src} is ${MB(info.size)} MB; lectern takes pictures up to ${MB(LIMITS.pictureBytes)} MB`,
        'export it smaller (at most 3840 × 2160 pixels is all a slide shows) and link that file',
      );
      continue;
    }
    const bytes = info.isFile() ? await readFile(real).catch(() => null) : null;
    if (!bytes) {
      fail(
        img,
        'image-missing',
        `image ${img.src} is not a readable file`,
        'link an image file you may read, not a folder',
      );
      continue;
    }
    const mime = sniffImage(bytes);
    if (!mime) {
      fail(
        img,
        'image-invalid',
        `image ${img.src} is not a PNG, JPEG, GIF, WebP or SVG image`,
        're-export the picture in one of those formats',
      );
      continue;
    }
    const damage = imageDamage(bytes, mime);
    if (damage) {
      fail(
        img,
        'image-damaged',
        `image ${img.src} ${damage}`,
        mime === 'image/svg+xml'
          ? 'export the SVG again as a plain drawing, or as PNG'
          : 're-export or download the picture again: the file is not whole',
      );
      continue;
    }
    if (mime === 'image/svg+xml') {
      if (bytes.length > LARGE_IMAGE_BYTES)
        fail(
          img,
          'image-large',
          `image ${img.src} is ${MB(bytes.length)} MB`,
          'simplify the drawing or export it as PNG below 2 MB: it is embedded in every output',
          'warning',
        );
    } else {
      const verdict = await pictures.verdict(bytes, mime);
      if (!verdict.ok) {
        const damaged = verdict.reason === 'damaged';
        fail(
          img,
          damaged ? 'image-damaged' : 'image-too-large',
          damaged
            ? `image ${img.src} is damaged (${verdict.detail})`
            : `image ${img.src} is ${verdict.detail}; lectern takes pictures up to ${megapixels(LIMITS.picturePixels)} megapixels`,
          damaged
            ? 're-export or download the picture again: the file is not whole'
            : 'export it smaller (at most 3840 × 2160 pixels is all a slide shows) and link that file',
        );
        continue;
      }
    }
    const asset: ImageAsset = {
      mime,
      bytes: mime === 'image/svg+xml' ? await withDeckFont(bytes) : bytes,
      firstUse: { file: shownAs, line: img.line, src: img.src },
    };
    // Keyed by both paths: compose looks images up by the path as written.
    assets.set(real, asset);
    assets.set(abs, asset);
  }
  return problems;
}

export function sniffImage(b: Buffer): string | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  const head = b.subarray(0, 1024).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return null;
}

/** A file beside a missing image with the same name and another extension (flow.svg for flow.png). */
async function siblingWithOtherExtension(abs: string): Promise<string | undefined> {
  const stem = basename(abs, extname(abs));
  const names = await readdir(dirname(abs)).catch(() => [] as string[]);
  return names.find((n) => n !== basename(abs) && basename(n, extname(n)) === stem && extname(n) !== '');
}
