import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanUrl, cssLoads } from '../../src/core/css-loads.js';
import { svgDanger } from '../../src/load/svg-check.js';

/**
 * Property tests of the CSS and SVG readers (issue 24): random comments, strings, escapes and
 * entities around URLs. The generator knows which URLs a browser loads (hosts l<n>.test) and
 * which only sit in a comment or a string (c<n>.test, s<n>.test). fast-check prints the seed of
 * a failure; FUZZ_SEED replays it and FUZZ_RUNS raises the count.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const opts = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

/** Junk for a comment (no comment end) or a string (no double quote or backslash): markers, quotes, url(, @import. */
const COMMENT_JUNK = ['"', "'", '(', ')', ';', '{', '}', 'url(', '@import ', '/', ' ', 'x', '\n'];
const STRING_JUNK = ["'", '/*', '*/', '(', ')', ';', '{', '}', 'url(', '@import ', ' ', 'x'];
const junkText = (host: string, pieces: string[]) =>
  fc
    .array(fc.constantFrom(...pieces), { maxLength: 6 })
    .map((parts) => `${parts.join('')} url(http://${host}/a.png) @import 'http://${host}/b.css';`);

const cssPiece = (i: number) =>
  fc.oneof(
    fc
      .constantFrom(
        (u: string) => `a{b:url(${u})}`,
        (u: string) => `a{b:url( "${u}" )}`,
        (u: string) => `a{b:URL('${u}')}`,
        (u: string) => `a{b:\\75rl(${u})}`,
        (u: string) => `a{b:u\\72 l(${u})}`,
        (u: string) => `a{b:image-set("${u}" 1x)}`,
        (u: string) => `a{b:-webkit-image-set(url(${u}) 2x)}`,
        (u: string) => `@font-face{src:url("${u}") format("woff2")}`,
      )
      .chain((spell) =>
        fc
          .constantFrom('http://', 'ht\\74p://', 'ht\\74 p://', 'h\\ttp://')
          .map((scheme) => ({ css: spell(`${scheme}l${i}.test/x.png`), loads: [`l${i}.test`] })),
      ),
    junkText(`c${i}.test`, COMMENT_JUNK).map((t) => ({ css: `/*${t}*/`, loads: [] as string[] })),
    junkText(`s${i}.test`, STRING_JUNK).map((t) => ({ css: `a{content:"${t}"}`, loads: [] as string[] })),
  );

const hostOf = (url: string) => {
  try {
    return new URL(cleanUrl(url)).host;
  } catch {
    return cleanUrl(url);
  }
};

describe('the CSS reader', () => {
  it('finds every URL a stylesheet loads, and nothing that only sits in a comment or a string', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cssPiece(i)))),
        (pieces) => {
          const css = pieces.map((p) => p.css).join('\n');
          const found = new Set(cssLoads(css).map((l) => hostOf(l.url)));
          const expected = new Set(pieces.flatMap((p) => p.loads));
          for (const host of expected) expect(found, css).toContain(host);
          for (const host of found) expect(expected, css).toContain(host);
        },
      ),
      opts,
    );
  });
});

/** A character as XML may spell it: itself, or a decimal or hexadecimal character reference. */
const xmlChar = (c: string) =>
  fc.constantFrom(
    c,
    `&#${c.codePointAt(0)};`,
    `&#x${c.codePointAt(0)!.toString(16)};`,
    `&#X${c.codePointAt(0)!.toString(16).toUpperCase()};`,
  );
const spelled = (text: string) => fc.tuple(...[...text].map(xmlChar)).map((cs) => cs.join(''));
const SVG = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}<rect width="1" height="1"/></svg>`;

describe('the SVG reader', () => {
  const dangerous = fc.oneof(
    fc
      .constantFrom(
        'http://e.test/x.png',
        'https://e.test/x',
        'ftp://e.test/x',
        'file:///etc/x',
        'javascript:alert(1)',
        '/etc/x.png',
        '../x.png',
      )
      .chain(spelled)
      .chain((url) =>
        fc.constantFrom(
          `<image href="${url}"/>`,
          `<use xlink:href="${url}"/>`,
          `<a href="${url}"><rect/></a>`,
          `<rect style="fill:url(${url})"/>`,
          `<style>rect{fill:url(${url})}</style>`,
        ),
      ),
    fc.constantFrom('onload', 'onclick', 'ONmouseover').map((on) => `<rect ${on}="x()"/>`),
    fc.constantFrom(
      '<script>x()</script>',
      '<foreignObject/>',
      '<set attributeName="href" to="javascript:x()"/>',
    ),
  );
  it('refuses a reference, a handler or a script however it is spelled, and never one in a comment', () => {
    fc.assert(
      fc.property(dangerous, fc.constantFrom('', '<g/>', '<!-- note -->'), (bad, around) => {
        expect(svgDanger(SVG(`${around}${bad}${around}`)), bad).toBeDefined();
        expect(svgDanger(SVG(`<!--${bad.replace(/--/g, '')}-->${around}`)), bad).toBeUndefined();
      }),
      opts,
    );
  });
});
