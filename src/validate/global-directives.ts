import type { LoadedDeck } from '../load/load-deck.js';
import { error, type Problem } from '../core/problem.js';
import { MARP_GLOBAL_DIRECTIVES } from '../engine/marp-directives.js';

/**
 * Marp's global directives apply to the whole deck wherever they are written: in a chapter,
 * `<!-- theme: gaia -->` would re-theme every slide and drop the brand and the embedded font,
 * and `<!-- style: … -->` would add CSS to all of them. deck.md sets these; a chapter may not.
 * The directives are the ones Marp reads in the slide's comments (the loader keeps them), so a
 * comment inside code, or one Marp does not read as directives, is not one.
 */
const GLOBAL: readonly string[] = MARP_GLOBAL_DIRECTIVES;

export function globalDirectiveProblems({ chapters }: LoadedDeck): Problem[] {
  const out: Problem[] = [];
  for (const c of chapters) {
    for (const s of c.slides) {
      for (const { name, line } of s.directives) {
        // Marpit reads `$theme` as the global `theme` too.
        const key = name.startsWith('$') ? name.slice(1) : name;
        if (!GLOBAL.includes(key) || out.some((p) => p.file === c.shownAs && p.line === line)) continue;
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
