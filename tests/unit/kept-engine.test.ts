import { describe, expect, it } from 'vitest';
import { renderingEngine } from '../../src/engine/kept-engine.js';
import { createMarp } from '../../src/engine/marp-engine.js';

const THEME = '/* @theme kept */ section { color: #123456; }';
const deck = (style: string) => `<!-- theme: kept -->\n\n# 一\n\n<style>${style}</style>\n\n---\n\n## 二`;

/** The engine `dev` keeps between saves (engine/kept-engine.ts) renders as a new one would. */
describe('the kept rendering engine', () => {
  const fresh = (md: string, theme = THEME) => {
    const marp = createMarp();
    marp.themeSet.add(theme);
    return marp.render(md);
  };

  it('is kept for the same themes and renders each deck as a new engine does', () => {
    const a = renderingEngine([THEME], {});
    expect(renderingEngine([THEME], {})).toBe(a);
    for (const md of [deck('h1 { color: red; }'), deck('h1 { color: blue; }'), deck('h1 { color: red; }')])
      expect(a.render(md)).toEqual(fresh(md));
  });

  it('is made anew when a theme changes, and a theme added to it is packed afresh', () => {
    const a = renderingEngine([THEME], {});
    const changed = THEME.replace('#123456', '#654321');
    const b = renderingEngine([changed], {});
    expect(b).not.toBe(a);
    expect(b.render(deck('')).css).toContain('#654321');
    b.themeSet.add(THEME);
    expect(b.render(deck('')).css).toContain('#123456');
  });
});
