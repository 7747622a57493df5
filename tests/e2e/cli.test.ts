import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lectern, treeHash } from '../helpers/cli.js';
import { fixtureDeck } from '../helpers/fixture-decks.js';
import { pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const tmp = () => tempDir('lectern-cli-');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe('lectern build refuses bad input', () => {
  it.each([
    [
      'missing-chapter',
      /missing-chapter\/02-<slug>\.md: error: 02 is missing: expected 02-<slug>\.md between 01-listening\.md and 03-review\.md/,
    ],
    // The unclosed [ is on line 3.
    ['bad-yaml', /bad-yaml\/02-speaking\.md:3: error: front matter is not valid YAML/],
    ['not-utf8', /not-utf8\/02-speaking\.md:2: error: is not UTF-8 text/],
    [
      'image-outside',
      /image-outside\/01-listening\.md:28: error: image \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd lies outside the deck folder/,
    ],
  ] as const)(
    '%s: one line with file:line and a hint, exit 3, no stack, nothing written',
    (fixture, message) => {
      const out = join(tmp(), 'out');
      const deck = fixtureDeck(fixture);
      const before = treeHash(deck);
      const r = lectern(['build', fixture, '--out', out], { cwd: dirname(deck) });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/hint: /);
      expect(r.stderr).toMatch(/nothing was written/);
      noStack(r.stderr);
      expect(existsSync(out)).toBe(false);
      expect(treeHash(deck)).toBe(before);
    },
  );

  it('says so when the deck path is a file or does not exist', () => {
    const asFile = lectern(['build', 'tests/fixtures/valid/deck.md', '--out', join(tmp(), 'o')]);
    expect(asFile.code).toBe(3);
    expect(asFile.stderr).toMatch(/is a file, not a deck folder/);
    const missing = lectern(['build', 'no/such/deck', '--out', join(tmp(), 'o')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/deck folder no\/such\/deck does not exist/);
  });

  it('rejects an unknown format with a usage error', () => {
    const r = lectern(['build', 'tests/fixtures/valid', '--format', 'html,docx', '--out', join(tmp(), 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format docx/);
  });

  it('refuses an output path that is a file', () => {
    const file = join(tmp(), 'taken');
    writeFileSync(file, 'keep me');
    const r = lectern(['build', 'tests/fixtures/valid', '--format', 'html', '--out', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/output path .* is a file/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('exits 5 with install advice when no browser is found, and keeps the previous outputs whole', () => {
    const out = tmp();
    expect(lectern(['build', 'tests/fixtures/valid', '--format', 'html', '--out', out]).code).toBe(0);
    const html = join(out, 'valid.html');
    const before = { bytes: readFileSync(html), mtime: statSync(html).mtimeMs };
    const r = lectern(['build', 'tests/fixtures/valid', '--out', out], {
      env: { CHROME_PATH: '/nonexistent/chrome' },
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    noStack(r.stderr);
    expect(readFileSync(html).equals(before.bytes)).toBe(true);
    expect(statSync(html).mtimeMs).toBe(before.mtime);
    expect(existsSync(join(out, 'valid.pdf'))).toBe(false);
  });
});

describe('lectern check', () => {
  it('reports an overflowing slide with its file and line, as text and as JSON', () => {
    const text = lectern(['check', 'tests/fixtures/overflow']);
    expect(text.code).toBe(3);
    expect(text.stderr).toMatch(
      /tests\/fixtures\/overflow\/01-too-long\.md:14: error: slide 5 is about \d+ lines too long/,
    );
    const json = lectern(['check', 'tests/fixtures/overflow', '--json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as {
      errors: number;
      findings: { code: string; file: string; line: number; slide: number; severity: string }[];
    };
    expect(report.errors).toBe(1);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'slide-overflow',
        file: 'tests/fixtures/overflow/01-too-long.md',
        line: 14,
        slide: 5,
      }),
    );
  });

  it('warns with file and line about characters no embedded font can draw, and build refuses overflow as check does', () => {
    const dir = tmp();
    const deck = join(dir, 'rare');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const chapter = readFileSync(join(deck, '02-speaking.md'), 'utf8').replace(
      '## ',
      '## 线形文字 \u{10000} ',
    );
    writeFileSync(join(deck, '02-speaking.md'), chapter);
    const line = chapter.split('\n').findIndex((l) => l.includes('\u{10000}')) + 1;
    const r = lectern(['check', deck]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `rare/02-speaking.md:${line}: warning: slide 7 uses \u{10000} (U+10000), which no embedded font can draw`,
    );
    const build = lectern(['build', 'tests/fixtures/overflow', '--format', 'pdf', '--out', join(dir, 'out')]);
    expect(build.code).toBe(3);
    expect(build.stderr).toMatch(
      /tests\/fixtures\/overflow\/01-too-long\.md:14: error: slide 5 is about \d+ lines too long/,
    );
  });

  it('is clean on the valid fixture and on the course deck', () => {
    expect(lectern(['check', 'tests/fixtures/valid']).code).toBe(0);
    const course = lectern(['check', 'slides', '--json']);
    expect(course.code).toBe(0);
    expect(JSON.parse(course.stdout)).toMatchObject({ errors: 0, warnings: 0 });
  });
});

describe('speaker script with long notes', () => {
  it('flows long notes on to the next page instead of cutting them', () => {
    const dir = tmp();
    const deck = join(dir, 'long');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const long = Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}段：这是一段很长的讲稿，讲师需要在课堂上完整地讲出来，不能被截断。`,
    ).join('\n\n');
    const chapter = readFileSync(join(deck, '02-speaking.md'), 'utf8').replace(
      '<!-- 强调准确性，时间：约 12 分钟 -->',
      `<!--\n${long}\n最后一句：讲稿到此结束。\n-->`,
    );
    writeFileSync(join(deck, '02-speaking.md'), chapter);
    const r = lectern(['build', deck, '--format', 'script', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const text = pdfText(join(dir, 'out', 'long-script.pdf'));
    expect(text).toContain('第60段');
    expect(text).toContain('最后一句：讲稿到此结束。');
  });
});
