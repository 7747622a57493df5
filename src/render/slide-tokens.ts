import { parseMarkdown as parse, type Token } from './markdown-tokens.js';

// A content slide read from the markdown-it token stream of the marp-core engine that
// renders it, so what an export sees is what Marp draws (an image Marp shows as text is text).

/** A stretch of text with one formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

export interface ListItem {
  runs: Run[];
  /** Nesting, 0 = top. */
  level: number;
  /** The item's number in an ordered list. */
  number?: number;
}

export interface Picture {
  src: string;
  /** Marp's `w:` / `h:` size in CSS pixels. */
  width?: number;
  height?: number;
  /** A PNG of an SVG picture, for outputs that need a bitmap (set by the editable PPTX). */
  png?: string;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'table'; rows: Run[][][] }
  | { kind: 'code'; text: string; lang: string }
  | { kind: 'quote'; paragraphs: Run[][] }
  /** Pictures in one paragraph, shown side by side. */
  | { kind: 'pictures'; pictures: Picture[] }
  | {
      kind: 'background';
      src: string;
      png?: string;
      split?: 'left' | 'right';
      share: number;
      fit: 'cover' | 'contain';
    }
  | { kind: 'math' }
  | { kind: 'html' };

/** A slide's HTML comments as Marp collects them: their text, and the directives Marp read in them. */
export function slideComments(markdown: string): { text: string; directives: Record<string, unknown> }[] {
  const comments = parse(markdown)
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => t.type === 'marpit_comment');
  return comments.map((t) => ({
    text: t.content.trim(),
    directives: t.meta?.marpitParsedDirectives ?? {},
  }));
}

