import type { DeckModel } from '../validate/deck-model.js';
import { LecternError } from '../core/errors.js';

/** The chapters a part-day session covers, as `--chapters` names them. */
export interface ChapterSelection {
  numbers: number[];
  /** For file names: ch02-04, ch03, ch02_05. */
  label: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Reads `--chapters 02-04`, `03` or `02,05` (ranges and single chapters, comma-separated)
 * against the deck's chapters, the closing review included. Pure.
 */
export function parseChapterSelection(spec: string, deck: DeckModel): ChapterSelection {
  const known = deck.chapters.map((c) => c.number);
  const hint = `--chapters takes chapter numbers from ${two(known[0]!)} to ${two(known[known.length - 1]!)}: a range 02-04, one chapter 03 or a list 02,05`;
  const wanted = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/.exec(part);
    if (!m)
      throw new LecternError(`--chapters ${JSON.stringify(spec)} is not a chapter list`, {
        exit: 'USAGE',
        hint,
      });
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new LecternError(`--chapters ${part} runs backwards`, { exit: 'USAGE', hint });
    for (let n = from; n <= to; n++) {
      if (!known.includes(n))
        throw new LecternError(`--chapters: the deck has no chapter ${two(n)}`, { exit: 'USAGE', hint });
      wanted.add(n);
    }
  }
  const numbers = [...wanted].sort((a, b) => a - b);
  return { numbers, label: `ch${runs(numbers).join('_')}` };
}

/** 2,3,4,6 → 02-04, 06. */
function runs(numbers: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out.push(i === j ? two(numbers[i]!) : `${two(numbers[i]!)}-${two(numbers[j]!)}`);
    i = j + 1;
  }
  return out;
}

/**
 * The deck of a part-day session: only the chosen chapters, the whole course kept for the
 * agenda, and outputs named <name>-ch02-04 so the full deck's outputs stay beside them.
 */
export function selectChapters(deck: DeckModel, selection: ChapterSelection): DeckModel {
  return {
    ...deck,
    name: `${deck.name}-${selection.label}`,
    chapters: deck.chapters.filter((c) => selection.numbers.includes(c.number)),
    course: deck.chapters,
  };
}
