import { createRequire } from 'node:module';

/**
 * pdf-lib, loaded with require(): it is a large CommonJS bundle, and an ESM import of CommonJS
 * makes Node scan the whole file for named exports first. Its own single-file build (the same
 * code as its `main`, which is some 300 files) loads in about 65 ms instead of 140.
 */
const require = createRequire(import.meta.url);

export const {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
} = require('pdf-lib/dist/pdf-lib.js') as typeof import('pdf-lib');
