import type { Marp } from '@marp-team/marp-core';
import { createMarp } from './marp-engine.js';
import { MARP_OPTIONS } from './marp-options.js';
import type { DiagramSvgs } from './diagram-fence.js';

// `dev` renders the deck on every save with the same themes: a new engine each time parsed
// them again, and Marpit packed the theme stylesheet with PostCSS again (35 ms of a save, for
// the same text). The last engine is kept for its themes and diagrams, with its packs.

type ThemeSet = Marp['themeSet'];

let kept: { key: string; marp: Marp } | undefined;

/** How many packed stylesheets an engine keeps: one per set of slides' inline styles, a few at a time. */
const KEPT_PACKS = 8;

/**
 * The engine that renders a deck with these theme stylesheets (added in order) and diagrams:
 * the last one made, when they are the same, else a new one.
 */
export function renderingEngine(themeCss: readonly string[], diagrams: DiagramSvgs): Marp {
  const key = JSON.stringify([themeCss, diagrams]);
  if (kept?.key === key) return kept.marp;
  const marp = createMarp({ ...MARP_OPTIONS, lecternDiagrams: diagrams });
  for (const css of themeCss) marp.themeSet.add(css);
  keepPacks(marp.themeSet);
  kept = { key, marp };
  return marp;
}

/**
 * Marpit's `pack` is a function of the set's themes and PostCSS plugins, which this engine
 * fixes when it is made, and of its arguments (the theme's name; the slides' inline styles and
 * what marp-core puts before them, such as the math stylesheet, among the options): a pack is
 * kept by its arguments, and a theme added later starts afresh.
 */
function keepPacks(set: ThemeSet): void {
  const pack = set.pack.bind(set);
  const add = set.add.bind(set);
  const packs = new Map<string, string>();
  set.add = (css: string) => {
    packs.clear();
    return add(css);
  };
  set.pack = (name: string | undefined, opts?: object) => {
    const key = JSON.stringify([name ?? null, opts ?? null]);
    let css = packs.get(key);
    if (css === undefined) {
      css = pack(name, opts as Parameters<ThemeSet['pack']>[1]);
      if (packs.size >= KEPT_PACKS) packs.clear();
      packs.set(key, css);
    }
    return css;
  };
}
