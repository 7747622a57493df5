import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown, type Token } from '../../src/engine/markdown-tokens.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { pdfInfo, pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The course is the trainer's own text: every content slide of their source document (a copy of
// ../shared/seed/outline.md, kept with the tests so a clean checkout has it) is in the course,
// with its title and every point, however the layouts present it. Read from the printed slides.

interface SourceSlide {
  chapter: string;
  title: string;
  points: string[];
}

/** The source's `### title` slides of its numbered chapters, each with its `- point: text` names. */
function sourceSlides(markdown: string): SourceSlide[] {
  const tokens = parseMarkdown(markdown);
  const slides: SourceSlide[] = [];
  let chapter: string | undefined;
  tokens.forEach((token, i) => {
    const text = tokens[i + 1]?.content ?? '';
    if (token.type === 'heading_open' && token.tag === 'h2') chapter = /^\d\d(?= )/.exec(text)?.[0];
    else if (token.type === 'heading_open' && token.tag === 'h3' && chapter)
      // "情感共鸣建立信任 (the extracted title is cut off …)": the editor's remark is not the title.
      slides.push({ chapter, title: text.replace(/\s*\(.*\)$/, ''), points: [] });
    else if (token.type === 'inline' && inListItem(tokens, i) && slides.length > 0 && chapter)
      slides.at(-1)!.points.push(pointName(token.content));
  });
  return slides;
}

/**
 * "催收定义: 指通过…" is named 催收定义; a point without a name is its whole sentence, in the
 * full-width punctuation a slide prints (the cleaned source has ASCII commas).
 */
function pointName(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0) return text.slice(0, colon);
  return text.replace(/,/g, '，').replace(/;/g, '；').replace(/。$/, '');
}

const inListItem = (tokens: readonly Token[], i: number): boolean =>
  tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open';

/** A page's text without the line breaks and spaces the PDF puts inside a card's wrapped words. */
const squeezed = (text: string): string => text.replace(/\s+/g, '');

describe('the course keeps the source document', () => {
  const source = sourceSlides(readFileSync(join(FIXTURES, 'source', 'outline.md'), 'utf8'));
  let pages: string[] = [];

  beforeAll(() => {
    const out = tempDir('lectern-course-');
    const run = lectern(['build', join(ROOT, 'slides'), '--format', 'pdf', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const pdf = join(out, 'slides.pdf');
    const count = Number(pdfInfo(pdf).Pages);
    pages = Array.from({ length: count }, (_, i) => squeezed(pdfText(pdf, i + 1)));
  });

  it('reads 15 content slides of five chapters from the source', () => {
    expect(source).toHaveLength(15);
    expect(new Set(source.map((s) => s.chapter))).toEqual(new Set(['01', '02', '03', '04', '05']));
    expect(source.every((s) => s.points.length >= 2)).toBe(true);
  });

  it('shows every source slide under its own title, with every point on that slide', () => {
    const missing = source.flatMap(({ chapter, title, points }) => {
      const page = pages.find((p) => p.startsWith(`${chapter}·`) && p.includes(squeezed(title)));
      if (!page) return [`${chapter} ${title}: no slide`];
      return points.filter((point) => !page.includes(squeezed(point))).map((p) => `${title}: ${p}`);
    });
    expect(missing).toEqual([]);
  });
});
