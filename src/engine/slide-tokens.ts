import { parseMarkdown as parse } from './markdown-tokens.js';
import type { Block, ListItem, Run } from './slide-blocks.js';
import { inlineParts } from './inline-runs.js';

// A content slide read from the markdown-it token stream of the marp-core engine that
// renders it, so what an export sees is what Marp draws (an image Marp shows as text is text).

export type { Block, ListItem, Picture, Run } from './slide-blocks.js';

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
        blocks.push({ kind: 'math', tex: t.content.trim() });
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

/** Runs as plain text. */
export const plain = (runs: Run[]): string => runs.map((r) => r.text).join('');
