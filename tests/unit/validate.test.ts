import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/load/load-deck.js';
import { errorsOf, formatProblem } from '../../src/core/problem.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { fixtureDeck, type FixtureDeck } from '../helpers/fixture-decks.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
/** The valid deck, or valid/ with one change in a temporary folder named as the change. */
const check = async (name: FixtureDeck) => {
  const deck = fixtureDeck(name);
  return validateDeck(await loadDeck(deck, dirname(deck)));
};

describe('validateDeck on fixture decks', () => {
  it('accepts the valid deck and resolves its settings', async () => {
    const { problems, model } = await check('valid');
    expect(errorsOf(problems)).toEqual([]);
    expect(model?.title).toBe('沟通技巧训练营');
    expect(model?.date).toBe('2026-12-01');
    expect(model?.lang).toBe('zh-CN');
    expect(model?.theme).toBe('corporate');
    expect(model?.closing).toBe('谢谢');
    expect(model?.brand.primary).toBe('#7a1f3d');
    expect(model?.chapters.map((c) => [c.label, c.title, c.minutes, c.isReview])).toEqual([
      ['01', '倾听的力量', 10, false],
      ['02', '清晰表达', 12, false],
      ['03', '总结回顾', 8, true],
    ]);
  });

  const cases: [fixture: FixtureDeck, code: string, where: string, text: RegExp][] = [
    ['no-deck-md', 'deck-missing', 'no-deck-md/deck.md', /deck\.md is missing/],
    ['no-title', 'deck-title', 'no-title/deck.md:1', /deck\.md has no title/],
    [
      'missing-chapter',
      'chapter-missing',
      'missing-chapter/02-<slug>.md',
      /02 is missing: expected 02-<slug>\.md between 01-listening\.md and 03-review\.md/,
    ],
    [
      'duplicate-chapter',
      'chapter-duplicate',
      'duplicate-chapter/02-speaking.md:1',
      /chapter 02 is defined twice/,
    ],
    ['extra-chapter', 'chapter-extra', 'extra-chapter/04-extra.md:1', /chapter 04 is outside the outline/],
    // Line 3 holds the unclosed [ (js-yaml pointed past it, at the closing --- on line 4).
    ['bad-yaml', 'yaml-invalid', 'bad-yaml/02-speaking.md:3', /not valid YAML/],
    ['chapter-no-title', 'chapter-title', 'chapter-no-title/02-speaking.md:1', /chapter has no title/],
    ['empty-chapter', 'chapter-empty', 'empty-chapter/02-speaking.md:4', /chapter has no slides/],
    ['bad-minutes', 'field-type', 'bad-minutes/02-speaking.md:3', /minutes must be a positive number/],
    [
      'missing-image',
      'image-missing',
      'missing-image/01-listening.md:28',
      /assets\/missing\.png does not exist/,
    ],
    ['image-outside', 'image-outside', 'image-outside/01-listening.md:28', /outside the deck folder/],
    ['not-utf8', 'not-utf8', 'not-utf8/02-speaking.md:2', /not UTF-8/],
  ];

  it.each(cases)(
    '%s: reports %s at %s, once, with a hint, and builds no model',
    async (fixture, code, where, text) => {
      const { problems, model } = await check(fixture);
      const errors = errorsOf(problems);
      expect(model).toBeUndefined();
      expect(errors.map((e) => e.code)).toEqual([code]);
      const [error] = errors;
      expect(`${error!.file}${error!.line ? `:${error!.line}` : ''}`).toBe(where);
      expect(error!.message).toMatch(text);
      expect(error!.hint).toBeTruthy();
      expect(formatProblem(error!).split('\n')[0]).toMatch(
        new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: `),
      );
    },
  );

  it('collects every problem of a deck, not just the first', async () => {
    const loaded = await loadDeck(join(fixtures, 'valid'), fixtures);
    loaded.chapters[1]!.data.minutes = 'soon';
    delete loaded.chapters[2]!.data.title;
    const codes = errorsOf(validateDeck(loaded).problems)
      .map((p) => p.code)
      .sort();
    expect(codes).toEqual(['chapter-title', 'field-type']);
  });

  it('warns, without blocking, about a content slide that has no notes', async () => {
    const loaded = await loadDeck(join(fixtures, 'valid'), fixtures);
    loaded.chapters[0]!.slides[0]!.notes = [];
    const { problems, model } = validateDeck(loaded);
    expect(model).toBeDefined();
    expect(problems).toMatchObject([
      { severity: 'warning', code: 'notes-missing', file: 'valid/01-listening.md', line: 7 },
    ]);
  });

  it('refuses a time box that is not a positive number, at its line', async () => {
    const loaded = await loadDeck(join(fixtures, 'valid'), fixtures);
    loaded.chapters[0]!.slides[0]!.minutes = { value: 'ten', line: 12 };
    expect(errorsOf(validateDeck(loaded).problems)).toMatchObject([
      { code: 'slide-minutes', file: 'valid/01-listening.md', line: 12 },
    ]);
  });
});

describe('front matter problems point at the line of their key, nested keys included', () => {
  const deckWith = async (change: (deck: string) => void) => {
    const deck = fixtureDeck('valid');
    change(deck);
    return validateDeck(await loadDeck(deck, dirname(deck)));
  };
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };

  it('brand.primary that is not a colour: deck.md line 10, not brand: on line 9', async () => {
    const { problems } = await deckWith((d) =>
      edit(join(d, 'deck.md'), 'primary: "#7a1f3d"', 'primary: "url(x)"'),
    );
    expect(errorsOf(problems)).toMatchObject([
      {
        code: 'brand-color',
        file: 'valid/deck.md',
        line: 10,
        message: 'brand.primary is not a colour: "url(x)"',
      },
    ]);
  });

  it('an unknown brand key and a missing logo: each at its own line', async () => {
    const { problems } = await deckWith((d) => {
      edit(join(d, 'deck.md'), '  logo: assets/dot.png', '  logo: assets/none.png\n  shade: dark');
    });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['image-missing', 12],
      ['unknown-key', 13],
    ]);
  });

  it.each([
    ['  fontSize: 12', /labels has an unknown label "fontSize" \(it takes agenda, .*chapter/],
    ['  chapter: "第 {x} 部分"', /labels chapter has \{x\}, which it cannot fill \(\{n\}\)/],
    ['  agenda: [a, b]', /labels agenda must be text, not a list/],
  ])('labels: %j is an error at the labels: line, with a hint', async (line, message) => {
    const { problems } = await deckWith((d) =>
      edit(join(d, 'deck.md'), 'agendaNotes:', `labels:\n  agendaKicker: CATALOGUE\n${line}\nagendaNotes:`),
    );
    expect(errorsOf(problems)).toMatchObject([{ code: 'field-type', file: 'valid/deck.md', line: 13 }]);
    expect(errorsOf(problems)[0]!.message).toMatch(message);
    expect(errorsOf(problems)[0]!.hint).toContain('agendaKicker: CATALOGUE');
  });

  it("a chapter's nested key: its line, in keyLines and in a YAML error", async () => {
    const header = 'minutes: 12\nheader:\n  text: 表达\n  size: 2\n';
    const deck = fixtureDeck('valid');
    edit(join(deck, '02-speaking.md'), 'minutes: 12\n', header);
    const loaded = await loadDeck(deck, dirname(deck));
    expect(loaded.chapters[1]!.keyLines).toMatchObject({ header: 4, 'header.text': 5, 'header.size': 6 });
    const { problems } = await deckWith((d) =>
      edit(join(d, '02-speaking.md'), 'minutes: 12\n', header.replace('  size', '   size')),
    );
    expect(errorsOf(problems)).toMatchObject([
      { code: 'yaml-invalid', file: 'valid/02-speaking.md', line: 6 },
    ]);
  });
});
