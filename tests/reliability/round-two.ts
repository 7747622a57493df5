import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ch, edit, type Case } from './case.js';

/**
 * Round two of the catalogue: what an adversarial probe got past round one. Addresses are
 * decided from the rendered slides, so every spelling of a URL is caught, at its file:line.
 */
const slide = (deck: string, text: string) => edit(ch(deck, '02-speaking.md'), (t) => t.replace('## 表达两原则', `${text}\n\n## 表达两原则`));
const refused = (what: string, text: string, line: number | string = '\\d+', message = 'loads'): Case => ({
  name: what,
  change: (d) => slide(d, text),
  code: 3,
  stderr: new RegExp(`02-speaking\\.md:${line}: error: .*${message}`),
});

export const roundTwo: Case[] = [
  refused('MathJax \\href to javascript:', '$\\href{javascript:alert(1)}{点我}$', 6, 'links to javascript:alert\\(1\\)'),
  refused('MathJax \\style with image-set()', '$\\style{background:image-set("http://example.com/m.png" 1x)}{y}$', 6, 'loads http://example\\.com/m\\.png'),
  refused('reference-style image on the web', '![r][ref]\n\n[ref]: http://example.com/r.png', 8, 'loads http://example\\.com/r\\.png'),
  refused('image in <> with a space', '![](<http://example.com/ a.png>)', 6, '(loads|is on the network)'),
  refused('unquoted <img src>', '<img src=http://example.com/u.png>', 6, 'loads http://example\\.com/u\\.png'),
  refused('<img> with src on the next line', '<img\nsrc="http://example.com/n.png">', 7, 'loads http://example\\.com/n\\.png'),
  refused('<img srcset>', '<img srcset="http://example.com/s.png 2x">', 6, 'loads http://example\\.com/s\\.png'),
  refused('<video poster> and <audio src>', '<video poster="http://example.com/p.png"></video>\n\n<audio src="http://example.com/a.mp3"></audio>', '\\d+', 'loads http://example\\.com/(p\\.png|a\\.mp3)'),
  refused('<picture><source srcset>', '<picture><source srcset="http://example.com/ps.png"></picture>', 6, 'loads http://example\\.com/ps\\.png'),
  refused('CSS image-set()', '<style>section { background: image-set("http://example.com/is.png" 1x); }</style>', 6, 'loads http://example\\.com/is\\.png'),
  refused('CSS url() with an escaped scheme', '<style>section { background: url(ht\\74p://example.com/esc.png); }</style>', 6, 'loads http://example\\.com/esc\\.png'),
  refused('CSS url( and a line break', '<style>section { background: url(\nhttp://example.com/nl.png); }</style>', '\\d+', 'loads http://example\\.com/nl\\.png'),
  refused('_backgroundImage directive with image-set()', `<!-- _backgroundImage: 'image-set("http://example.com/bi.png" 1x)' -->`, 6, 'loads http://example\\.com/bi\\.png'),
  refused('unquoted <img> of a file outside the deck', '<img src=../../../../etc/hostname>', 6, 'loads \\.\\./\\.\\./\\.\\./\\.\\./etc/hostname, which lectern did not embed'),
  {
    name: 'custom theme with an escaped \\75rl(http…)',
    change: (d) => {
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
      writeFileSync(ch(d, 'brand.css'), "/* @theme brand */\n@import 'default';\nsection { background: \\75rl(http://example.com/t.png); }\n");
    },
    code: 3,
    stderr: /deck\.md:1: error: the theme or a <style> loads http:\/\/example\.com\/t\.png/,
  },
  {
    name: 'custom theme importing a Marp theme by name',
    change: (d) => {
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
      writeFileSync(ch(d, 'brand.css'), '/* @theme brand */\n@import "gaia";\nsection { color: #123456; }\n');
    },
    code: 0,
    html: (h) => {
      expect(h).toContain('#123456');
      expect(h).not.toMatch(/fonts\.bunny\.net|fonts\.googleapis/);
    },
  },
  {
    name: 'Marp theme gaia: its web font import is dropped',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: gaia')),
    code: 0,
    html: (h) => expect(h).not.toMatch(/fonts\.bunny\.net|fonts\.googleapis/),
  },
  {
    name: 'theme CSS with a syntax error',
    change: (d) => {
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
      writeFileSync(ch(d, 'brand.css'), '/* @theme brand */\nsection { color: red;\n');
    },
    code: 3,
    stderr: /brand\.css:2: the theme's CSS is not valid: Unclosed block/,
  },
  {
    name: 'theme named lectern-deck',
    change: (d) => {
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
      writeFileSync(ch(d, 'brand.css'), '/* @theme lectern-deck */\nsection { color: red; }\n');
    },
    code: 3,
    stderr: /deck\.md:\d+: theme file brand\.css is named lectern-deck/,
  },
];