/** The blocks of one slide's markdown, in order. Pure apart from a cached engine. */
export function slideBlocks(markdown: string): Block[] {
  const tokens = parse(markdown);
  const blocks: Block[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let items: ListItem[] | undefined;
  let quote: Run[][] | undefined;
  let row: Run[][] | undefined;
  let table: Run[][][] | undefined;
  let heading = 0;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        heading = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (!lists.length) blocks.push({ kind: 'list', items: (items = []) });
        lists.push({ ordered: t.type === 'ordered_list_open', next: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (!lists.length) items = undefined;
        break;
      case 'list_item_open': {
        const list = lists.at(-1)!;
        items!.push({
          runs: [],
          level: Math.min(lists.length - 1, 4),
          ...(list.ordered ? { number: list.next++ } : {}),
        });
        break;
      }
      case 'blockquote_open':
        if (!quote && !items) blocks.push({ kind: 'quote', paragraphs: (quote = []) });
        break;
      case 'blockquote_close':
        quote = undefined;
        break;
      case 'table_open':
        blocks.push({ kind: 'table', rows: (table = []) });
        break;
      case 'tr_open':
        table!.push((row = []));
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', text: t.content.replace(/\n$/, ''), lang: t.info.trim() });
        break;
      case 'marp_math_block':
      case 'math_block':
        blocks.push({ kind: 'math' });
        break;
      case 'html_block':
        blocks.push({ kind: 'html' });
        break;
      // A paragraph of background images alone, which Marp hides from the slide's flow.
      case 'inline':
      case 'marpit_hidden_inline': {
        const { runs, pictures, backgrounds, other } = inlineParts(t.children ?? []);
        blocks.push(...backgrounds, ...other);
        if (row) row.push(runs);
        else if (heading) blocks.push({ kind: 'heading', level: heading, runs });
        else if (items?.length) appendRuns(items.at(-1)!.runs, runs);
        else if (quote) quote.push(runs);
        else if (runs.length) blocks.push({ kind: 'paragraph', runs });
        if (pictures.length) blocks.push({ kind: 'pictures', pictures });
        break;
      }
      case 'tr_close':
        row = undefined;
        break;
    }
  }
  return blocks;
}

function appendRuns(to: Run[], runs: Run[]): void {
  if (to.length && runs.length) to.push({ text: '\n' });
  to.push(...runs);
}

/** An inline token's children as runs, its pictures and backgrounds, and what only a picture can show. */
function inlineParts(children: Token[]): {
  runs: Run[];
  pictures: Picture[];
  backgrounds: Block[];
  other: Block[];
} {
  const runs: Run[] = [];
  const pictures: Picture[] = [];
  const backgrounds: Block[] = [];
  const other: Block[] = [];
  const style: Omit<Run, 'text'> = {};
  const add = (text: string, extra: Omit<Run, 'text'> = {}) => {
    if (text) runs.push({ text, ...clean({ ...style, ...extra }) });
  };
  for (const c of children) {
    if (c.type === 'text') add(c.content);
    else if (c.type === 'code_inline') add(c.content, { code: true });
    else if (c.type === 'softbreak') runs.push({ text: ' ', ...clean(style), ...{ soft: true } } as Run);
    else if (c.type === 'hardbreak') runs.push({ text: '\n' });
    else if (c.type === 'strong_open') style.bold = true;
    else if (c.type === 'strong_close') delete style.bold;
    else if (c.type === 'em_open') style.italic = true;
    else if (c.type === 'em_close') delete style.italic;
    else if (c.type === 's_open') style.strike = true;
    else if (c.type === 's_close') delete style.strike;
    else if (c.type === 'link_open') style.link = c.attrGet('href') ?? undefined;
    else if (c.type === 'link_close') delete style.link;
    else if (c.type === 'image') {
      const img = c.meta?.marpitImage;
      const src = img?.url ?? c.attrGet('src') ?? '';
      if (img?.background) {
        const split = img.backgroundSplit;
        backgrounds.push({
          kind: 'background',
          src,
          ...(split ? { split } : {}),
          share: split ? parseFloat(img.backgroundSplitSize ?? '50') / 100 : 1,
          fit: img.backgroundSize === 'contain' || img.backgroundSize === 'fit' ? 'contain' : 'cover',
        });
      } else pictures.push({ src, ...px('width', img?.width), ...px('height', img?.height) });
    } else if (c.type === 'marp_math_inline' || c.type === 'math_inline') other.push({ kind: 'math' });
    else if (c.type === 'html_inline') {
      if (/^<br\s*\/?>$/i.test(c.content.trim())) runs.push({ text: '\n' });
      else other.push({ kind: 'html' });
    }
  }
  return { runs: joinSoftBreaks(runs), pictures, backgrounds, other };
}

const clean = (s: Omit<Run, 'text'>) =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Omit<Run, 'text'>;

function px(name: 'width' | 'height', value: string | undefined): Partial<Picture> {
  const n = value ? parseFloat(value) : NaN;
  return n > 0 && /px$|^\d+(\.\d+)?$/.test(value!) ? { [name]: n } : {};
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A line break inside a paragraph: nothing between Chinese characters, a space elsewhere; trims the ends. */
function joinSoftBreaks(runs: (Run & { soft?: boolean })[]): Run[] {
  const out: Run[] = [];
  runs.forEach((r, i) => {
    if (!r.soft) return void out.push(r);
    const before = out.at(-1)?.text.slice(-1) ?? '';
    const after = runs[i + 1]?.text[0] ?? '';
    if (!before || !after || (CJK.test(before) && CJK.test(after))) return;
    const { soft: _soft, ...run } = r;
    out.push(run);
  });
  while (out.length && !out[0]!.text.trim() && out[0]!.text !== '\n') out.shift();
  while (out.length && !out.at(-1)!.text.trim()) out.pop();
  if (out[0]) out[0] = { ...out[0], text: out[0].text.trimStart() };
  if (out.length) out[out.length - 1] = { ...out.at(-1)!, text: out.at(-1)!.text.trimEnd() };
  return out;
}

/** Runs as plain text. */
export const plain = (runs: Run[]): string => runs.map((r) => r.text).join('');
