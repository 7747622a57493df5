import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * marp-core's math libraries load when a formula is first rendered (src/engine/marp-core.ts):
 * in a fresh Node, as a build runs, a deck without math never loads MathJax or KaTeX, and a
 * formula renders as marp-core alone renders it (MathJax's SVG, KaTeX's HTML).
 */
function inFreshNode(script: string): Record<string, unknown> {
  const code = `
    import { createRequire } from 'node:module';
    import { createMarp } from ${JSON.stringify(join(ROOT, 'dist/engine/marp-engine.js'))};
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\\\/](mathjax-full|katex)[\\\\/]/.test(f)).length;
    const out = {};
    ${script}
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }),
  ) as Record<string, unknown>;
}

describe('marp-core with its math loaded on first use', () => {
  it('renders a deck without math without loading MathJax or KaTeX', () => {
    const out = inFreshNode(`
      const html = createMarp().render('# 标题\\n\\n- 一\\n\\n---\\n\\n## 二').html;
      out.slides = (html.match(/<section/g) || []).length;
      out.loaded = loaded();`);
    expect(out).toEqual({ slides: 2, loaded: 0 });
  });

  it('renders MathJax and KaTeX formulas as marp-core does when it loads them itself', () => {
    const decks = JSON.stringify(['# $x^2$\n\n$$\\frac{a}{b}$$', '<!-- math: katex -->\n\n# $\\sqrt{2}$']);
    const out = inFreshNode(`
      const decks = ${decks};
      const ours = decks.map((md) => createMarp().render(md));
      out.loaded = loaded() > 0;
      const { Marp } = createRequire(import.meta.url)('@marp-team/marp-core');
      const { MARP_OPTIONS } = await import(${JSON.stringify(join(ROOT, 'dist/engine/marp-options.js'))});
      const plain = decks.map((md) => new Marp(MARP_OPTIONS).render(md));
      out.svg = ours[0].html.includes('<mjx-container') && ours[0].html.includes('<svg style');
      out.katex = ours[1].html.includes('class="katex"');
      out.same = ours.every((r, i) => r.html === plain[i].html && r.css === plain[i].css);`);
    expect(out).toEqual({ loaded: true, svg: true, katex: true, same: true });
  });
});

/**
 * Each engine parses marp-core's built-in themes when it is made; the parse is kept by its text
 * (src/engine/marp-core.ts) and must not outlive a change of the text or its options.
 */
describe('theme stylesheets parsed once by their text', () => {
  it('shares the parse of the same text, parses changed text anew, and still refuses a theme without @theme', () => {
    const out = inFreshNode(`
      const a = createMarp(), b = createMarp();
      out.sameBuiltIn = a.themeSet.get('gaia') === b.themeSet.get('gaia');
      const one = a.themeSet.add('/* @theme t */ section { color: red; }');
      const again = b.themeSet.add('/* @theme t */ section { color: red; }');
      const changed = b.themeSet.add('/* @theme t */ section { color: blue; }');
      out.kept = one === again;
      out.changed = changed !== one && changed.css.includes('blue');
      out.rendersChanged = b.render('<!-- theme: t -->\\n\\n# x').css.includes('blue');
      // Marpit's scaffold theme is parsed without @theme through a symbol option; the same text
      // from a user is an error, kept parse or not.
      try { a.themeSet.add('section { color: green; }'); out.noName = 'accepted'; } catch (e) { out.noName = 'refused'; }
      try { b.themeSet.add('section { color: green; }'); out.noNameAgain = 'accepted'; } catch (e) { out.noNameAgain = 'refused'; }`);
    expect(out).toEqual({
      sameBuiltIn: true,
      kept: true,
      changed: true,
      rendersChanged: true,
      noName: 'refused',
      noNameAgain: 'refused',
    });
  });
});

describe("comments' YAML read once by their text", () => {
  it('applies the same directives on every render, reads a changed comment anew, and keeps notes as notes', () => {
    const out = inFreshNode(`
      const deck = (cls) => '<!-- _class: ' + cls + ' -->\\n\\n# 一\\n\\n<!-- 讲稿：先问大家的感受。 -->\\n\\n---\\n\\n<!-- _class: ' + cls + ' -->\\n\\n## 二';
      const marp = createMarp();
      const classes = (r) => [...r.html.matchAll(/<section[^>]*class="([^"]*)"/g)].map((m) => m[1]);
      const first = marp.render(deck('lead'));
      const again = createMarp().render(deck('lead'));
      const changed = marp.render(deck('invert'));
      out.first = classes(first);
      out.same = again.html === first.html;
      out.changed = classes(changed);
      out.notes = first.comments;`);
    expect(out).toEqual({
      first: ['lead', 'lead'],
      same: true,
      changed: ['invert', 'invert'],
      notes: [['讲稿：先问大家的感受。'], []],
    });
  });
});
