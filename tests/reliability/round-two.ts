import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ch, edit, type Case } from './case.js';

/**
 * Round two of the catalogue: what an adversarial probe got past round one. Addresses are
 * decided from the rendered slides, so every spelling of a URL is caught, at its file:line.
 */
const slide = (deck: string, text: string) =>
  edit(ch(deck, '02-speaking.md'), (t) => t.replace('## 表达两原则', `${text}\n\n## 表达两原则`));
const refused = (what: string, text: string, line: number | string = '\\d+', message = 'loads'): Case => ({
  name: what,
  change: (d) => slide(d, text),
  code: 3,
  stderr: new RegExp(`02-speaking\\.md:${line}: error: .*${message}`),
});

export const roundTwo: Case[] = [
  refused(
    'MathJax \\href to javascript:',
    '$\\href{javascript:alert(1)}{点我}$',
    6,
    'links to javascript:alert\\(1\\)',
  ),
  refused(
    'MathJax \\style with image-set()',
    "$\\style{background:image-set('http://example.com/m.png' 1x)}{y}$",
    6,
    'loads http://example\\.com/m\\.png',
  ),
  refused(
    'reference-style image on the web',
    '![r][ref]\n\n[ref]: http://example.com/r.png',
    8,
    // The loader reads images as Marp does (reference, unquoted, multi-line): refused as images.
    '(loads|image) http://example\\.com/r\\.png',
  ),
  refused('image in <> with a space', '![](<http://example.com/ a.png>)', 6, '(loads|is on the network)'),
  refused(
    'unquoted <img src>',
    '<img src=http://example.com/u.png>',
    6,
    '(loads|image) http://example\\.com/u\\.png',
  ),
  refused(
    '<img> with src on the next line',
    '<img\nsrc="http://example.com/n.png">',
    7,
    '(loads|image) http://example\\.com/n\\.png',
  ),
  refused(
    '<img srcset>',
    '<img srcset="http://example.com/s.png 2x">',
    6,
    'loads http://example\\.com/s\\.png',
  ),
  refused(
    '<video poster> and <audio src>',
    '<video poster="http://example.com/p.png"></video>\n\n<audio src="http://example.com/a.mp3"></audio>',
    '\\d+',
    'loads http://example\\.com/(p\\.png|a\\.mp3)',
  ),
  refused(
    '<picture><source srcset>',
    '<picture><source srcset="http://example.com/ps.png"></picture>',
    6,
    'loads http://example\\.com/ps\\.png',
  ),
  refused(
    'CSS image-set()',
    '<style>section { background: image-set("http://example.com/is.png" 1x); }</style>',
    6,
    'loads http://example\\.com/is\\.png',
  ),
  refused(
    'CSS url() with an escaped scheme',
    '<style>section { background: url(ht\\74p://example.com/esc.png); }</style>',
    6,
    'loads http://example\\.com/esc\\.png',
  ),
  refused(
    'CSS url( and a line break',
    '<style>section { background: url(\nhttp://example.com/nl.png); }</style>',
    '\\d+',
    'loads http://example\\.com/nl\\.png',
  ),
  refused(
    '_backgroundImage directive with image-set()',
    `<!-- _backgroundImage: 'image-set("http://example.com/bi.png" 1x)' -->`,
    6,
    'loads http://example\\.com/bi\\.png',
  ),
  refused(
    'unquoted <img> of a file outside the deck',
    '<img src=../../../../etc/hostname>',
    6,
    '(loads|image) \\.\\./\\.\\./\\.\\./\\.\\./etc/hostname(, which lectern did not embed| lies outside the deck folder)',
  ),
  {
    name: 'custom theme with an escaped \\75rl(http…)',
    change: (d) => {
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: brand.css'));
      writeFileSync(
        ch(d, 'brand.css'),
        "/* @theme brand */\n@import 'default';\nsection { background: \\75rl(http://example.com/t.png); }\n",
      );
    },
    code: 3,
    // Read by a CSS tokenizer, the theme's own url() is refused at its line in the theme.
    stderr: /brand\.css:3: theme brand\.css loads http:\/\/example\.com\/t\.png/,
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

const deckMd = (d: string, extra: string) =>
  edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', `chapters: 2\n${extra}`));
const chapterOf = (slides: string[]) => `---\ntitle: 清晰表达\n---\n\n${slides.join('\n\n---\n\n')}\n`;

export const roundTwoFiles: Case[] = [
  // Writing into the deck folder: compare real paths.
  {
    name: 'output folder named ..out inside the deck',
    change: () => undefined,
    args: (d) => ['build', d, '--out', `${d}/..out`, '--format', 'html'],
    code: 4,
    stderr: /is inside the deck folder/,
  },
  {
    name: 'output folder through a link into the deck',
    change: (d, dir) => symlinkSync(d, join(dir, 'link')),
    args: (_d, o) => [
      'build',
      join(o, '..', 'deck'),
      '--out',
      join(o, '..', 'link', 'out'),
      '--format',
      'html',
    ],
    code: 4,
    stderr: /is inside the deck folder/,
  },
  {
    name: 'deck folder that is itself a link, output into its target',
    change: (d, dir) => symlinkSync(d, join(dir, 'decklink')),
    args: (d, o) => ['build', join(o, '..', 'decklink'), '--out', join(d, 'out'), '--format', 'html'],
    code: 4,
    stderr: /is inside the deck folder/,
  },
  // Reading outside the deck, link cycles, FIFOs.
  {
    name: 'deck.md is a link to a file outside the deck',
    change: (d, dir) => {
      renameSync(ch(d, 'deck.md'), join(dir, 'deck-elsewhere.md'));
      symlinkSync(join(dir, 'deck-elsewhere.md'), ch(d, 'deck.md'));
    },
    code: 3,
    stderr: /deck\.md:1: error: is a link to a file outside the deck folder/,
  },
  {
    name: 'link cycles and a link to a huge folder in the deck',
    change: (d) => {
      symlinkSync('.', ch(d, 'assets/loop'));
      symlinkSync(d, ch(d, 'self'));
      symlinkSync('/usr', ch(d, 'assets/usr'));
    },
    code: 0,
    html: (h) => expect(h).toContain('表达两原则'),
  },
  {
    name: 'a FIFO as a chapter',
    change: (d) => {
      rmSync(ch(d, '02-speaking.md'));
      execFileSync('mkfifo', [ch(d, '02-speaking.md')]);
    },
    code: 3,
    stderr: /02-speaking\.md:1: error: is not a regular file \(a FIFO, socket or device\)/,
  },
  {
    name: 'a FIFO as an image',
    change: (d) => {
      rmSync(ch(d, 'assets/dot.png'));
      execFileSync('mkfifo', [ch(d, 'assets/dot.png')]);
    },
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/dot\.png is not a readable file/,
  },
  // A chapter cannot change the whole deck.
  refused(
    '<!-- theme: … --> in a chapter',
    '<!-- theme: gaia -->',
    6,
    '<!-- theme: … --> in a chapter would change the whole deck',
  ),
  refused(
    '<!-- style: … --> in a chapter',
    '<!--\nstyle: |\n  section { background: red; }\n-->',
    6,
    '<!-- style: … --> in a chapter would change the whole deck',
  ),
  // Names that are not file names.
  {
    name: 'name with a NUL',
    change: (d) => deckMd(d, 'name: "a\\0b"'),
    code: 3,
    stderr: /deck\.md:\d+: error: name must be a plain file name.*control character/,
  },
  {
    name: 'name with a line break',
    change: (d) => deckMd(d, 'name: "a\\nb"'),
    code: 3,
    stderr: /deck\.md:\d+: error: name must be a plain file name.*line break/,
  },
  {
    name: 'name with a right-to-left override',
    change: (d) => deckMd(d, 'name: "deck\\u202Efdp.exe"'),
    code: 3,
    stderr: /deck\.md:\d+: error: name must be a plain file name.*text-direction/,
  },
  {
    name: 'name of 300 characters',
    change: (d) => deckMd(d, `name: ${'n'.repeat(300)}`),
    code: 3,
    stderr: /deck\.md:\d+: error: name must be a plain file name.*longer than 100/,
  },
  // Sizes: stop early with the limit, never exit 1 or run out of memory.
  {
    name: 'a slide of 50,000 paragraphs',
    change: (d) =>
      writeFileSync(
        ch(d, '02-speaking.md'),
        chapterOf([`## 长页\n\n${Array.from({ length: 50_000 }, (_, i) => `段落 ${i}`).join('\n\n')}`]),
      ),
    code: 3,
    stderr: /02-speaking\.md:5: error: slide has 100001 lines \(at most 5000\)/,
  },
  {
    name: 'a chapter of 9 MB',
    change: (d) =>
      writeFileSync(ch(d, '02-speaking.md'), chapterOf([`## 大\n\n${'字'.repeat(3 * 1024 * 1024)}`])),
    code: 3,
    stderr: /02-speaking\.md:1: error: is 9\.0 MB \(at most 8 MB\)/,
  },
  {
    name: 'a deck of 450 slides',
    change: (d) =>
      writeFileSync(
        ch(d, '02-speaking.md'),
        chapterOf(Array.from({ length: 450 }, (_, i) => `## 第 ${i} 页\n\n<!-- 备注 -->`)),
      ),
    code: 3,
    stderr: /02-speaking\.md:\d+: error: the deck passes 400 slides in this chapter/,
  },
  // Environment and slides Marp reads differently.
  {
    name: 'CHROME_PATH is a folder',
    change: () => undefined,
    args: (d, o) => ['build', d, '--out', o, '--format', 'pdf'],
    env: (dir) => ({ CHROME_PATH: dir }),
    code: 5,
    stderr: /CHROME_PATH points at .*, which is not an executable browser/,
  },
  {
    name: 'LECTERN_BROWSER_TIMEOUT_MS is not a number',
    change: () => undefined,
    args: (d, o) => ['build', d, '--out', o, '--format', 'pdf'],
    env: () => ({ LECTERN_BROWSER_TIMEOUT_MS: 'abc' }),
    code: 2,
    stderr: /LECTERN_BROWSER_TIMEOUT_MS must be a whole number of milliseconds/,
  },
  {
    name: 'unclosed comment swallowing a separator',
    change: (d) => slide(d, '<!-- 未闭合的注释\n\n---\n'),
    code: 3,
    // The loader reads the chapter as Marp does, so it sees the comment swallow the rest.
    stderr: /02-speaking\.md:6: error: an HTML comment \(<!--\) opened here is not closed before the next/,
  },
  // Images that are not whole, and SVGs with code.
  {
    name: 'truncated PNG',
    change: (d) =>
      writeFileSync(ch(d, 'assets/dot.png'), readFileSync(ch(d, 'assets/dot.png')).subarray(0, 40)),
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/dot\.png is truncated/,
  },
  {
    name: 'corrupt JPEG with a valid header',
    change: (d) => {
      writeFileSync(
        ch(d, 'assets/photo.jpg'),
        Buffer.concat([
          Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
          Buffer.alloc(200, 0x41),
        ]),
      );
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/photo.jpg'));
    },
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/photo\.jpg is damaged/,
  },
  {
    name: 'SVG with a script',
    change: (d) => {
      writeFileSync(
        ch(d, 'assets/evil.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>',
      );
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/evil.svg'));
    },
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/evil\.svg holds a script/,
  },
];

/** Failures the fuzzer found (tests/reliability/fuzz.test.ts), kept as cases. */
export const fuzzFound: Case[] = [
  {
    // seed -1497938854: MathJax printed a TypeError stack trace for math it could not parse.
    name: 'math holding a C1 control or a private-use character',
    change: (d) =>
      slide(d, '$x\u0085$ and $$<img src="assets/dot.png">\n\ufeff\u{F464C}<!-- paginate: false -->\n\n'),
    code: 0,
    stderr: /^(?![\s\S]*(TypeError|MathJax))/,
  },
];

fuzzFound.push({
  // Found by the body fuzzer: `---` right under a setext underline (`----`) is a separator for
  // Marp, but lectern read it as a second underline and saw one slide fewer.
  name: 'separator right under a setext heading underline',
  change: (d) => slide(d, '要点\n----\n---\n'),
  code: 0,
  html: (h) => expect(h.match(/<svg data-marpit-svg/g)).toHaveLength(11),
});
