// No lone last character: a paragraph's, heading's, list item's, quote's or table cell's last
// two Chinese characters are kept on one line (what follows them, "。" in "安排。", cannot start
// one), so no last line holds one character ("排。"), the fault a designer sees first. The
// typographer's tie between the last two words, done with markdown-it tokens: the pair goes
// into a span that does not wrap, for any theme. The text token as a whole goes into a plain
// span first, so a theme that lays a paragraph out as a flex or grid row (a quiz option, a
// case's question, an agenda entry) still sees the text as one item, not several with gaps
// between them. Readers of the tokens (the editable PPTX, the checks) see the same text, split
// in text tokens with the tie's marks between them, which they skip.

import type { RuleHost as MarkdownIt, RuleState as State, RuleToken as Token } from './core-rule.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
/** A tail longer than this (a number or a Latin word after the last Chinese character) is not tied: it would be a long unbreakable run. */
const MAX_TAIL = 12;
/** The blocks whose text is tied: a paragraph (in a list item, a quote or on its own), a heading and a table cell. */
const TEXT_BLOCKS = new Set(['paragraph_open', 'heading_open', 'th_open', 'td_open']);
const TEXT_OPEN = 'lectern_tied_text_open';
const TEXT_CLOSE = 'lectern_tied_text_close';
const KEEP_OPEN = 'lectern_keep_open';
const KEEP_CLOSE = 'lectern_keep_close';

export function lastLineKeep(md: MarkdownIt): void {
  md.core.ruler.push('lectern_last_line_keep', (state) => {
    for (let i = 1; i < state.tokens.length; i++) {
      const inline = state.tokens[i]!;
      if (inline.type !== 'inline' || !TEXT_BLOCKS.has(state.tokens[i - 1]!.type)) continue;
      tieTail(inline.children ?? [], state);
    }
  });
  md.renderer.rules[TEXT_OPEN] = () => '<span>';
  md.renderer.rules[TEXT_CLOSE] = () => '</span>';
  md.renderer.rules[KEEP_OPEN] = () => KEEP_SPAN[0];
  md.renderer.rules[KEEP_CLOSE] = () => KEEP_SPAN[1];
}

/**
 * A text's head, the pair to keep on one line (from its next-to-last Chinese character to its
 * last) and what follows the pair. What follows stays outside the unbreakable span: closing
 * punctuation cannot start a line anyway, and outside it the browser still trims a full-width
 * mark's space at the line's end (`text-spacing-trim`), so a line that fitted still fits
 * ("…天天打电话！”"). Undefined when there is nothing to tie (under two Chinese characters, or
 * a long tail: a number or a Latin word after the next-to-last).
 */
export function tiedTail(text: string): [head: string, kept: string, after: string] | undefined {
  const chars = [...text];
  const han = chars.flatMap((c, k) => (HAN.test(c) ? [k] : []));
  if (han.length < 2) return undefined;
  const from = han.at(-2)!;
  const to = han.at(-1)! + 1;
  if (chars.length - from > MAX_TAIL) return undefined;
  return [chars.slice(0, from).join(''), chars.slice(from, to).join(''), chars.slice(to).join('')];
}

/** The span that keeps a pair on one line, in the HTML lectern writes itself. */
export const KEEP_SPAN = ['<span style="white-space:nowrap">', '</span>'] as const;

function tieTail(children: Token[], state: State): void {
  const last = children.at(-1);
  if (last?.type !== 'text') return;
  const split = tiedTail(last.content);
  if (!split) return;
  const [head, kept, after] = split;
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  const mark = (type: string, nesting: number) => new state.Token(type, 'span', nesting);
  last.content = kept;
  children.splice(
    children.length - 1,
    0,
    mark(TEXT_OPEN, 1),
    ...(head ? [text(head)] : []),
    mark(KEEP_OPEN, 1),
  );
  children.push(mark(KEEP_CLOSE, -1), ...(after ? [text(after)] : []), mark(TEXT_CLOSE, -1));
}
