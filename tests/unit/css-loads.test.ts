import { describe, expect, it } from 'vitest';
import { cssLoads } from '../../src/core/css-loads.js';

// A build reads the same stylesheet more than once (the theme, then the rendered deck's CSS):
// the second read is the first one's answer, for the same import rules only, and a caller that
// changes what it got changes nothing for the next.
describe('cssLoads read twice', () => {
  const css = '@import-theme \'gaia\';\n@import url("a.css");\nsection { background: url(b.png); }';

  it('gives the same loads, and each caller its own copy', () => {
    const first = cssLoads(css);
    expect(first).toEqual([
      { url: 'a.css', line: 2, import: true },
      { url: 'b.png', line: 3, import: false },
    ]);
    first[0]!.url = 'changed';
    first.pop();
    expect(cssLoads(css)).toEqual([
      { url: 'a.css', line: 2, import: true },
      { url: 'b.png', line: 3, import: false },
    ]);
  });

  it('reads the text again for other import rules', () => {
    expect(cssLoads(css, ['import', 'import-theme']).map((l) => l.url)).toEqual(['gaia', 'a.css', 'b.png']);
    expect(cssLoads(css).map((l) => l.url)).toEqual(['a.css', 'b.png']);
  });
});
