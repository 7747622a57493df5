import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { isInside } from '../core/path-within.js';
import { finding, type FindingCode, type Problem } from '../core/problem.js';
import type { SourceImage } from './split-slides.js';
import { withDeckFont } from '../fonts/svg-font.js';
import { imageDamage } from './image-check.js';

export interface ImageAsset {
  mime: string;
  bytes: Buffer;
}

/** Images whose src is kept as written: already embedded, or fragment-only. */
const KEEP = /^(data:|#)/i;
const REMOTE = /^[a-z][a-z0-9+.-]*:/i;
/** Images above this size are embedded but reported, since they bloat every output. */
export const LARGE_IMAGE_BYTES = 2 * 1024 * 1024;

export function normalizeImageSrc(src: string): string {
  let s = src.replace(/\\/g, '/');
  try {
    s = decodeURI(s);
  } catch {
    // keep as written: a stray % is a legal file name character
  }
  return s.split(/[?#]/)[0] as string;
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
    if (bytes.length > LARGE_IMAGE_BYTES) {
      const mb = (bytes.length / 1024 / 1024).toFixed(1);
      fail(
        img,
        'image-large',
        `image ${img.src} is ${mb} MB`,
        'resize or compress it below 2 MB: it is embedded in every output',
        'warning',
      );
    }
    const asset = { mime, bytes: mime === 'image/svg+xml' ? await withDeckFont(bytes) : bytes };
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
