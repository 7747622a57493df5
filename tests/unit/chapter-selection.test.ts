import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChapterSelection, selectChapters } from '../../src/compose/chapter-selection.js';
import { composeDeck } from '../../src/compose/compose-deck.js';
import type { DeckModel } from '../../src/validate/deck-model.js';
import { LecternError } from '../../src/core/errors.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const model = async (): Promise<DeckModel> =>
  validateDeck(await loadDeck(join(fixtures, 'other-topic'), fixtures)).model!;

describe('--chapters', () => {
  it('reads a range, one chapter and a list, and names the outputs after them', async () => {
    const deck = await model();
    expect(parseChapterSelection('02-04', deck)).toEqual({ numbers: [2, 3, 4], label: 'ch02-04' });
    expect(parseChapterSelection('3', deck)).toEqual({ numbers: [3], label: 'ch03' });
    expect(parseChapterSelection('02,05', deck)).toEqual({ numbers: [2, 5], label: 'ch02_05' });
    expect(parseChapterSelection('04, 01-02', deck)).toEqual({ numbers: [1, 2, 4], label: 'ch01-02_04' });
  });

  it('refuses what is not a chapter of the deck, as a usage error', async () => {
    const deck = await model();
    for (const bad of ['06', '03-02', 'two', '', '02-']) {
      expect(() => parseChapterSelection(bad, deck), bad).toThrow(LecternError);
      try {
        parseChapterSelection(bad, deck);
      } catch (err) {
        expect((err as LecternError).exitCode).toBe(2);
      }
    }
  });

  it('composes title, the whole agenda with the chosen chapters highlighted, their dividers and slides, and the closing', async () => {
    const deck = await model();
    const full = composeDeck(deck);
    const part = composeDeck(selectChapters(deck, parseChapterSelection('02-03', deck)));
    const chapterOf = (s: (typeof full.slides)[number]) => s.chapter?.label;
    expect(part.slides.map((s) => s.kind)).toEqual([
      'title',
      'agenda',
      ...full.slides.filter((s) => ['02', '03'].includes(chapterOf(s) ?? '')).map((s) => s.kind),
      'closing',
    ]);
    const agenda = part.markdown.split(/\n\n---\n\n/)[1]!;
    for (const c of deck.chapters) expect(agenda).toContain(`**${c.label}** ${c.title}`);
    expect(agenda).toContain(
      '<style scoped>li:nth-child(1), li:nth-child(4), li:nth-child(5) { opacity: 0.3; }</style>',
    );
  });
});
