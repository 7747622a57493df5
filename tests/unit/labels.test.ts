import { describe, expect, it } from 'vitest';
import { defaultClosing, labelsFor } from '../../src/core/labels.js';
import { plannedMinutes } from '../../src/validate/deck-model.js';
import { glyphsOf } from '../../src/fonts/embedded-font.js';

describe('labels', () => {
  it('gives the closing text of the deck language, Japanese included, English otherwise', () => {
    expect(defaultClosing('zh-CN')).toBe('谢谢');
    expect(defaultClosing('zh-TW')).toBe('谢谢');
    expect(defaultClosing('ja')).toBe('ありがとうございました');
    expect(defaultClosing('en-GB')).toBe('Thank you');
    expect(defaultClosing('fr')).toBe('Thank you');
  });

  it('keeps every character of the words written outside the slides in the embedded font', () => {
    const kept = new Set(glyphsOf(''));
    for (const lang of ['zh-CN', 'en']) {
      const t = labelsFor(lang);
      const plan = t.timePlan;
      const words = [
        ...[t.script, t.noNotes, t.timers.exercise, t.timers.chapter, t.timers.keys],
        // The speaker script's continued line and time plan.
        ...[
          t.continued('1 · '),
          plan.caption,
          plan.time,
          plan.part,
          plan.length,
          plan.span('+0:00', '09:30'),
        ],
        ...[plan.activity('roleplay'), t.timeBox('exercise', 0), t.timeBox('roleplay', 0), t.total(0)],
      ].join('');
      expect([...words].filter((c) => !kept.has(c))).toEqual([]);
    }
  });

  it('sums planned minutes, counting anything but a positive number as none', () => {
    expect(plannedMinutes([{ minutes: 20 }, {}, { minutes: 15 }])).toBe(35);
    expect(
      plannedMinutes([{ minutes: -5 }, { minutes: '10' }, { minutes: Number.NaN }, { minutes: 3 }]),
    ).toBe(3);
    expect(plannedMinutes([])).toBe(0);
  });
});
