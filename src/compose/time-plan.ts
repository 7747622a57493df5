import type { DeckModel } from '../validate/deck-model.js';
import type { ComposedDeck } from './composed-deck.js';

/** An exercise or role-play slide, with its time box when it has one. */
export interface PlannedActivity {
  /** 1-based, as the script numbers its entries. */
  slide: number;
  heading?: string;
  kind: 'exercise' | 'roleplay';
  minutes?: number;
}

/** A chapter's place in the day: minutes after the start it begins and ends, when they are known. */
export interface PlannedChapter {
  label: string;
  title: string;
  minutes?: number;
  from?: number;
  to?: number;
  activities: PlannedActivity[];
}

export interface TimePlan {
  /** The clock time the course begins (minutes after midnight); none: times are offsets from +0:00. */
  start?: number;
  chapters: PlannedChapter[];
  /** The chapters' minutes in all, and when the last one ends (unless a chapter plans none). */
  total: number;
  end?: number;
}

/**
 * The day as the chapters plan it, for the speaker script's first page: each chapter in order
 * from deck.md `start:` (or from +0:00), and the exercises and role-plays inside it. A chapter
 * without `minutes:` leaves the times after it unknown rather than guessed. None when the deck
 * plans no time at all. Pure.
 */
export function timePlan(deck: DeckModel, composed: ComposedDeck): TimePlan | undefined {
  const activities = new Map<string, PlannedActivity[]>();
  composed.slides.forEach((slide, i) => {
    const kind = activityKind(slide.layout, slide.minutes);
    if (slide.kind !== 'content' || !slide.chapter || !kind) return;
    const list = activities.get(slide.chapter.label) ?? [];
    list.push({
      slide: i + 1,
      heading: slide.heading,
      kind,
      ...(slide.minutes ? { minutes: slide.minutes } : {}),
    });
    activities.set(slide.chapter.label, list);
  });
  let at: number | undefined = 0;
  const chapters = deck.chapters.map((c): PlannedChapter => {
    const from = at;
    at = from !== undefined && c.minutes ? from + c.minutes : undefined;
    return {
      label: c.label,
      title: c.title,
      ...(c.minutes ? { minutes: c.minutes } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(at !== undefined ? { to: at } : {}),
      activities: activities.get(c.label) ?? [],
    };
  });
  const planned = chapters.some((c) => c.minutes || c.activities.length > 0) || deck.start !== undefined;
  if (!planned) return undefined;
  const total = chapters.reduce((sum, c) => sum + (c.minutes ?? 0), 0);
  return {
    ...(deck.start === undefined ? {} : { start: deck.start }),
    chapters,
    total,
    ...(at === undefined ? {} : { end: at }),
  };
}

/** A slide's kind of activity: its layout's, or an exercise for any slide with a time box (as compose draws it). */
function activityKind(
  layout: string | undefined,
  minutes: number | undefined,
): PlannedActivity['kind'] | undefined {
  const classes = layout?.split(/\s+/) ?? [];
  if (classes.includes('roleplay')) return 'roleplay';
  return classes.includes('exercise') || minutes ? 'exercise' : undefined;
}

/**
 * `09:20` from the start, or `+1:20` without one; past midnight the clock starts again. Minutes
 * may be fractions (`minutes: 7.5`): the clock shows whole minutes.
 */
export function clockText(offset: number, start?: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const whole = Math.round(offset);
  if (start === undefined) return `+${Math.floor(whole / 60)}:${two(whole % 60)}`;
  const at = (start + whole) % (24 * 60);
  return `${two(Math.floor(at / 60))}:${two(at % 60)}`;
}
