import { plain, slideBlocks, type Run } from '../../engine/slide-tokens.js';

// What a training-layout slide says (heading, quote, paragraphs, items, columns, rows, split
// picture), read from Marp's tokens: the editable PPTX draws it on fixed geometry when the
// slide's measurements do not match it.

export interface Parts {
  heading?: string;
  quote: string[];
  paragraphs: string[];
  items: Run[][];
  columns: { title: string; items: Run[][] }[];
  rows: string[][];
  background?: {
    data: string;
    side: 'left' | 'right';
    share: number;
    fit: 'cover' | 'contain' | 'auto';
    scale?: number;
    natural: string;
    alt: string;
  };
}

/** What a training-layout slide says, read from Marp's tokens. */
export function trainingParts(markdown: string): Parts {
  const parts: Parts = { quote: [], paragraphs: [], items: [], columns: [], rows: [] };
  for (const b of slideBlocks(markdown)) {
    if (b.kind === 'heading') {
      if (b.level === 3) parts.columns.push({ title: line(b.runs), items: [] });
      else if (b.level !== 6 && parts.heading === undefined) parts.heading = line(b.runs);
    } else if (b.kind === 'quote') parts.quote.push(...b.paragraphs.map(line).filter(Boolean));
    else if (b.kind === 'table') parts.rows.push(...b.rows.map((row) => row.map(line)));
    else if (b.kind === 'list')
      (parts.columns.at(-1)?.items ?? parts.items).push(...b.items.map((it) => withoutCheckbox(it.runs)));
    else if (b.kind === 'paragraph') parts.paragraphs.push(line(b.runs));
    else if (b.kind === 'background' && b.split)
      parts.background = {
        side: b.split,
        share: b.share,
        data: b.src,
        fit: b.fit,
        ...(b.scale ? { scale: b.scale } : {}),
        natural: b.src,
        alt: b.alt,
      };
  }
  return parts;
}

export const line = (runs: Run[]) => plain(runs).replace(/\n/g, ' ').trim();

/** A checklist item's `[ ]`, which the layout draws as a box. */
function withoutCheckbox(runs: Run[]): Run[] {
  const [first, ...rest] = runs;
  return first && /^\[ \]\s+/.test(first.text)
    ? [{ ...first, text: first.text.replace(/^\[ \]\s+/, '') }, ...rest]
    : runs;
}

/** A bold lead (`**坐席**` then its text) split off an item. */
export function lead(item: Run[]): { name?: string; rest: string } {
  const [first, ...rest] = item;
  return first?.bold
    ? { name: first.text.trim(), rest: line(rest).replace(/^[:：]\s*/, '') }
    : { rest: line(item) };
}
