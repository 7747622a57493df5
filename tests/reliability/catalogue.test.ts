import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lectern, treeHash } from '../helpers/cli.js';
import { PNG_HEAD, ch, edit, type Case } from './case.js';
import { fuzzFound, roundTwo, roundTwoFiles } from './round-two.js';
import { roundThreePictures } from './round-three-pictures.js';
import { roundThree } from './round-three.js';
import { roundThreeParsers } from './round-three-parsers.js';
import { roundFourTemplates } from './round-four-templates.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The reliability catalogue: bad sources, valid but unusual decks, untrusted markdown. Each
 * case starts from a copy of the valid fixture, changes it, runs the built CLI and asserts the
 * exit code, the message, that no stack trace is shown, that nothing half-written is left and
 * that the sources are untouched. Faults (browser, signals, parallel builds) are in faults.test.ts.
 */
const cases: Case[] = [
  ...roundTwo,
  ...roundTwoFiles,
  ...fuzzFound,
  ...roundThreePictures,
  ...roundThree,
  ...roundThreeParsers,
  ...roundFourTemplates,
  // Bad sources: exit 3, file:line, hint, nothing written.
  {
    name: 'invalid YAML',
    change: (d) => edit(ch(d, '01-listening.md'), (t) => t.replace('minutes: 10', 'minutes: : 10')),
    code: 3,
    stderr: /01-listening\.md:3: error: front matter is not valid YAML/,
  },
  {
    name: 'front matter never closed',
    change: (d) => edit(ch(d, '02-speaking.md'), (t) => t.replace('---\n\n## 表达两原则', '\n## 表达两原则')),
    code: 3,
    stderr: /02-speaking\.md:1: error: front matter starts with --- but is never closed/,
  },
  {
    name: 'missing chapter number',
    change: (d) => rmSync(ch(d, '02-speaking.md')),
    code: 3,
    stderr: /02 is missing: expected 02-<slug>\.md between 01-listening\.md and 03-review\.md/,
  },
  {
    name: 'duplicate chapter number',
    change: (d) => cpSync(ch(d, '01-listening.md'), ch(d, '01-again.md')),
    code: 3,
    stderr: /01-listening\.md:1: error: chapter 01 is defined twice/,
  },
  {
    name: 'extra chapter number',
    change: (d) => cpSync(ch(d, '03-review.md'), ch(d, '05-more.md')),
    code: 3,
    stderr: /05-more\.md:1: error: chapter 05 is outside the outline/,
  },
  {
    name: 'chapter 00',
    change: (d) => cpSync(ch(d, '03-review.md'), ch(d, '00-intro.md')),
    code: 3,
    stderr: /00-intro\.md:1: error: chapter 00 is outside the outline[\s\S]*chapters start at 01/,
  },
  {
    name: 'missing closing review',
    change: (d) => rmSync(ch(d, '03-review.md')),
    code: 3,
    stderr: /03 \(the closing review\) is missing/,
  },
  {
    name: 'missing deck.md',
    change: (d) => rmSync(ch(d, 'deck.md')),
    code: 3,
    stderr: /deck\.md: error: deck\.md is missing/,
  },
  {
    name: 'missing deck title',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('title: 沟通技巧训练营\n', '')),
    code: 3,
    stderr: /deck\.md:1: error: deck\.md has no title/,
  },
  {
    name: 'chapter without title',
    change: (d) => edit(ch(d, '02-speaking.md'), (t) => t.replace('title: 清晰表达\n', '')),
    code: 3,
    stderr: /02-speaking\.md:1: error: chapter has no title/,
  },
  {
    name: 'empty chapter',
    change: (d) => writeFileSync(ch(d, '02-speaking.md'), '---\ntitle: 清晰表达\n---\n'),
    code: 3,
    stderr: /02-speaking\.md:4: error: chapter has no slides/,
  },
  {
    name: 'chapters is not a number',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: two')),
    code: 3,
    stderr: /deck\.md:\d+: error: chapters must be a whole number from 1 to 98, not "two"/,
  },
  {
    name: 'minutes is text',
    change: (d) => edit(ch(d, '01-listening.md'), (t) => t.replace('minutes: 10', 'minutes: ten')),
    code: 3,
    stderr: /01-listening\.md:3: error: minutes must be a positive number of minutes, not "ten"/,
  },
  {
    name: 'title is a list',
    change: (d) =>
      edit(ch(d, '01-listening.md'), (t) => t.replace('title: 倾听的力量', 'title: [倾听, 力量]')),
    code: 3,
    stderr: /01-listening\.md:2: error: title must be text, not a list/,
  },
  {
    name: 'brand colour is not a colour',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('"#7a1f3d"', '"red; } body { display:none"')),
    code: 3,
    stderr: /deck\.md:\d+: error: brand\.primary is not a colour/,
  },
  {
    name: 'GBK-encoded chapter',
    change: (d) =>
      writeFileSync(
        ch(d, '02-speaking.md'),
        Buffer.concat([
          Buffer.from('---\ntitle: '),
          Buffer.from('b5dad2bbd5c2', 'hex'),
          Buffer.from('\n---\n\n## x\n'),
        ]),
      ),
    code: 3,
    stderr: /02-speaking\.md:2: error: is not UTF-8 text \(it looks like GBK/,
  },
  {
    name: 'binary file as a chapter',
    change: (d) => writeFileSync(ch(d, '02-speaking.md'), Buffer.concat([PNG_HEAD, Buffer.alloc(64)])),
    code: 3,
    stderr: /02-speaking\.md:1: error: is a binary file, not markdown text/,
  },
  {
    name: 'image missing',
    change: (d) => rmSync(ch(d, 'assets/dot.png')),
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/dot\.png does not exist/,
  },
  {
    name: 'image is not an image',
    change: (d) => writeFileSync(ch(d, 'assets/dot.png'), 'just text'),
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/dot\.png is not a PNG, JPEG, GIF, WebP or SVG image/,
  },
  {
    name: 'image outside the deck',
    change: (d) =>
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', '../../../../../etc/passwd')),
    code: 3,
    stderr:
      /01-listening\.md:28: error: image \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd lies outside the deck folder/,
  },
  {
    name: 'absolute image path',
    change: (d) => edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', '/etc/passwd')),
    code: 3,
    stderr: /01-listening\.md:28: error: image \/etc\/passwd lies outside the deck folder/,
  },
  {
    name: 'symlink in assets pointing outside',
    change: (d, dir) => {
      writeFileSync(join(dir, 'secret.png'), PNG_HEAD);
      symlinkSync(join(dir, 'secret.png'), ch(d, 'assets/link.png'));
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/link.png'));
    },
    code: 3,
    stderr: /01-listening\.md:28: error: image assets\/link\.png links to a file outside the deck folder/,
  },
  {
    name: 'image on the web',
    change: (d) =>
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'https://example.com/a.png')),
    code: 3,
    stderr: /01-listening\.md:28: error: image https:\/\/example\.com\/a\.png is on the network/,
  },
  {
    name: 'stylesheet import from the web',
    change: (d) =>
      edit(ch(d, '02-speaking.md'), (t) =>
        t.replace(
          '## 表达两原则',
          "<style>@import url('https://example.com/x.css');</style>\n\n## 表达两原则",
        ),
      ),
    code: 3,
    stderr: /02-speaking\.md:6: error: slide loads https:\/\/example\.com\/x\.css/,
  },
  {
    name: 'unknown theme',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: glitter')),
    code: 3,
    stderr: /deck\.md:\d+: unknown theme "glitter"/,
  },
  {
    name: 'deck path is a file',
    change: () => undefined,
    args: (d, o) => ['build', join(d, 'deck.md'), '--out', o, '--format', 'html'],
    code: 3,
    stderr: /is a file, not a deck folder/,
  },
  {
    name: 'output path is a file',
    change: (_d, dir) => writeFileSync(join(dir, 'taken'), 'keep'),
    args: (d, o) => ['build', d, '--out', join(o, '..', 'taken'), '--format', 'html'],
    code: 4,
    stderr: /output path .*taken is a file/,
  },
  {
    name: 'output folder cannot be created',
    change: (_d, dir) => writeFileSync(join(dir, 'plain'), 'x'),
    args: (d, o) => ['build', d, '--out', join(o, '..', 'plain', 'sub'), '--format', 'html'],
    code: 4,
    stderr: /cannot write to .*plain\/sub: ENOTDIR/,
  },
  {
    name: 'front matter in another language (---js)',
    change: (d) => writeFileSync(ch(d, '02-speaking.md'), "---js\n({ title: 'x' })\n---\n\n## x\n"),
    code: 3,
    stderr: /02-speaking\.md:1: error: front matter must be YAML/,
  },
  {
    name: 'output name is a path',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\nname: ../escape')),
    code: 3,
    stderr: /deck\.md:\d+: error: name must be a plain file name/,
  },
  {
    name: 'deck.md is a folder',
    change: (d) => {
      rmSync(ch(d, 'deck.md'));
      mkdirSync(ch(d, 'deck.md'));
    },
    code: 3,
    stderr: /deck\.md:1: error: cannot be read \(EISDIR\)/,
  },
  {
    name: 'chapter is a link to a file outside the deck',
    change: (d, dir) => {
      cpSync(ch(d, '02-speaking.md'), join(dir, 'elsewhere.md'));
      rmSync(ch(d, '02-speaking.md'));
      symlinkSync(join(dir, 'elsewhere.md'), ch(d, '02-speaking.md'));
    },
    code: 3,
    stderr: /02-speaking\.md:1: error: is a link to a file outside the deck folder/,
  },
  {
    name: 'theme outside the deck',
    change: (d, dir) => {
      writeFileSync(join(dir, 'x.css'), '/* @theme x */ section { color: red; }');
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: ../x.css'));
    },
    code: 3,
    stderr: /deck\.md:\d+: theme \.\.\/x\.css lies outside the deck folder/,
  },
  {
    name: 'output folder inside the deck',
    change: () => undefined,
    args: (d) => ['build', d, '--out', join(d, 'out'), '--format', 'html'],
    code: 4,
    stderr: /is inside the deck folder/,
  },
  {
    name: 'notes in front matter with a CSS url()',
    change: (d) =>
      edit(ch(d, 'deck.md'), (t) =>
        t.replace(
          'agendaNotes: 先介绍今天的三个部分。',
          'agendaNotes: "backgroundImage: url(https://example.com/p.png)"',
        ),
      ),
    code: 3,
    stderr: /deck\.md:\d+: error: agendaNotes holds a CSS url\(\)/,
  },
  {
    name: 'separator right under a comment and a heading',
    change: (d) =>
      edit(ch(d, '01-listening.md'), (t) =>
        t.replace('时间：约 5 分钟\n-->\n\n---', '时间：约 5 分钟\n-->\n---'),
      ),
    code: 0,
    html: (h) => expect(h.match(/<svg data-marpit-svg/g)).toHaveLength(10),
  },
  {
    name: 'unknown format',
    change: () => undefined,
    args: (d, o) => ['build', d, '--out', o, '--format', 'docx'],
    code: 2,
    stderr: /unknown format docx/,
  },

  // Valid but unusual: must build.
  {
    name: 'UTF-8 BOM',
    change: (d) =>
      writeFileSync(
        ch(d, '02-speaking.md'),
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(ch(d, '02-speaking.md'))]),
      ),
    code: 0,
    html: (h) => expect(h).toContain('表达两原则'),
  },
  {
    name: 'CRLF line endings',
    change: (d) => edit(ch(d, '01-listening.md'), (t) => t.replace(/\n/g, '\r\n')),
    code: 0,
    html: (h) => expect(h).toContain('倾听三要点'),
  },
  {
    name: 'backslashes in an image link',
    change: (d) => edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets\\dot.png')),
    code: 0,
    html: (h) => expect(h).toContain('data:image/png;base64,'),
  },
  {
    name: 'empty notes',
    change: (d) =>
      edit(ch(d, '02-speaking.md'), (t) => t.replace('<!-- 强调准确性，时间：约 12 分钟 -->', '<!-- -->')),
    code: 0,
    stderr: /02-speaking\.md:6: warning: slide has no speaker notes/,
  },
  {
    name: 'emoji and rare CJK',
    change: (d) =>
      edit(ch(d, '02-speaking.md'), (t) => t.replace('用短句说清要点。', '用短句说清要点 🎯 𠮷野家。')),
    code: 0,
    // (The last two characters keep a line in a span: last-line-keep.ts.)
    html: (h) => expect(h.replace(/<\/?span[^>]*>/g, '')).toContain('🎯 𠮷野家'),
  },
  {
    name: 'one chapter of 40 slides',
    change: (d) =>
      writeFileSync(
        ch(d, '02-speaking.md'),
        `---\ntitle: 清晰表达\n---\n\n${Array.from({ length: 40 }, (_, i) => `## 第 ${i + 1} 页\n\n- 要点\n\n<!-- 备注 ${i + 1} -->`).join('\n\n---\n\n')}\n`,
      ),
    code: 0,
    html: (h) => expect(h.match(/<svg data-marpit-svg/g)).toHaveLength(10 - 1 + 40),
  },
  {
    name: 'very long line',
    change: (d) =>
      edit(ch(d, '02-speaking.md'), (t) => t.replace('用短句说清要点。', `${'长'.repeat(200_000)}。`)),
    code: 0,
    html: (h) => expect(h.length).toBeGreaterThan(200_000),
  },
];

