import { createRequire } from 'node:module';

/**
 * pdf-lib and fontkit, loaded with require(): they are large CommonJS bundles, and an ESM
 * import of CommonJS makes Node scan the whole file for named exports first. require() loads
 * fontkit in about 170 ms instead of 350. pdf-lib's own single-file build (the same code as its
 * `main`, which is some 300 files) loads in about 65 ms instead of 140.
 */
const require = createRequire(import.meta.url);

export const { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, rgb } =
  require('pdf-lib/dist/pdf-lib.js') as typeof import('pdf-lib');

/** fontkit is needed only to draw text with the deck's font (the handout), so it loads on first use. */
export function loadFontkit(): Parameters<import('pdf-lib').PDFDocument['registerFontkit']>[0] {
  return require('@pdf-lib/fontkit') as ReturnType<typeof loadFontkit>;
}
