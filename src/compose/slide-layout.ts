/**
 * Picks the theme layout for an author's slide from its shape, so trainers write plain
 * markdown. An explicit `<!-- _class: … -->` always wins. The shapes, first match wins:
 * - a time box (`<!-- minutes: 10 -->`): exercise;
 * - a heading that opens with 案例 / 情景 / Case / Scenario: case (scenario in a quote, question last);
 * - only a quote, with or without a heading: statement;
 * - two `###` headings, each with a list: compare;
 * - a table: table;
 * - a list whose items all open with `[ ]`: checklist;
 * - a split background (`![bg left…]`, `![bg right…]`): split;
 * - a heading and a list of 2–4 items that each open with a bold phrase: numbered point cards;
 * - anything else: a plain bullet slide.
 */
export function layoutClass(markdown: string): string | null {
  if (/<!--\s*_?class\s*:/.test(markdown)) return null;
  if (/<!--\s*minutes\s*:/.test(markdown)) return 'exercise';
  const visible = markdown.replace(/<!--[\s\S]*?-->/g, '');
  const lines = visible.split('\n').filter((l) => l.trim() !== '');
  const headings = lines.filter((l) => /^#{1,6}\s/.test(l));
  const firstHeading = headings[0]?.replace(/^#{1,6}\s+/, '') ?? '';
  if (/^(案例|情景|场景|Case|Scenario)/i.test(firstHeading)) return 'case';
  const body = lines.filter((l) => !/^#{1,6}\s/.test(l));
  if (body.length > 0 && body.every((l) => /^\s{0,3}>/.test(l)) && headings.length <= 1) return 'statement';
  if (headings.filter((l) => /^###\s/.test(l)).length === 2 && compareShape(lines)) return 'compare';
  if (lines.some((l) => /^\s*\|.*\|\s*$/.test(l)) && lines.some((l) => /^\s*\|?\s*:?-{3,}/.test(l))) return 'table';
  const items = lines.filter((l) => /^([-*+]|\d+[.)])\s+/.test(l)).map((l) => l.replace(/^([-*+]|\d+[.)])\s+/, ''));
  if (items.length > 0 && items.every((i) => /^\[ \]\s/.test(i))) return 'checklist';
  if (/!\[[^\]]*\bbg\b[^\]]*\b(left|right)\b/.test(visible)) return 'split';
  // A nested list is an outline, not a row of cards.
  if (lines.some((l) => /^\s{2,}([-*+]|\d+[.)])\s/.test(l))) return 'bullets';
  if (headings.length > 1 || body.some((l) => !/^([-*+]|\d+[.)])\s+/.test(l) && !/^\s{2,}\S/.test(l))) return 'bullets';
  if (items.length >= 2 && items.length <= 4 && items.every((i) => /^\*\*[^*]+\*\*/.test(i))) return `points points-${items.length}`;
  return 'bullets';
}

/** `### A`, a list, `### B`, a list: nothing else after the first `###`. */
function compareShape(lines: string[]): boolean {
  const from = lines.findIndex((l) => /^###\s/.test(l));
  return lines.slice(from).every((l) => /^###\s/.test(l) || /^\s*([-*+]|\d+[.)])\s+/.test(l) || /^\s{2,}\S/.test(l));
}

/** The checklist's `[ ]` markers, which markdown does not draw: the theme draws the boxes. */
export function withoutCheckboxes(markdown: string): string {
  return markdown.replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\[ \]\s+/gm, '$1');
}