describe('reliability catalogue', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('lectern-rel-');
    const deck = join(dir, c.deckPath ?? 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    c.change(deck, dir);
    const before = treeHash(deck);
    const out = join(dir, 'out');
    // A failed build writes nothing: an output folder that existed stays as it was.
    const outBefore = existsSync(out) ? treeHash(out) : undefined;
    const r = lectern(c.args ? c.args(deck, out) : ['build', deck, '--out', out, '--format', 'html'], {
      env: c.env?.(dir),
    });
    expect(r.code, r.stderr).toBe(c.code);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(treeHash(deck)).toBe(before);
    if (c.code === 0) {
      const html = readFileSync(join(out, 'deck.html'), 'utf8');
      c.html?.(html);
      await c.outputs?.(out);
    } else {
      expect(r.stderr).toMatch(/hint: /);
      if (outBefore === undefined) expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      else expect(treeHash(out)).toBe(outBefore);
    }
  });

  it('never reads a file outside the deck into an output', () => {
    const dir = tempDir('lectern-rel-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const secret = join(dir, 'secret.svg');
    writeFileSync(secret, '<svg xmlns="http://www.w3.org/2000/svg"><text>TOP-SECRET-1234</text></svg>');
    edit(ch(deck, '01-listening.md'), (t) => t.replace('assets/dot.png', '../secret.svg'));
    const r = lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'html']);
    expect(r.code).toBe(3);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('never runs front matter as code', () => {
    const dir = tempDir('lectern-rel-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const marker = join(dir, 'ran');
    writeFileSync(
      join(deck, '02-speaking.md'),
      `---js\n({ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'x') })\n---\n\n## x\n`,
    );
    expect(lectern(['check', deck]).code).toBe(3);
    expect(lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'html']).code).toBe(3);
    expect(existsSync(marker)).toBe(false);
  });

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});
