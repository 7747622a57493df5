import { parseMarkdown } from '../engine/markdown-tokens.js';
import { plain, slideBlocks, slideComments, type Block } from '../engine/slide-tokens.js';
import { QUIZ_HEADING } from '../engine/quiz-tokens.js';

/**
 * Picks the theme layout for an author's slide from its shape, read from Marp's own tokens
 * (what Marp will draw), so trainers write plain markdown. An explicit `<!-- _class: … -->` always wins. The shapes, first match wins:
 * - a heading that opens with 测验 / 小测验 / 知识检查 / Quiz: quiz (a knowledge check);
 * - a time box (`<!-- minutes: 10 -->`): exercise;
 * - a heading that opens with 案例 / 情景 / Case / Scenario: case (scenario in a quote, question last);
 * - only a quote, with or without a heading: statement;
 * - two `###` headings, each with a list: compare;
 * - a table: table;
 * - a list whose items all open with `[ ]`: checklist;
 * - a split background (`![bg left…]`, `![bg right…]`): split;
 * - a heading, one picture and one short line under it: figure (the line is its caption);
 * - a heading and a list of 2–4 items that each open with a bold phrase: numbered point cards;
 * - anything else: a plain bullet slide.
 */
export function layoutClass(markdown: string): string | null {
  const comments = slideComments(markdown);
  if (comments.some((c) => 'class' in c.directives || '_class' in c.directives)) return null;
  const blocks = slideBlocks(markdown);
  const headings = blocks.filter((b) => b.kind === 'heading');
  const body = blocks.filter((b) => b.kind !== 'heading');
  const firstHeading = headings[0] ? plain(headings[0].runs) : '';
  if (QUIZ_HEADING.test(firstHeading.trim())) return 'quiz';
  if (comments.some((c) => 'minutes' in c.directives || '_minutes' in c.directives)) return 'exercise';
  if (/^(案例|情景|场景|Case|Scenario)/i.test(firstHeading)) return 'case';
  if (body.length > 0 && body.every((b) => b.kind === 'quote') && headings.length <= 1) return 'statement';
  if (headings.filter((h) => h.level === 3).length === 2 && compareShape(blocks)) return 'compare';
  if (body.some((b) => b.kind === 'table')) return 'table';
  const items = body.flatMap((b) => (b.kind === 'list' ? b.items : []));
  const top = items.filter((i) => i.level === 0);
  if (top.length > 0 && top.every((i) => /^\[ \]\s/.test(plain(i.runs)))) return 'checklist';
  if (body.some((b) => b.kind === 'background' && b.split)) return 'split';
  if (figureShape(body)) return 'figure';
  // A nested list is an outline, not a row of cards.
  if (items.some((i) => i.level > 0)) return 'bullets';
  if (headings.length > 1 || body.some((b) => b.kind !== 'list')) return 'bullets';
  if (top.length >= 2 && top.length <= 4 && top.every((i) => i.runs[0]?.bold))
    return `points points-${top.length}`;
  return 'bullets';
}

/** The longest line that still reads as a caption (a source, a date, one sentence). */
const CAPTION_CHARS = 80;

/** One picture, then one short paragraph: a figure and its caption. */
function figureShape(body: Block[]): boolean {
  const [picture, caption] = body;
  return (
    body.length === 2 &&
    picture?.kind === 'pictures' &&
    picture.pictures.length === 1 &&
    caption?.kind === 'paragraph' &&
    [...plain(caption.runs)].length <= CAPTION_CHARS
  );
}

/** `### A`, a list, `### B`, a list: nothing else after the first `###`. */
function compareShape(blocks: Block[]): boolean {
  const from = blocks.findIndex((b) => b.kind === 'heading' && b.level === 3);
  return blocks.slice(from).every((b) => (b.kind === 'heading' && b.level === 3) || b.kind === 'list');
}

/** The author's own layout, `<!-- _class: roleplay -->`, as Marp reads it (the last one wins). */
export function explicitClass(markdown: string): string | undefined {
  let cls: string | undefined;
  for (const { directives: d } of slideComments(markdown)) {
    const value = d._class ?? d.class;
    if (value !== undefined) cls = String(value).trim();
  }
  return cls;
}

/**
 * The last value the slide gives a directive in its comments (`class`, `header`, or the spot
 * `_header`), as Marp reads them; undefined when it gives none.
 */
export function directiveOf(markdown: string, key: string): string | undefined {
  let value: string | undefined;
  for (const { directives: d } of slideComments(markdown))
    if (d[key] !== undefined) value = String(d[key]).trim();
  return value;
}

/** The slide's own `<!-- class: … -->`, which holds for the slides after it too. */
export const localClass = (markdown: string): string | undefined => directiveOf(markdown, 'class');

/**
 * The checklist's `[ ]` markers, which markdown does not draw: the theme draws the boxes. Each
 * list item whose text opens with `[ ]` loses it on the item's own line, found from Marp's tokens.
 */
export function withoutCheckboxes(markdown: string): string {
  const lines = markdown.split('\n');
  const tokens = parseMarkdown(markdown);
  tokens.forEach((t, i) => {
    const inline = tokens[i + 2];
    if (t.type !== 'list_item_open' || !t.map || inline?.type !== 'inline') return;
    if (!/^\[ \]\s/.test(inline.content)) return;
    const text = lines[t.map[0]] ?? '';
    const at = text.indexOf('[ ]');
    if (at >= 0) lines[t.map[0]] = text.slice(0, at) + text.slice(at + 3).trimStart();
  });
  return lines.join('\n');
}
