import { execFileSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { filesUnder } from './xml-parts.js';

// Chinese line-breaking rules, checked on what a PDF prints (issue 25 §2): no line starts with
// closing punctuation (nor with its half-width form after a line that ends in Chinese), no
// line ends with opening punctuation, and no paragraph's last line holds one Chinese
// character alone ("心。": the browser's line boxes, as the PDF prints them). Lines as poppler reads them (`pdftotext
// -bbox-layout`): each block's lines, in reading order.

const CLOSING = '，。、；：！？）》」』】”’〉〕';
const HALF_CLOSING = ',.;:!?)';
const OPENING = '（《「『【“‘〈〔';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]$/;

/** Every line of every page, per block: `[page, lines of the block]`. */
export function pdfBlocks(pdf: string): { page: number; lines: string[] }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // poppler's XHTML, read as XML (its doctype is XHTML's).
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xhtml, 'text/xml');
  const blocks: { page: number; lines: string[] }[] = [];
  [...doc.getElementsByTagName('page')].forEach((page, i) => {
    for (const block of [...page.getElementsByTagName('block')]) {
      // poppler splits a printed line where a wide gap follows a glyph (after ” or ）): lines
      // of a block on the same baseline are one printed line.
      const lines: { text: string; top: number; height: number }[] = [];
      for (const line of [...block.getElementsByTagName('line')]) {
        const text = [...line.getElementsByTagName('word')].map((w) => w.textContent ?? '').join('');
        const top = Number(line.getAttribute('yMin'));
        const height = Number(line.getAttribute('yMax')) - top;
        const last = lines.at(-1);
        if (last && Math.abs(last.top - top) < Math.min(last.height, height) / 2) last.text += text;
        else lines.push({ text, top, height });
      }
      blocks.push({ page: i + 1, lines: lines.map((l) => l.text) });
    }
  });
  return blocks;
}

/** Each line that breaks the rules, as `file p.N: "line"`; none for a PDF that keeps them. */
export function lineBreakFaults(pdf: string): string[] {
  const faults: string[] = [];
  for (const { page, lines } of pdfBlocks(pdf))
    lines.forEach((line, i) => {
      const first = line[0] ?? '';
      const previous = i > 0 ? lines[i - 1]! : '';
      const starts =
        CLOSING.includes(first) || (HALF_CLOSING.includes(first) && CJK.test(previous))
          ? 'starts with closing punctuation'
          : undefined;
      const ends =
        i < lines.length - 1 && OPENING.includes(line.at(-1) ?? '')
          ? 'ends with opening punctuation'
          : undefined;
      const alone =
        i > 0 && i === lines.length - 1 && lone(line, previous) ? 'is a lone last character' : undefined;
      for (const why of [starts, ends, alone]) if (why) faults.push(`${pdf} p.${page}: "${line}" ${why}`);
    });
  return faults;
}

/**
 * A block's last line that is one Chinese character and its punctuation, under a line of text
 * (a diagram's labels are short blocks of their own: a one-character label is no orphan).
 */
function lone(line: string, previous: string): boolean {
  const rest = [...line].filter((c) => !CLOSING.includes(c) && !HALF_CLOSING.includes(c) && c.trim());
  return rest.length === 1 && CJK.test(rest[0]!) && [...previous].length >= 8;
}

/** Every PDF below a folder (links are not followed; only files that are PDFs). */
export function pdfFilesUnder(dir: string): string[] {
  return filesUnder(dir, '.pdf', '%PDF-');
}
