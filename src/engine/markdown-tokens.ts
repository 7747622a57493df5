import type { Marp } from '@marp-team/marp-core';
import { createMarp } from './marp-engine.js';
import { MARP_OPTIONS } from './marp-options.js';

// The markdown-it token stream of the marp-core engine that renders every output: the one
// reading of markdown that loading, validation, composing and the editable PPTX share.

export interface Token {
  type: string;
  tag: string;
  content: string;
  markup: string;
  info: string;
  level: number;
  /** 1 opens a block or span, -1 closes one, 0 neither. */
  nesting: number;
  /** The token's source lines, [first, after last), 0-based; block tokens only. */
  map: [number, number] | null;
  attrs: [string, string][] | null;
  children: Token[] | null;
  meta: {
    marpitImage?: MarpitImage;
    marpitParsedDirectives?: Record<string, unknown>;
    /** Why Marp does not show a comment as a speaker note: a directive, a tool's comment, `fit`. */
    marpitCommentParsed?: string;
  } | null;
  attrGet(name: string): string | null;
}

export interface MarpitImage {
  url: string;
  background?: boolean;
  backgroundSplit?: 'left' | 'right';
  backgroundSplitSize?: string;
  backgroundSize?: string;
  /** A scale written as a percentage (`![bg 40%]`): a background's CSS background-size. */
  size?: string;
  /** The alt text's words; those Marp read as keywords (bg, w:400, right:40%) are `consumed`. */
  options?: { leading: string; content: string; consumed?: boolean }[];
  width?: string;
  height?: string;
}

/** The heading levels a slide starts at (deck.md `headingDivider`), as Marpit normalizes them. */
export type HeadingDivider = readonly number[];

const engines = new Map<string, Marp>();

/**
 * The engine's markdown-it, created (and marp-core loaded) on first use; one engine for each
 * `headingDivider`, which Marpit reads from its options when it splits slides.
 */
export function markdownIt(headingDivider: HeadingDivider = []): Marp['markdown'] {
  const key = headingDivider.join(',');
  let engine = engines.get(key);
  if (!engine) {
    const levels = [...headingDivider] as (1 | 2 | 3 | 4 | 5 | 6)[];
    engine = createMarp({ ...MARP_OPTIONS, headingDivider: levels.length ? levels : false });
    engines.set(key, engine);
  }
  return engine.markdown;
}

/** How many readings are kept: a deck's slides several times over, a bounded few MB. */
const KEPT_READINGS = 4000;
const readings = new Map<string, readonly Token[]>();

/**
 * The tokens Marp reads from `markdown`. Loading, composing, the PPTX and the diagrams each
 * read the same slides (a build parsed 47 texts 154 times, a third of a second), so a reading
 * is kept and shared: callers only read tokens, never change them. Pure apart from the caches.
 */
export function parseMarkdown(markdown: string, headingDivider: HeadingDivider = []): readonly Token[] {
  const key = `${headingDivider.join(',')}\0${markdown}`;
  let tokens = readings.get(key);
  if (!tokens) {
    tokens = markdownIt(headingDivider).parse(markdown, {}) as unknown as Token[];
    if (readings.size >= KEPT_READINGS) readings.clear();
    readings.set(key, tokens);
  }
  return tokens;
}
