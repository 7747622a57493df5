import { createRequire } from 'node:module';
import { markdownIt, type Token } from '../engine/markdown-tokens.js';

/** An image a slide shows, as Marp reads it. */
export interface SourceImage {
  /** The link as written, markdown escapes resolved (`assets/流程.png`, not Marp's `%E6%B5%81…`). */
  src: string;
  line: number;
  /** The exact source text of the link where it differs from `src` (`<my pic.png>`), to replace it. */
  written?: string;
  /**
   * A markdown picture's alt text as Marp shows it, its size and filter keywords removed
   * (`![w:400 图表](…)` → 图表); `<img>` has none here. Backgrounds are decoration, not pictures.
   */
  alt?: string;
  background?: true;
}

/**
 * The images of one inline token: markdown images (backgrounds included) and `<img src>` in
 * inline HTML, with the line each is on. `line` is the token's first line; a line break inside
 * the paragraph moves to the next.
 */
export function inlineImages(inline: Token, line: number, text: string, textLine: number): SourceImage[] {
  const found: SourceImage[] = [];
  let at = line;
  // Where the last image's link ended: two spellings of one link on a line are two images.
  let after = 0;
  for (const c of inline.children ?? []) {
    if (c.type === 'image') {
      const from = Math.max(after, offsetOfLine(text, at - textLine));
      const { image, end } = markdownImage(c.attrGet('src') ?? '', at, text, textLine, from);
      const alt = (c.children ?? [])
        .map((k) => k.content)
        .join('')
        .trim();
      found.push({
        ...image,
        alt,
        ...(c.meta?.marpitImage?.background ? { background: true as const } : {}),
      });
      after = end;
    } else if (c.type === 'html_inline') found.push(...htmlImages(c.content, at));
    if (c.type === 'softbreak' || c.type === 'hardbreak') at++;
    else at += newlines(c.markup || c.content);
  }
  return found;
}

const require = createRequire(import.meta.url);

/** `<img src>` in a piece of HTML, read by the HTML parser of Marp's own sanitizer (xss). */
export function htmlImages(html: string, line: number): SourceImage[] {
  // A CommonJS module whose names Node cannot import by name.
  const { escapeHtml, parseAttr, parseTag } = require('xss') as typeof import('xss');
  const found: SourceImage[] = [];
  parseTag(
    html,
    (position: number, _pos: number, tag: string, tagHtml: string, isClosing: boolean) => {
      if (tag.toLowerCase() === 'img' && !isClosing) {
        parseAttr(tagHtml.slice(tag.length + 1, -1), (name: string, value: string) => {
          if (name.toLowerCase() !== 'src') return '';
          // The line that spells the value: a tag may break lines between its attributes.
          const inTag = tagHtml.slice(0, Math.max(tagHtml.indexOf(value), 0));
          found.push({ src: value, line: line + newlines(html.slice(0, position) + inTag) });
          return '';
        });
      }
      return tagHtml;
    },
    escapeHtml,
  );
  return found;
}

/**
 * A markdown image: markdown-it gives its link normalized (percent-encoded), so the spelling in
 * the source is found again with markdown-it's own link parser, after `](` or, for a reference
 * image, after its definition's `]:`, from `from` on (else anywhere). Its line is the one that
 * spells the link.
 */
function markdownImage(src: string, line: number, text: string, textLine: number, from: number) {
  const md = markdownIt();
  for (const start of [from, 0]) {
    for (let open = nextLink(text, start); open >= 0; open = nextLink(text, open + 1)) {
      let pos = open + 2;
      while (pos < text.length && ' \t\n'.includes(text[pos] as string)) pos++;
      const dest = md.helpers.parseLinkDestination(text, pos, text.length);
      if (!dest.ok || md.normalizeLink(dest.str) !== src) continue;
      const written = text.slice(open + 2, dest.pos);
      const at = text[open + 1] === ':' ? textLine + newlines(text.slice(0, pos)) : line;
      const image = { src: dest.str, line: at, ...(written !== dest.str ? { written } : {}) };
      return { image, end: dest.pos };
    }
  }
  return { image: { src, line }, end: from };
}

/** The next `](` or `]:` in `text` from `from`, or -1. */
function nextLink(text: string, from: number): number {
  const a = text.indexOf('](', from);
  const b = text.indexOf(']:', from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Where line `n` (0-based) of `text` starts. */
function offsetOfLine(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n && at >= 0; i++) at = text.indexOf('\n', at) + 1 || -1;
  return Math.max(at, 0);
}

const newlines = (s: string) => s.split('\n').length - 1;
