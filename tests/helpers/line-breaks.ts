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

interface Line {
  text: string;
  left: number;
  top: number;
  height: number;
}

/**
 * Every line of every page, per paragraph: `[page, lines of the paragraph]`. A paragraph is a
 * block of poppler's, joined with the blocks that continue it: poppler reads the columns of a
 * row of cards line by line across the row, so a card's last line ("排。") comes out as a block
 * of its own; a block whose first line starts where the last line of a block above starts, at
 * the same size, one line pitch below, is that paragraph's next line.
 */
export function pdfBlocks(pdf: string): { page: number; lines: string[] }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  // poppler's XHTML, read as XML (its doctype is XHTML's).
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xhtml, 'text/xml');
  return [...doc.getElementsByTagName('page')].flatMap((page, i) =>
    joinContinued([...page.getElementsByTagName('block')].map(blockLines)).map((lines) => ({
      page: i + 1,
      lines: lines.map((l) => l.text),
    })),
  );
}

/** A block's printed lines: poppler splits a line where a wide gap follows a glyph (after ” or ）), so lines on one baseline are one. */
function blockLines(block: Element): Line[] {
  const lines: Line[] = [];
  for (const line of [...block.getElementsByTagName('line')]) {
    const text = [...line.getElementsByTagName('word')].map((w) => w.textContent ?? '').join('');
    const top = Number(line.getAttribute('yMin'));
    const height = Number(line.getAttribute('yMax')) - top;
    const left = Number(line.getAttribute('xMin'));
    const last = lines.at(-1);
    if (last && Math.abs(last.top - top) < Math.min(last.height, height) / 2) last.text += text;
    else lines.push({ text, left, top, height });
  }
  return lines;
}

/** The blocks of a page with each block that continues another appended to it. */
function joinContinued(blocks: Line[][]): Line[][] {
  const open = blocks.filter((b) => b.length > 0);
  const joined: Line[][] = [];
  for (const block of [...open].sort((a, b) => a[0]!.top - b[0]!.top)) {
    const first = block[0]!;
    const above = joined.find((p) => continues(p.at(-1)!, first));
    if (above) above.push(...block);
    else joined.push(block);
  }
  return joined;
}

function continues(last: Line, next: Line): boolean {
  const pitch = next.top - last.top;
  return (
    Math.abs(last.left - next.left) < 1.5 &&
    Math.abs(last.height - next.height) < 0.05 * last.height &&
    pitch > 0.8 * last.height &&
    pitch < 1.6 * last.height
  );
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
