// The tokenizer and decoders alone: css-tree's main module loads its whole grammar (160 ms).
import { tokenize, tokenTypes as T } from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';

/**
 * What a stylesheet makes the browser load, read with css-tree's tokenizer (the CSS Syntax
 * algorithm browsers use): comments are comments and strings are strings wherever they are, so
 * `content:"/*"` hides nothing and a commented-out `@import` is no load. Every stylesheet lectern
 * audits goes through here: slide `<style>`, `style` attributes and directives, themes, SVG
 * `<style>`, the rendered deck's CSS.
 */
export interface CssLoad {
  /** The URL as the browser reads it: escapes resolved, not yet cleaned (see `cleanUrl`). */
  url: string;
  /** 1-based line of the stylesheet where it is spelled. */
  line: number;
  /** An `@import` of a stylesheet (Marp resolves `@import 'gaia'` itself). */
  import: boolean;
}

/** Functions whose string arguments are URLs (`url("…")`, `image-set("…" 1x)`, `src("…")`). */
const URL_FUNCTIONS = new Set(['url', 'image-set', '-webkit-image-set', 'src']);

interface Token {
  type: number;
  start: number;
  end: number;
}

function tokens(css: string): Token[] {
  const out: Token[] = [];
  tokenize(css, (type, start, end) => out.push({ type, start, end }));
  return out;
}

/**
 * css-tree recognises `url(` spelled plainly; a browser reads the name with its escapes resolved
 * first, so `\75rl(http://…)` and `u\72l(…)` are url tokens too. Such a name is respelled `url(`
 * (keeping its line breaks ahead of it, so lines stay where they were) and the text read again.
 */
function withPlainUrlNames(css: string): string {
  let text = css;
  for (let pass = 0; pass < 64; pass++) {
    const disguised = tokens(text).filter((t) => {
      if (t.type !== T.Function) return false;
      const name = text.slice(t.start, t.end - 1);
      return !/^url$/i.test(name) && ident.decode(name).toLowerCase() === 'url';
    });
    if (disguised.length === 0) return text;
    for (const t of disguised.reverse()) {
      const breaks = text.slice(t.start, t.end).replace(/[^\n]/g, '');
      text = `${text.slice(0, t.start)}${breaks}url(${text.slice(t.end)}`;
    }
  }
  return text;
}

/**
 * Every URL a stylesheet loads: url() (quoted or not), image-set() strings, `src()` and `@import`
 * (and the at-rules in `importRules`: Marpit's `@import-theme` names a theme as `@import` does).
 */
export function cssLoads(css: string, importRules: readonly string[] = ['import']): CssLoad[] {
  // A build reads the same theme for its stylesheet and again in the rendered deck's CSS.
  const key = `${importRules.join(',')}\n${css}`;
  const known = read.get(key);
  if (known) return known.map((l) => ({ ...l }));
  const loads = readLoads(css, importRules);
  if (read.size >= 64) read.clear();
  read.set(key, loads);
  return loads.map((l) => ({ ...l }));
}

/** The loads of the stylesheets read so far, by import rules and text (a handful per build; dev reads a few per save). */
const read = new Map<string, CssLoad[]>();

function readLoads(css: string, importRules: readonly string[]): CssLoad[] {
  const text = withPlainUrlNames(css);
  const loads: CssLoad[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  // What each open (, [, { or function is, innermost last: a string is a URL only directly
  // inside a URL function, or in an @import prelude at the depth the @import started.
  const open: string[] = [];
  let importDepth = -1;
  for (const t of tokens(text)) {
    const raw = text.slice(t.start, t.end);
    switch (t.type) {
      case T.Url:
        loads.push({ url: cssUrl.decode(raw), line: lineAt(t.start), import: importDepth === open.length });
        break;
      case T.String: {
        const inside = open[open.length - 1];
        // `@import "x"` and `@import url("x")`.
        const imported = importDepth === open.length || (inside === 'url' && importDepth === open.length - 1);
        if ((inside !== undefined && URL_FUNCTIONS.has(inside)) || importDepth === open.length)
          loads.push({ url: cssString.decode(raw), line: lineAt(t.start), import: imported });
        break;
      }
      case T.Function:
        open.push(ident.decode(raw.slice(0, -1)).toLowerCase());
        break;
      case T.AtKeyword:
        if (importRules.includes(ident.decode(raw.slice(1)).toLowerCase())) importDepth = open.length;
        break;
      case T.LeftParenthesis:
      case T.LeftSquareBracket:
      case T.LeftCurlyBracket:
        if (t.type === T.LeftCurlyBracket && importDepth === open.length) importDepth = -1;
        open.push(raw);
        break;
      case T.RightParenthesis:
      case T.RightSquareBracket:
      case T.RightCurlyBracket: {
        // A closer that does not match what is open is an ordinary token (CSS Syntax §5.4.8).
        const top = open[open.length - 1];
        const opener = raw === ')' ? top !== '[' && top !== '{' : raw === ']' ? top === '[' : top === '{';
        if (top !== undefined && opener) open.pop();
        if (importDepth > open.length) importDepth = -1;
        break;
      }
      case T.Semicolon:
        if (importDepth === open.length) importDepth = -1;
        break;
    }
  }
  return loads;
}

/**
 * A URL as the browser's URL parser reads it: C0 controls and spaces trimmed from both ends,
 * tabs and line breaks dropped anywhere.
 */
export function cleanUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what the URL parser trims
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * Whether loading the URL fetches anything: not when it is empty, a data: URI or a fragment of
 * the document itself (`url(#clip)`). Everything else, relative paths and file: included, reads
 * something lectern did not embed.
 */
export function fetchesSomething(url: string): boolean {
  const u = cleanUrl(url);
  return u !== '' && !/^data:/i.test(u) && !u.startsWith('#');
}
