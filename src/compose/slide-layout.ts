/**
 * Picks the theme layout for an author's slide from its shape, so trainers write plain
 * markdown: a heading and a list of 2–4 items that each open with a bold phrase becomes the
 * numbered point-card layout; anything else is a plain bullet slide. An explicit
 * `<!-- _class: … -->` always wins.
 */
export function layoutClass(markdown: string): string | null {
  const visible = markdown.replace(/<!--[\s\S]*?-->/g, '');
  if (/<!--\s*_?class\s*:/.test(markdown)) return null;
  const lines = visible.split('\n').filter((l) => l.trim() !== '');
  const items: string[] = [];
  let headings = 0;
  // A nested list is an outline, not a row of cards.
  if (lines.some((l) => /^\s{2,}([-*+]|\d+[.)])\s/.test(l))) return 'bullets';
  for (const line of lines) {
    if (/^#{1,6}\s/.test(line)) headings++;
    else if (/^([-*+]|\d+[.)])\s+/.test(line)) items.push(line.replace(/^([-*+]|\d+[.)])\s+/, ''));
    else if (!/^\s{2,}\S/.test(line)) return 'bullets';
  }
  if (headings > 1) return 'bullets';
  if (items.length >= 2 && items.length <= 4 && items.every((i) => /^\*\*[^*]+\*\*/.test(i))) return `points points-${items.length}`;
  return 'bullets';
}
