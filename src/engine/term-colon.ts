// A bold term and its colon stay together: in `- **公开**：官网…` (and `1. **术语**: …`) the
// colon joins the term. Layouts that make a list item's leading bold phrase a card's or a
// step's title then show "公开：" as the title and "官网…" as its text, instead of a text that
// starts with "：" (a line-start colon) or a gap between term and colon where the term is a
// flex item of its own. Every output reads Marp's tokens or its HTML, so all show the same.

import type { RuleHost as MarkdownIt, RuleState as State, RuleToken as Token } from './core-rule.js';

/** A colon, full-width or ASCII, with the blanks before it (and after a full-width one, which has its own). */
const LEADING_COLON = /^\s*(?:(：)\s*|(:))/;

export function termColon(md: MarkdownIt): void {
  md.core.ruler.push('lectern_term_colon', (state) => {
    for (let i = 2; i < state.tokens.length; i++) {
      const inline = state.tokens[i]!;
      // The first paragraph of a list item (tight lists hide the paragraph, but keep its token).
      if (inline.type !== 'inline' || state.tokens[i - 1]!.type !== 'paragraph_open') continue;
      if (state.tokens[i - 2]!.type !== 'list_item_open') continue;
      joinColon(inline.children ?? [], state);
    }
  });
}

function joinColon(children: Token[], state: State): void {
  // The term opens the item: empty text markdown-it may leave before it does not count.
  let at = 0;
  while (children[at]?.type === 'text' && children[at]!.content === '') at++;
  if (children[at]?.type !== 'strong_open') return;
  const close = children.findIndex((c, k) => k > at && c.type === 'strong_close');
  const after = children[close + 1];
  if (close < 0 || after?.type !== 'text') return;
  const colon = LEADING_COLON.exec(after.content);
  if (!colon) return;
  const mark = new state.Token('text', '', 0);
  mark.content = colon[1] ?? colon[2]!;
  children.splice(close, 0, mark);
  after.content = after.content.slice(colon[0].length);
}
