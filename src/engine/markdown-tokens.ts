import type { Marp } from '@marp-team/marp-core';
import { createMarp } from './marp-engine.js';

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
  width?: string;
  height?: string;
}

let engine: Marp | undefined;

/** The engine's markdown-it, created (and marp-core loaded) on first use. */
export function markdownIt(): Marp['markdown'] {
  engine ??= createMarp();
  return engine.markdown;
}

/** The tokens Marp reads from `markdown`. Pure apart from a cached engine. */
export function parseMarkdown(markdown: string): Token[] {
  return markdownIt().parse(markdown, {}) as unknown as Token[];
}
