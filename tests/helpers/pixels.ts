import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A greyscale picture: one byte a pixel, row by row. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Every page of a PDF rendered by poppler in grey at `dpi`, in page order. */
export function renderPdfGrey(pdf: string, dpi: number): Grey[] {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-pixels-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, join(dir, 'p')]);
    return readdirSync(dir)
      .sort()
      .map((name) => parsePgm(readFileSync(join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PGM (P5, 8 bit), as pdftoppm -gray writes it. */
function parsePgm(buf: Buffer): Grey {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[at]!))) at++;
    if (buf[at] === 0x23) {
      while (buf[at] !== 0x0a) at++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(buf[at]!))) token += String.fromCharCode(buf[at++]!);
    fields.push(token);
  }
  if (fields[0] !== 'P5' || fields[3] !== '255')
    throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, data: buf.subarray(at + 1, at + 1 + width * height) };
}

export interface PdfWord {
  page: number;
  text: string;
  /** Box in PDF points from the page's top left. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every word a PDF carries as text, with its box, from `pdftotext -bbox`. */
export function pdfWords(pdf: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of xhtml.matchAll(
    /<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[0] === '<page') {
      page++;
      continue;
    }
    const text = m[5]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
    words.push({ page, text, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
  }
  return words;
}

/** Grey levels that differ from the box's own median by more than this count as ink. */
const INK_CONTRAST = 32;

/**
 * Whether a word is painted: its box is cut into one cell per character, and a cell is inked
 * when some pixel in it stands out from the box's background (its median grey). Text that is
 * extractable but drawn with empty glyphs leaves its cells blank.
 */
export function inkedShare(img: Grey, word: PdfWord, dpi: number): number {
  const scale = dpi / 72;
  const x0 = Math.max(0, Math.floor(word.x0 * scale));
  const x1 = Math.min(img.width, Math.ceil(word.x1 * scale));
  const y0 = Math.max(0, Math.floor(word.y0 * scale));
  const y1 = Math.min(img.height, Math.ceil(word.y1 * scale));
  if (x1 <= x0 || y1 <= y0) return 0;
  const values: number[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values.push(img.data[y * img.width + x]!);
  const background = [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const cells = Math.max(1, [...word.text].length);
  let inked = 0;
  for (let c = 0; c < cells; c++) {
    const cx0 = x0 + Math.floor(((x1 - x0) * c) / cells);
    const cx1 = x0 + Math.ceil(((x1 - x0) * (c + 1)) / cells);
    let ink = false;
    for (let y = y0; y < y1 && !ink; y++) {
      for (let x = cx0; x < cx1; x++) {
        if (Math.abs(img.data[y * img.width + x]! - background) > INK_CONTRAST) {
          ink = true;
          break;
        }
      }
    }
    if (ink) inked++;
  }
  return inked / cells;
}
