import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { fixtureDeck } from '../helpers/fixture-decks.js';
import { pdfLines, pdfOutline, pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The speaker script as printed (issue #25 §3): notes longer than a page go on under a
// repeated heading, page 1 holds the time plan, the closing slide's bookmark is no chapter's.

const out = tempDir('lectern-script-');
const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
};

/**
 * Notes of some two pages: numbered sentences, so a cut that loses or repeats one shows. A
 * number (S12) cannot be broken across lines, so it reads whole whatever prints beside it;
 * the sentences are not a line long, so cuts fall inside them.
 */
const SENTENCE = '倾听是沟通的起点，讲师在这里要放慢语速，请学员回想最近一次被打断的经历，再说出当时的感受。';
const LONG_ZH = Array.from({ length: 70 }, (_, i) => `S${i + 1}${SENTENCE}`);
const ZH_NOTES = [LONG_ZH.slice(0, 3).join(''), LONG_ZH.slice(3).join(''), '最后请学员两两练习复述。'];
/** A chapter divider's notes (front matter `notes:`) of over a page: its entry has the chapter heading above it. */
const DIVIDER_NOTES = Array.from(
  { length: 80 },
  (_, i) => `D${i + 1}表达要清晰，先说结论再讲理由，最后用一个例子帮学员记住要点。`,
).join('');
const EN_SENTENCE =
  'check the forks, the chains and the mast before every shift, and write down what you find.';
const EN_NOTES = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1}: ${EN_SENTENCE}`).join(' ');

const zh = join(out, 'zh-script.pdf');
const en = join(out, 'en-script.pdf');
let zhRun: ReturnType<typeof lectern>;
let enRun: ReturnType<typeof lectern>;

beforeAll(() => {
  // timers: slide 5 (练习材料, in chapter 01 of 10 minutes) has a two-minute time box.
  // `start: 09:00` unquoted: YAML 1.2 reads it as the text it is.
  const zhDeck = fixtureDeck('timers', join(out, 'src'));
  edit(join(zhDeck, 'deck.md'), 'duration: 30\n', 'duration: 30\nstart: 09:00\nname: zh\n');
  edit(
    join(zhDeck, '01-listening.md'),
    '讲解倾听三要点，请学员两两练习复述。\n时间：约 5 分钟',
    ZH_NOTES.join('\n\n'),
  );
  edit(join(zhDeck, '02-speaking.md'), 'minutes: 12\n', `minutes: 12\nnotes: ${DIVIDER_NOTES}\n`);
  zhRun = lectern(['build', zhDeck, '--out', out, '--format', 'script']);
  // An English deck without `start:`: the plan counts from +0:00.
  const enDeck = join(out, 'src', 'en');
  cpSync(join(FIXTURES, 'other-topic'), enDeck, { recursive: true });
  edit(join(enDeck, 'deck.md'), 'duration: 60\n', 'duration: 60\nname: en\n');
  edit(join(enDeck, '01-checks.md'), 'Say something about part 1.', EN_NOTES);
  enRun = lectern(['build', enDeck, '--out', out, '--format', 'script']);
});

/** The lines of the pages after the entry's first that open with `continued`, with the page before each. */
async function continuations(pdf: string, heading: string, continued: string) {
  const pages = await pdfLines(pdf);
  const first = pages.findIndex((lines) => lines.some((l) => l.text === heading));
  const later = pages.flatMap((lines, i) => (lines.some((l) => l.text === continued) ? [i] : []));
  return { pages, first, later };
}

/** Whitespace out, as the notes read across poppler's lines. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('notes longer than a page', () => {
  it('go on at the top of the next page under "N · title（续）", nothing lost or repeated at a cut', async () => {
    expect(zhRun.stderr).not.toMatch(/error/i);
    expect(zhRun.code).toBe(0);
    const { pages, first, later } = await continuations(zh, '4 · 倾听三要点', '4 · 倾听三要点（续）');
    expect(first).toBeGreaterThanOrEqual(0);
    // The entry's page and at least one more, each right after the one before.
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect(later).toEqual(later.map((_, i) => first + 1 + i));
    const notes = squeeze(ZH_NOTES.join(''));
    for (const p of later) {
      const lines = pages[p]!;
      // The running title, then the continued line, then the notes.
      expect(lines[0]!.text).toBe('沟通技巧训练营 · 讲师讲稿');
      expect(lines[1]!.text).toBe('4 · 倾听三要点（续）');
      // The last line of notes before the cut and the first after it are one run of the notes.
      // (The page number, 第 3 页 / 共 8 页, is the page's last line.)
      const pageNumber = /^(第\s*)?\d+\s*(页)?\s*\/\s*(共\s*)?\d+\s*(页)?$/;
      const before = pages[p - 1]!.filter((l) => !pageNumber.test(l.text)).at(-1)!;
      expect(notes).toContain(squeeze(before.text) + squeeze(lines[2]!.text));
    }
    // Every sentence once, in order, and the notes' last paragraph after the last cut.
    const text = squeeze(pdfText(zh));
    const numbers = [...text.matchAll(/S(\d+)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(LONG_ZH.map((_, i) => i + 1));
    expect(squeeze(pdfText(zh, later.at(-1)! + 1))).toContain('最后请学员两两练习复述。');
    // The entries after it are whole again: slide 5's heading and its notes share a page.
    // (Page 1's time plan names slide 5 too, as an exercise: its entry is after slide 4's.)
    const five = pages.findIndex((lines, i) => i > first && lines.some((l) => l.text === '5 · 练习材料'));
    expect(five).toBeGreaterThan(later.at(-1)! - 1);
    expect(squeeze(pdfText(zh, five + 1))).toContain('分发案例材料');
  });

  it('take the chapter heading above their entry to the page they start, and leave no page blank', async () => {
    const { pages, first, later } = await continuations(zh, '6 · 清晰表达', '6 · 清晰表达（续）');
    // The heading opens the page, under the running title.
    expect(pages[first]![1]!.text).toBe('02 清晰表达');
    expect(later).toEqual([first + 1]);
    expect(pages[later[0]!]![1]!.text).toBe('6 · 清晰表达（续）');
    const text = squeeze(pdfText(zh));
    expect([...text.matchAll(/D(\d+)表达/g)].map((m) => Number(m[1]))).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    // A part a hair too tall would leave its last padding alone on a page: the running title,
    // the page number and nothing else.
    pages.forEach((lines, i) => expect(lines.length, `page ${i + 1}`).toBeGreaterThan(2));
  });

  it('say "(continued)" in an English deck', async () => {
    expect(enRun.code).toBe(0);
    const heading = '4 · Daily checks part 1';
    const { pages, first, later } = await continuations(en, heading, `${heading} (continued)`);
    expect(later[0]).toBe(first + 1);
    expect(pages[later[0]!]![1]!.text).toBe(`${heading} (continued)`);
    expect(pdfText(en)).toContain('Sentence 60:');
  });
});

describe('the time plan on page 1', () => {
  it("gives each chapter's clock time from deck.md start:, its minutes, the exercises and the total", () => {
    const page1 = pdfText(zh, 1);
    expect(page1).toContain('时间安排');
    const plan = pdfText(zh, 1, { layout: true });
    expect(plan).toMatch(/09:00–09:10\s+01 倾听的力量\s+10 分钟/);
    expect(plan).toMatch(/5 · 练习材料\s+练习 · 2 分钟/);
    expect(plan).toMatch(/09:10–09:22\s+02 清晰表达\s+12 分钟/);
    expect(plan).toMatch(/09:22–09:30\s+03 总结回顾\s+8 分钟/);
    expect(plan).toMatch(/09:00–09:30\s+合计 30 分钟/);
  });

  it('counts from +0:00 without start:', () => {
    const plan = pdfText(en, 1, { layout: true });
    expect(plan).toContain('Time plan');
    expect(plan).toMatch(/\+0:00–\+0:10\s+01 Daily checks\s+10 min/);
    expect(plan).toMatch(/\+0:10–\+0:25\s+02 Loading\s+15 min/);
    expect(plan).toMatch(/\+0:50–\+1:00\s+05 Review\s+10 min/);
    expect(plan).toMatch(/\+0:00–\+1:00\s+60 min in all/);
  });
});

describe('the bookmarks', () => {
  it("put the closing slide beside the chapters, not inside the last chapter's", async () => {
    const title = '沟通技巧训练营 · 讲师讲稿';
    const top = await pdfOutline(zh, title);
    expect(top.at(-1)).toBe('10 · 谢谢');
    expect(top).toContain('03 总结回顾 8 分钟');
    expect(await pdfOutline(zh, title, '03 总结回顾 8 分钟')).toEqual(['8 · 总结回顾', '9 · 行动计划']);
    // The continued lines are no bookmarks.
    expect(await pdfOutline(zh, title, '01 倾听的力量 10 分钟')).toEqual([
      '3 · 倾听的力量',
      '4 · 倾听三要点',
      '5 · 练习材料',
    ]);
  });
});

describe('deck.md start:', () => {
  it.each([
    ['"9点半"', 'not "9点半"'],
    ['"25:00"', 'not "25:00"'],
    ['930', 'not 930'],
  ])('refuses start: %s at its deck.md line with a hint, exit 3', (value, why) => {
    const deck = fixtureDeck('valid', tempDir('lectern-start-'));
    edit(join(deck, 'deck.md'), 'duration: 30\n', `duration: 30\nstart: ${value}\n`);
    const r = lectern(['check', deck]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(`deck.md:9: error: start must be a time of day from 00:00 to 23:59, ${why}`);
    expect(r.stderr).toMatch(/hint: .*start: "09:00"/);
  });
});
