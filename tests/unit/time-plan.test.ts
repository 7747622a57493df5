import { describe, expect, it } from 'vitest';
import { clockText, timePlan } from '../../src/compose/time-plan.js';
import type { ComposedDeck } from '../../src/compose/compose-deck.js';
import type { DeckModel } from '../../src/validate/deck-model.js';
import { clockMinutes } from '../../src/validate/fields.js';

const chapter = (label: string, minutes?: number) => ({ label, title: `T${label}`, minutes });

describe('deck.md start: and the time plan', () => {
  it('reads a time of day as minutes after midnight, and nothing else', () => {
    expect(clockMinutes('09:00')).toBe(540);
    expect(clockMinutes(' 9:30 ')).toBe(570);
    expect(clockMinutes('23:59')).toBe(23 * 60 + 59);
    for (const bad of ['24:00', '9:5', '09:60', '09:00:00', '+0:00', '9点', '', 540, null, new Date()])
      expect(clockMinutes(bad)).toBeUndefined();
  });

  it('shows clock times from the start, offsets without one, whole minutes', () => {
    expect(clockText(20, 540)).toBe('09:20');
    expect(clockText(90)).toBe('+1:30');
    expect(clockText(7.5, 540)).toBe('09:08');
    expect(clockText(59.6)).toBe('+1:00');
    expect(clockText(120, 23 * 60)).toBe('01:00');
  });

  it('leaves the times after a chapter without minutes unknown, and lists each exercise under its chapter', () => {
    const deck = { start: 540, chapters: [chapter('01', 20), chapter('02'), chapter('03', 10)] };
    const composed = {
      slides: [
        { kind: 'content', chapter: { label: '01' }, heading: 'Role', layout: 'roleplay', minutes: 5 },
        { kind: 'content', chapter: { label: '01' }, heading: 'Plain', layout: 'bullets' },
        { kind: 'content', chapter: { label: '03' }, layout: 'exercise' },
      ],
    };
    const plan = timePlan(deck as unknown as DeckModel, composed as unknown as ComposedDeck)!;
    expect(plan.chapters.map((c) => [c.from, c.to])).toEqual([
      [0, 20],
      [20, undefined],
      [undefined, undefined],
    ]);
    expect(plan.chapters[0]!.activities).toEqual([
      { slide: 1, heading: 'Role', kind: 'roleplay', minutes: 5 },
    ]);
    expect(plan.chapters[2]!.activities).toEqual([{ slide: 3, heading: undefined, kind: 'exercise' }]);
    expect(plan.total).toBe(30);
    expect(plan.end).toBeUndefined();
  });

  it('plans nothing for a deck that plans no time', () => {
    const deck = { chapters: [chapter('01'), chapter('02')] } as unknown as DeckModel;
    expect(timePlan(deck, { slides: [] } as unknown as ComposedDeck)).toBeUndefined();
  });
});
