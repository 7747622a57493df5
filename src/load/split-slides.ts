import { markdownIt, parseMarkdown, type HeadingDivider, type Token } from '../engine/markdown-tokens.js';
import { LIMITS } from './limits.js';
import { error, type Problem } from '../core/problem.js';
import { commentsIn, plainSlide, toSlide } from './slide-content.js';
import type { ReadSlides, SourceSlide, Unclosed } from './source-slide.js';

// A chapter body split into slides as Marp splits it: from the token stream of the marp-core
// engine that renders the deck (slides, comments, directives, headings, images), with each
// slide's first line so every message can point at `file:line`. Pure apart from a cached engine.

export type { SourceImage } from './slide-images.js';

export type { ReadSlides, SourceSlide, Unclosed } from './source-slide.js';

/** A paragraph after the body, as the next slide of the composed deck follows it. */
const NEXT_SLIDE = 'lectern-next-slide';

const UNCLOSED: Record<string, string> = {
  marpit_comment: 'an HTML comment (<!--)',
  fence: 'a code fence',
  marp_math_block: 'a math block ($$)',
  math_block: 'a math block ($$)',
  html_block: 'an HTML block',
};

export function splitSlides(body: string, firstLine: number, headingDivider?: HeadingDivider): SourceSlide[] {
  return readSlides(body, firstLine, headingDivider).slides;
}

/**
 * The body's slides, and whatever in it would swallow the slides that follow it in the deck.
 * The body is parsed after a blank line (so a leading `---` is a separator, not front matter)
 * and before a separator and one more slide, as the composed deck has them. With deck.md's
 * `headingDivider`, a slide also starts at each heading of those levels, as Marp starts it.
 */
export function readSlides(body: string, firstLine: number, headingDivider: HeadingDivider = []): ReadSlides {
  const lines = body.split('\n');
  const groups: { start: number; tokens: Token[] }[] = [];
  let inSlide = false;
  // Marp's slide splitting takes time with the square of the slides: a chapter past the deck's
  // limit is split where Marp splits it, from its block tokens alone, and the limit refuses it.
  const rulers = separatorLines(body);
  if (rulers && rulers.length >= LIMITS.slides) {
    const starts = [0, ...rulers.map((r) => r + 1)];
    const parts = starts.map((at, i) =>
      plainSlide(lines.slice(at, rulers[i] ?? lines.length), at, firstLine),
    );
    return { slides: parts.filter((p) => p.markdown !== '') };
  }
  const tokens = parseOrNull(`\n${body}\n\n---\n\n${NEXT_SLIDE}\n`, headingDivider);
  // Too many blocks for Marp's stack: the body is one slide, which the size limit refuses.
  if (!tokens) return { slides: [plainSlide(lines, 0, firstLine)] };
  tokens.forEach((t, i) => {
    // Each slide after the first opens with the map of the `---` that starts it (1 line down
    // here), or of the heading it starts at (headingDivider): the heading is the slide's own.
    const atHeading = t.type === 'marpit_slide_open' && firstOwnToken(tokens, i + 1)?.map?.[0] === t.map?.[0];
    if (t.type === 'marpit_slide_open')
      groups.push({ start: groups.length ? t.map![atHeading ? 0 : 1] - 1 : 0, tokens: [] });
    if (t.type === 'marpit_slide_open' || t.type === 'marpit_slide_close') inSlide = !inSlide;
    else if (inSlide) groups.at(-1)!.tokens.push(t);
  });
  const deep = tooDeep(groups, lines, firstLine);
  if (deep) return deep;
  const next = groups.at(-1)!;
  const closed =
    groups.length > 1 && next.tokens.some((t) => t.type === 'inline' && t.content === NEXT_SLIDE);
  const own = closed ? groups.slice(0, -1) : groups;
  const slides = own
    .map((g, i) => {
      const end = Math.min(own[i + 1] ? own[i + 1]!.start - 1 : lines.length, lines.length);
      return toSlide(lines.slice(g.start, end), g.start, g.tokens, firstLine);
    })
    .filter((s, i, all) => s.markdown !== '' || (i > 0 && i < all.length - 1));
  const runOn = own.flatMap((g) => commentsOf(g.tokens)).find(({ c }) => c.content.includes('<!--'));
  if (closed) {
    if (!runOn) return { slides };
    const line = firstLine + runOn.line - 1;
    return { slides, unclosed: { what: UNCLOSED.marpit_comment!, line, until: 'next' } };
  }
  const culprit =
    next.tokens.find((t) => t.map && t.map[1] > lines.length + 1) ?? next.tokens.find((t) => t.map);
  const line = firstLine + Math.max((culprit?.map?.[0] ?? 1) - 1, 0);
  return { slides, unclosed: { what: UNCLOSED[culprit?.type ?? ''] ?? 'a block', line, until: 'end' } };
}

