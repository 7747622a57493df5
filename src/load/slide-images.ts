import { escapeHtml, parseAttr, parseTag } from 'xss';
import { markdownIt, type Token } from '../render/markdown-tokens.js';

/** An image a slide shows, as Marp reads it. */
export interface SourceImage {
  /** The link as written, markdown escapes resolved (`assets/流程.png`, not Marp's `%E6%B5%81…`). */
  src: string;
  line: number;
  /** The exact source text of the link where it differs from `src` (`<my pic.png>`), to replace it. */
  written?: string;
}

/**
 * The images of one inline token: markdown images (backgrounds included) and `<img src>` in
 * inline HTML, with the line each is on. `line` is the token's first line; a line break inside
 * the paragraph moves to the next.
 */
export function inlineImages(inline: Token, line: number, text: string, textLine: number): SourceImage[] {
  const found: SourceImage[] = [];
  let at = line;
  for (const c of inline.children ?? []) {
    if (c.type === 'image') found.push(markdownImage(c.attrGet('src') ?? '', at, text, textLine));
    else if (c.type === 'html_inline') found.push(...htmlImages(c.content, at));
    if (c.type === 'softbreak' || c.type === 'hardbreak') at++;
    else at += newlines(c.markup || c.content);
  }
  return found;
}

/** `<img src>` in a piece of HTML, read by the HTML parser of Marp's own sanitizer (xss). */
export function htmlImages(html: string, line: number): SourceImage[] {
  const found: SourceImage[] = [];
  parseTag(
    html,
    (position: number, _pos: number, tag: string, tagHtml: string, isClosing: boolean) => {
      if (tag.toLowerCase() === 'img' && !isClosing) {
        parseAttr(tagHtml.slice(tag.length + 1, -1), (name: string, value: string) => {
          if (name.toLowerCase() === 'src')
            found.push({ src: value, line: line + newlines(html.slice(0, position)) });
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
 * the source is found again with markdown-it's own link parser, from the image's line on.
 */
function markdownImage(src: string, line: number, text: string, textLine: number): SourceImage {
  const md = markdownIt();
  const lineStart = text
    .split('\n')
    .slice(0, Math.max(line - textLine, 0))
    .join('\n').length;
  for (const from of [lineStart, 0]) {
    for (let open = text.indexOf('](', from); open >= 0; open = text.indexOf('](', open + 1)) {
      let pos = open + 2;
      while (pos < text.length && ' \t\n'.includes(text[pos] as string)) pos++;
      const dest = md.helpers.parseLinkDestination(text, pos, text.length);
      if (!dest.ok || md.normalizeLink(dest.str) !== src) continue;
      const written = text.slice(open + 2, dest.pos);
      return { src: dest.str, line, ...(written !== dest.str ? { written } : {}) };
    }
  }
  return { src, line };
}

const newlines = (s: string) => s.split('\n').length - 1;
