import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ch, edit, type Case } from './case.js';

/**
 * Round three of the catalogue (issue 24, sections 2 and 3): stylesheets are read by a CSS
 * tokenizer and SVGs by an XML parser, so a comment marker inside a string hides no url(), a
 * commented-out @import is no load, and an entity-encoded scheme is the scheme it spells. Each
 * case failed on the regex checks these replace (exit 0 where 3 is right, or 3 where 0 is).
 */
const slide = (deck: string, text: string) =>
  edit(ch(deck, '02-speaking.md'), (t) => t.replace('## 表达两原则', `${text}\n\n## 表达两原则`));
/** `"/*"` and `"*\/"` in strings: a regex that strips comments first removes everything between. */
const hidden = (css: string) => `h2::before{content:"/*"}\n${css}\nh2::after{content:"*/"}`;
const theme = (deck: string, css: string) => {
  edit(ch(deck, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
  writeFileSync(ch(deck, 'brand.css'), `/* @theme brand */\n@import 'default';\n${css}\n`);
};
/** Puts an SVG where the fixture shows assets/dot.png (01-listening.md:28). */
const svg = (deck: string, body: string, head = '') => {
  writeFileSync(
    ch(deck, 'assets/pic.svg'),
    `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${body}</svg>`,
  );
  edit(ch(deck, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/pic.svg'));
};
const svgRefused = (name: string, body: string, message: string, head = ''): Case => ({
  name,
  change: (d) => svg(d, body, head),
  code: 3,
  stderr: new RegExp(`01-listening\\.md:28: error: image assets/pic\\.svg ${message}`),
});

export const roundThreeParsers: Case[] = [
  // CSS: the probe's reproductions.
  {
    name: 'slide <style>: url(ht\\74p:…) between content:"/*" and content:"*/" (html,share)',
    change: (d) =>
      slide(
        d,
        `<style>\n${hidden('section { background-image: url(ht\\74p://example.com/x.png); }')}\n</style>`,
      ),
    args: (d, o) => ['build', d, '--out', o, '--format', 'html,share'],
    code: 3,
    // The line of the slide that spells it, not deck.md:1.
    stderr: /02-speaking\.md:8: error: slide loads http:\/\/example\.com\/x\.png/,
  },
  {
    name: 'slide <style>: @font-face and image-set() hidden by "/*" strings',
    change: (d) =>
      slide(
        d,
        `<style>\n${hidden(
          "@font-face { font-family: f; src: url('http://example.com/f.woff2'); }\nsection { background: image-set('http://example.com/i.png' 1x); }",
        )}\n</style>`,
      ),
    code: 3,
    stderr:
      /02-speaking\.md:8: error: slide loads http:\/\/example\.com\/f\.woff2[\s\S]*02-speaking\.md:9: error: slide loads http:\/\/example\.com\/i\.png/,
  },
  {
    name: 'slide <style>: url(file:///…) of a file outside the deck, hidden by "/*" strings',
    change: (d, dir) =>
      slide(d, `<style>\n${hidden(`section { background: url(file://${dir}/secret.png); }`)}\n</style>`),
    code: 3,
    stderr: /02-speaking\.md:8: error: slide loads file:\/\/\/.*\/secret\.png/,
  },
  {
    name: 'custom theme: \\75rl(http…) hidden by "/*" strings',
    change: (d) => theme(d, hidden('section { background: \\75rl(http://example.com/t.png); }')),
    code: 3,
    stderr: /brand\.css:4: theme brand\.css loads http:\/\/example\.com\/t\.png/,
  },
  // CSS: what only looks like a load builds (a false positive real Marp decks hit).
  {
    name: 'slide <style> with a commented-out @import and url()',
    change: (d) =>
      slide(
        d,
        "<style>\n/* @import url('https://fonts.example.com/x.css'); */\nsection { color: #123456; /* background: url(http://example.com/old.png) */ }\n</style>",
      ),
    code: 0,
    html: (h) => {
      expect(h).toContain('#123456');
      expect(h).not.toMatch(/<link[^>]+fonts\.example\.com/);
    },
  },
  {
    name: 'custom theme with a commented-out @import',
    change: (d) =>
      theme(d, "/* @import 'https://fonts.example.com/brand.css'; */\nsection { color: #654321; }"),
    code: 0,
    html: (h) => expect(h).toContain('#654321'),
  },
  {
    name: 'a code block and prose that mention @import and url()',
    change: (d) =>
      slide(
        d,
        "用 `@import` 引入样式：\n\n```css\n@import 'theme.css';\nh1 { background: url(http://example.com/b.png); }\n```",
      ),
    code: 0,
    html: (h) => expect(h).toContain('theme.css'),
  },
  {
    name: 'a url() inside a CSS string is no load',
    change: (d) => slide(d, '<style>h2::before { content: "url(http://example.com/s.png) "; }</style>'),
    code: 0,
    html: (h) => expect(h).toContain('content:"url(http://example.com/s.png) "'),
  },
  // SVG: the probe's reproductions, and the same mechanism in other places.
  {
    // As the probe wrote it: the handler after the `/` of the start tag, where `\son…=` missed it.
    name: 'SVG <svg …/onload=…> (no space before the handler)',
    change: (d) => {
      writeFileSync(
        ch(d, 'assets/pic.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"/onload="alert(1)"><rect width="5" height="5"/></svg>',
      );
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/pic.svg'));
    },
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/pic\.svg is not well-formed XML/,
  },
  svgRefused(
    'SVG href="jav&#x61;script:…"',
    '<a href="jav&#x61;script:alert(1)"><rect width="5" height="5"/></a>',
    'holds a javascript: link',
  ),
  svgRefused(
    'SVG <image href="h&#x74;tp:…">',
    '<image href="h&#x74;tp://example.com/e.png" width="5" height="5"/>',
    'loads http://example\\.com/e\\.png',
  ),
  svgRefused(
    'SVG <style> url(h&#x74;tp:…)',
    '<style>rect { fill: url(h&#x74;tp://example.com/s.svg#p); }</style><rect width="5" height="5"/>',
    'its <style> loads http://example\\.com/s\\.svg#p',
  ),
  svgRefused(
    'SVG xlink:href to file:',
    '<image xlink:href="file:///etc/hostname" width="5" height="5"/>',
    'loads file:///etc/hostname',
  ),
  svgRefused(
    'SVG href to ftp:',
    '<image href="ftp://example.com/f.png" width="5" height="5"/>',
    'loads ftp://example\\.com/f\\.png',
  ),
  svgRefused('SVG href to an absolute path', '<use href="/etc/x.svg#a"/>', 'loads /etc/x\\.svg#a'),
  svgRefused(
    'SVG href to ../',
    '<image href="../../secret.png" width="5" height="5"/>',
    'loads \\.\\./\\.\\./secret\\.png',
  ),
  svgRefused(
    'SVG <foreignObject>',
    '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
    'holds a <foreignObject>',
  ),
  svgRefused(
    'SVG presentation attribute filter="url(http…)"',
    '<rect width="5" height="5" filter="url(&#104;ttp://example.com/f.svg#f)"/>',
    'its filter attribute loads http://example\\.com/f\\.svg#f',
  ),
  svgRefused('SVG cut off mid-element', '<rect width="5" height="5"', 'is not well-formed XML'),
  // SVG: comments and fragments are not references.
  {
    name: 'SVG whose only script is in a comment, with fragment references',
    change: (d) =>
      svg(
        d,
        '<!-- <script>alert(1)</script> <image href="http://example.com/c.png"/> --><defs><linearGradient id="g"><stop offset="0" stop-color="#0a0"/></linearGradient></defs><rect id="r" width="5" height="5" fill="url(#g)"/><use href="#r" x="5"/>',
      ),
    code: 0,
    html: (h) => expect(h).toContain('data:image/svg+xml'),
  },
];
