import { markdownIt, parseMarkdown, type Token } from '../engine/markdown-tokens.js';
import type { SourceSlide } from '../load/split-slides.js';

// Where a Marp file's slides are cut into chapters, and what each chapter is called.

/** `h1`: a chapter at every slide that opens with `# `; `h2`: with `# ` or `## `; a number: every N slides. */
export type Split = 'h1' | 'h2' | number;

export interface ChapterCut {
  title: string;
  slug: string;
  /** The chapter's slides, in order. */
  slides: SourceSlide[];
  /** Body lines [from, to) of the source (0-based) the chapter file holds, as written. */
  from: number;
  to: number;
}

/**
 * Cuts the slides into chapters. A chapter holds the source text from its first slide up to the
 * next chapter's first slide, as written (separators, comments and blank lines kept), so the
 * chapter reads as the same slides in Marp and in lectern; the `---` that ended it goes.
 * Slides before the first chapter heading belong to the first chapter. No heading of the level
 * asked for: `h1` falls back to `h2`, then to one chapter.
 */
export function cutChapters(
  body: string,
  bodyLine: number,
  slides: SourceSlide[],
  split: Split,
): ChapterCut[] {
  const levels = slides.map((s) => firstHeadingLevel(s.markdown));
  const startsAt = (level: number) =>
    slides.flatMap((_, i) => (levels[i]! > 0 && levels[i]! <= level ? [i] : []));
  let starts: number[];
  if (typeof split === 'number') starts = slides.flatMap((_, i) => (i % split === 0 ? [i] : []));
  else {
    starts = startsAt(split === 'h1' ? 1 : 2);
    if (!starts.length && split === 'h1') starts = startsAt(2);
  }
  if (!starts.includes(0)) starts = [0, ...starts.filter((i) => i !== 0)];
  const lines = body.split('\n');
  const rulers = separatorLines(body);
  const startLine = (i: number) => (i === 0 ? 0 : slides[i]!.line - bodyLine);
  return starts
    .map((first, k) => {
      const next = starts[k + 1];
      const from = startLine(first);
      let to = next === undefined ? lines.length : startLine(next);
      // The separator before the next chapter's first slide (and the blank lines around it).
      while (to > from && lines[to - 1]!.trim() === '') to--;
      if (next !== undefined && rulers.has(to - 1)) to--;
      while (to > from && lines[to - 1]!.trim() === '') to--;
      const own = slides.slice(first, next);
      const title = own.flatMap((s) => s.headings)[0] ?? '';
      return { title: plainHeading(title), slug: '', slides: own, from, to };
    })
    .map((c, i) => ({ ...c, slug: slugOf(c.title, i + 1) }));
}

/** The level of a slide's first heading (1 for `# `), 0 when it has none. */
function firstHeadingLevel(markdown: string): number {
  const open = parseMarkdown(markdown).find((t) => t.type === 'heading_open');
  return open ? Number(open.tag.slice(1)) : 0;
}

/** A heading's text without its markdown (`**Bold** title` is "Bold title"). */
export function plainHeading(markdown: string): string {
  const inline = markdownIt().parseInline(markdown, {})[0] as { children?: Token[] | null } | undefined;
  const text = (inline?.children ?? [])
    .map((c: Token) =>
      c.type === 'text' || c.type === 'code_inline' || c.type === 'marp_emoji' ? c.content : '',
    )
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}

/** A short ASCII file name from a heading, or `chapter-N` when the heading has no ASCII words. */
export function slugOf(title: string, n: number): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const slug = words.slice(0, 5).join('-').slice(0, 40).replace(/-+$/, '');
  return slug || `chapter-${n}`;
}

/** Body lines (0-based) of the `---` rulers Marp starts slides at: markdown-it's block rules alone. */
function separatorLines(body: string): Set<number> {
  const md = markdownIt();
  const tokens: { type: string; level: number; map: [number, number] | null }[] = [];
  // After a blank line, so a leading `---` is a separator, not front matter (one line down).
  md.block.parse(`\n${body}`, md, {}, tokens as never);
  return new Set(tokens.filter((t) => t.type === 'hr' && t.level === 0).map((t) => t.map![0] - 1));
}
