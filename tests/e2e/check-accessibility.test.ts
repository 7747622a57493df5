import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// `check`'s accessibility findings, measured on the rendered slides in Chromium: a picture
// without alt text, text too faint against its background (WCAG 2.1 AA: 4.5:1, 3:1 for large
// text), and a brand colour of deck.md that makes the theme's text too faint. The course and
// the layouts deck are held to no warnings at all by cli.test.ts and layouts.test.ts.

interface Finding {
  code: string;
  severity: string;
  file: string;
  line?: number;
  message: string;
}

const A11Y = ['image-alt', 'low-contrast', 'brand-contrast'];

function galleryCopy(edit: (file: string, text: string) => string): string {
  const deck = join(tempDir('lectern-a11y-check-'), 'gallery');
  cpSync(join(FIXTURES, 'gallery'), deck, { recursive: true });
  for (const name of ['deck.md', '01-pictures.md', '02-writing.md']) {
    const file = join(deck, name);
    writeFileSync(file, edit(name, readFileSync(file, 'utf8')));
  }
  return deck;
}

function check(deck: string): Finding[] {
  const r = lectern(['check', deck, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => A11Y.includes(f.code));
}

const lineOf = (deck: string, name: string, text: string) =>
  readFileSync(join(deck, name), 'utf8').split('\n').indexOf(text) + 1;

describe('check: accessibility findings', () => {
  it('the gallery as it is has none', () => {
    expect(check(join(FIXTURES, 'gallery'))).toEqual([]);
  });

  it('names a picture without alt text and a faint span in a gallery copy, each at its line', () => {
    const faint = '<span class="faint">浅灰色的补充说明</span>';
    const deck = galleryCopy((name, text) =>
      name === '01-pictures.md'
        ? text.replace('![w:400 本季度回款柱状图]', '![w:400]')
        : name === '02-writing.md'
          ? text.replace(
              '通话结束后用 `记录模板` 写清结果。',
              `通话结束后用 \`记录模板\` 写清结果。\n\n<style scoped>span.faint { color: #b8c0c8; }</style>\n\n${faint}`,
            )
          : text,
    );
    const findings = check(deck);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'image-alt',
        severity: 'warning',
        file: expect.stringMatching(/gallery\/01-pictures\.md$/),
        line: lineOf(deck, '01-pictures.md', '![w:400](assets/chart.png)'),
      }),
      expect.objectContaining({
        code: 'low-contrast',
        severity: 'warning',
        file: expect.stringMatching(/gallery\/02-writing\.md$/),
        line: lineOf(deck, '02-writing.md', faint),
        // #b8c0c8 on white, body text (28 px: large, so 3:1 is the bar).
        message: expect.stringMatching(/"浅灰色的补充说明" is 1\.\d:1 .*#b8c0c8 on #ffffff.*needs 3:1/),
      }),
    ]);
  });

  it('names brand colours that are too faint on the slides at their deck.md lines', () => {
    const deck = galleryCopy((name, text) =>
      name === 'deck.md'
        ? text.replace(
            'organization: 培训中心\n',
            'organization: 培训中心\nbrand:\n  primary: "#8ab4f8"\n  accent: "#ffe066"\n',
          )
        : text,
    );
    const findings = check(deck);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'brand-contrast',
        file: expect.stringMatching(/gallery\/deck\.md$/),
        line: lineOf(deck, 'deck.md', '  primary: "#8ab4f8"'),
        message: expect.stringContaining('brand.primary #8ab4f8'),
      }),
      expect.objectContaining({
        code: 'brand-contrast',
        file: expect.stringMatching(/gallery\/deck\.md$/),
        line: lineOf(deck, 'deck.md', '  accent: "#ffe066"'),
        message: expect.stringContaining('brand.accent #ffe066'),
      }),
    ]);
  });
});
