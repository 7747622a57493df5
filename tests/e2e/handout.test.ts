import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { pdfBookmarks, pdfInfo, pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The trainee handout, read back with poppler and pdf-lib: which slides it prints, how many a
// page, the chapters' heading rows and bookmarks, and the QR codes' addresses.

const FEEDBACK = 'https://survey.example.com/course/42?from=qr';
const MATERIALS = 'https://pan.example.com/s/abc123';
/** The valid fixture's content slides, in order, and the chapter each starts. */
const CONTENT = ['倾听三要点', '练习材料', '表达两原则', '行动计划'];
const CHAPTERS = ['01 倾听的力量', '02 清晰表达', '03 总结回顾'];

/** The valid fixture with `handout:` (and optionally QR codes) in its deck.md. */
function deckWith(handout: string, codes = false): string {
  const deck = join(tempDir('lectern-handout-'), 'deck');
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  const file = join(deck, 'deck.md');
  const extra = [codes ? `feedback: ${FEEDBACK}\nmaterials: ${MATERIALS}` : '', handout].filter(Boolean);
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('closingNotes:', `${extra.join('\n')}\nclosingNotes:`),
  );
  return deck;
}

function buildHandout(deck: string): string {
  const out = tempDir('lectern-handout-out-');
  const run = lectern(['build', deck, '--out', out, '--format', 'handout', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return join(out, 'deck-handout.pdf');
}

const flat = (text: string) => text.replace(/\s+/g, '');

describe('the handout, three slides a page (the default)', () => {
  let file: string;
  beforeAll(() => {
    file = buildHandout(deckWith(''));
  });

  it('prints the content slides only: no title, agenda, divider or closing slide', () => {
    // 4 content slides, 3 a page.
    expect(pdfInfo(file).Pages).toBe('2');
    const text = flat(pdfText(file));
    for (const heading of CONTENT) expect(text).toContain(heading);
    expect(text).not.toContain('小型测试课程'); // the title slide's subtitle
    expect(text).not.toContain('目录'); // the agenda
    expect(text).not.toMatch(/谢谢(?!聆)/); // the closing slide
    expect(text).not.toContain('讲解倾听三要点'); // speaker notes are the trainer's
  });

  it('starts each chapter with its title above its first slide, and bookmarks it at that page', async () => {
    expect(flat(pdfText(file, 1))).toMatch(
      /01倾听的力量[\s\S]*倾听三要点[\s\S]*练习材料[\s\S]*02清晰表达[\s\S]*表达两原则/,
    );
    expect(flat(pdfText(file, 2))).toMatch(/03总结回顾[\s\S]*行动计划/);
    expect(await pdfBookmarks(file)).toEqual([
      { title: CHAPTERS[0], page: 1 },
      { title: CHAPTERS[1], page: 1 },
      { title: CHAPTERS[2], page: 2 },
    ]);
  });

  it('shows the deck title, organization, date and page numbers in the margins', () => {
    const first = pdfText(file, 1);
    expect(first).toContain('沟通技巧训练营 · 培训部');
    expect(first).toContain('2026-12-01');
    expect(first).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
  });
});

describe('deck.md handout: perPage and include', () => {
  it.each([
    [1, 6],
    [2, 3],
    [3, 2],
    [6, 1],
  ])('%i a page prints the agenda, four content slides and the codes on %i pages', (perPage, pages) => {
    const file = buildHandout(deckWith(`handout:\n  perPage: ${perPage}\n  include: [agenda]`, true));
    // Agenda + 4 content slides + the codes' slot.
    expect(pdfInfo(file).Pages).toBe(String(pages));
    expect(pdfInfo(file)['Page size']).toMatch(/\(A4\)/);
    const text = flat(pdfText(file));
    expect(text).toContain('目录');
    expect(text).not.toContain('小型测试课程');
    // The QR codes' captions and their addresses, on the last page.
    const last = flat(pdfText(file, pages));
    expect(last).toMatch(/扫码填写课程反馈[\s\S]*扫码获取课程资料/);
    expect(last).toContain(FEEDBACK);
    expect(last).toContain(MATERIALS);
  });

  it('refuses a perPage it cannot print, at its line in deck.md', () => {
    const run = lectern(['check', deckWith('handout:\n  perPage: 4')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/deck\.md:\d+.*handout perPage must be 1, 2, 3, 6, not 4/);
    const unknown = lectern(['check', deckWith('handout:\n  include: [closing]')]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/handout include takes title and agenda, not "closing"/);
  });
});