/** The slide's first token after the header and footer Marp puts at its start. */
function firstOwnToken(tokens: readonly Token[], from: number): Token | undefined {
  let depth = 0;
  for (const t of tokens.slice(from, from + 24)) {
    if (/^marpit_(header|footer)_open$/.test(t.type)) depth++;
    else if (/^marpit_(header|footer)_close$/.test(t.type)) depth--;
    else if (depth === 0) return t.type === 'heading_open' ? t : undefined;
  }
  return undefined;
}

/**
 * markdown-it stops reading blocks at its nesting limit (lists and quotes 100 deep) and takes the
 * rest of the text as read: no separator, comment or notes after it exist for Marp. That is an
 * error at the line where the limit is reached; the slides before it stand, and the rest is one
 * slide Marp could not read, so no warning is made about its notes or heading.
 */
function tooDeep(
  groups: { start: number; tokens: Token[] }[],
  lines: string[],
  firstLine: number,
): ReadSlides | undefined {
  const limit = (markdownIt().options as { maxNesting: number }).maxNesting;
  const at = groups.findIndex((g) => g.tokens.some((t) => t.nesting === 1 && t.level >= limit - 1));
  if (at === -1) return undefined;
  const token = groups[at]!.tokens.find((t) => t.nesting === 1 && t.level >= limit - 1)!;
  const before = groups.slice(0, at).map((g, i) => {
    const end = Math.min(groups[i + 1]!.start - 1, lines.length);
    return toSlide(lines.slice(g.start, end), g.start, g.tokens, firstLine);
  });
  const rest = {
    ...plainSlide(lines.slice(groups[at]!.start), groups[at]!.start, firstLine),
    unread: true as const,
  };
  const line = firstLine + Math.max((token.map?.[0] ?? 1) - 1, 0);
  return {
    slides: [...before, rest],
    unclosed: { what: `lists or quotes nested ${limit} deep`, line, until: 'nesting' },
  };
}

/** The body lines of the `---` (or `***`, `___`) Marp starts a slide at: block rules alone. */
function separatorLines(body: string): number[] | null {
  const md = markdownIt();
  const tokens: Token[] = [];
  try {
    md.block.parse(`\n${body}`, md, {}, tokens as never);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
  return tokens.filter((t) => t.type === 'hr' && t.level === 0).map((t) => t.map![0] - 1);
}

function parseOrNull(markdown: string, headingDivider: HeadingDivider): readonly Token[] | null {
  try {
    return parseMarkdown(markdown, headingDivider);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** Every comment among a slide's tokens, with its line (in the parsed text: one down from the body's). */
function commentsOf(tokens: readonly Token[]): { c: Token; line: number }[] {
  let line = 0;
  return tokens.flatMap((t) => {
    line = t.map ? t.map[0] : line;
    return t.type === 'marpit_comment' ? [{ c: t, line }] : commentsIn(t, line);
  });
}

/** Marp would read the rest of the deck (the generated slides after it included), or the next comment, into this block. */
export function unclosedProblem({ what, line, until }: Unclosed, file: string): Problem {
  if (until === 'nesting')
    return error(
      'slide-too-large',
      { file, line },
      `${what} reach the nesting limit here: Marp stops reading the deck at this depth`,
      'nest lists and quotes a few levels deep, not a hundred',
    );
  return error(
    'unclosed-block',
    { file, line },
    until === 'end'
      ? `${what} opened here is not closed before the file ends: Marp would read the rest of the deck into it`
      : `${what} opened here is not closed before the next one opens: Marp reads all up to that one's --> as one comment`,
    until === 'end'
      ? 'close it before the file ends (--> for a comment, the same ``` or ~~~ for a fence, $$ for math)'
      : 'end each comment with --> before the next <!--: comments do not nest',
  );
}
