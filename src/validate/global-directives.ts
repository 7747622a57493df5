import type { LoadedDeck } from '../load/load-deck.js';
import { error, type Problem } from '../problem.js';

/**
 * Marp's global directives apply to the whole deck wherever they are written: in a chapter,
 * `<!-- theme: gaia -->` would re-theme every slide and drop the brand and the embedded font,
 * and `<!-- style: … -->` would add CSS to all of them. deck.md sets these; a chapter may not.
 */
const GLOBAL = [
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'lang',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
];
const COMMENT = /<!--([\s\S]*?)-->/g;
/** Marpit reads a comment as directives when it is YAML keys and values. */
const KEY_LINE = /^\s*\$?([\w-]+)\s*:/;

export function globalDirectiveProblems({ chapters }: LoadedDeck): Problem[] {
  const out: Problem[] = [];
  for (const c of chapters) {
    for (const s of c.slides) {
      const text = withoutCode(s.markdown);
      for (const m of text.matchAll(COMMENT)) {
        const lines = (m[1] as string).split('\n').filter((l) => l.trim() !== '');
        if (lines.length === 0 || !lines.every((l) => KEY_LINE.test(l) || /^\s+\S/.test(l))) continue;
        const key = lines
          .map((l) => KEY_LINE.exec(l)?.[1])
          .find((k) => k !== undefined && GLOBAL.includes(k));
        if (!key) continue;
        const line = s.line + text.slice(0, m.index).split('\n').length - 1;
        out.push(
          error(
            'global-directive',
            { file: c.shownAs, line },
            `<!-- ${key}: … --> in a chapter would change the whole deck`,
            key === 'theme'
              ? 'choose the theme once, with theme: in deck.md'
              : key === 'style'
                ? 'put CSS in a theme file named by theme: in deck.md, or in a <style scoped> on this slide'
                : `set ${key} in deck.md, or remove the comment`,
          ),
        );
      }
    }
  }
  return out;
}

/** Comments inside code fences are shown as code, not read as directives. */
function withoutCode(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((l) => {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(l);
      if (f) {
        const mark = (f[1] as string)[0] as string;
        fence = fence === null ? mark : mark === fence ? null : fence;
        return '';
      }
      return fence === null ? l : '';
    })
    .join('\n');
}
