import { join } from 'node:path';
import type { ChapterSource, LoadedDeck } from '../load/load-deck.js';
import { error, type Problem } from '../core/problem.js';
import type { Rule } from './rule.js';
import { at, fieldProblems } from './field-problems.js';
import { CHAPTER_FIELDS, MARP_PREVIEW_KEYS, asText, typeError } from './fields.js';

const two = (n: number) => String(n).padStart(2, '0');

export const DEFAULT_CHAPTERS = 6;

/** Chapters before the review, from deck.md or the default. */
export function chapterCount(deck: LoadedDeck): number {
  const n = deck.deck?.data.chapters;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 98 ? n : DEFAULT_CHAPTERS;
}

/** The rules for the chapter files: numbering against the outline, fields, titles, slides. */
export const chapterRules: Rule[] = [
  {
    name: 'chapter-numbers',
    check: (deck) => {
      // Without deck.md the expected count is unknown: "missing chapter" would only be noise.
      if (!deck.deck) return [];
      // A `chapters:` that is no count (2.5, "2", .inf) is one error of its own (the field rule):
      // numbering the files against the default would add a "missing" error per chapter.
      if ('chapters' in deck.deck.data && typeError('chapter-count', deck.deck.data.chapters)) return [];
      const n = chapterCount(deck);
      const out: Problem[] = [];
      const byNumber = new Map<number, ChapterSource[]>();
      for (const c of deck.chapters) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
      const name = (num: number) => byNumber.get(num)?.[0]?.shownAs.split(/[\\/]/).pop();
      for (let num = 1; num <= n + 1; num++) {
        if (byNumber.has(num) || deck.unreadableChapters.includes(num)) continue;
        const misnamed = deck.misnamedChapters.find((f) => f.number === num);
        if (misnamed) {
          out.push(
            error(
              'chapter-missing',
              { file: join(deck.shownDir, misnamed.name) },
              `found ${misnamed.name}: did you mean ${misnamed.meant}?`,
              `chapter files are named with two digits, a hyphen and .md: rename it to ${misnamed.meant}`,
            ),
          );
          continue;
        }
        const what = num === n + 1 ? `${two(num)} (the closing review) is missing` : `${two(num)} is missing`;
        const before = num > 1 ? (name(num - 1) ?? `${two(num - 1)}-…`) : null;
        const after = num <= n ? (name(num + 1) ?? `${two(num + 1)}-…`) : null;
        const between =
          before && after
            ? ` between ${before} and ${after}`
            : before
              ? ` after ${before}`
              : after
                ? ` before ${after}`
                : '';
        out.push(
          error(
            'chapter-missing',
            { file: join(deck.shownDir, `${two(num)}-<slug>.md`) },
            `${what}: expected ${two(num)}-<slug>.md${between}`,
            `deck.md says chapters: ${n}, so files 01 … ${two(n)} and the review ${two(n + 1)} must exist; change \`chapters:\` if the course has another number`,
          ),
        );
      }
      for (const [num, files] of byNumber) {
        if (files.length > 1) {
          for (const f of files.slice(1)) {
            out.push(
              error(
                'chapter-duplicate',
                { file: f.shownAs, line: 1 },
                `chapter ${two(num)} is defined twice (also in ${files[0]?.shownAs})`,
                'renumber or merge the two files',
              ),
            );
          }
        }
        if (num < 1 || num > n + 1) {
          for (const f of files) {
            out.push(
              error(
                'chapter-extra',
                { file: f.shownAs, line: 1 },
                `chapter ${two(num)} is outside the outline: deck.md says chapters: ${n}, the review is ${two(n + 1)}`,
                num < 1
                  ? 'chapters start at 01'
                  : `raise \`chapters:\` in deck.md to ${num - 1} or renumber the file`,
              ),
            );
          }
        }
      }
      return out;
    },
  },
  {
    name: 'chapter-fields',
    check: ({ chapters }) =>
      chapters.flatMap((c) => fieldProblems(c, CHAPTER_FIELDS, 'a chapter', MARP_PREVIEW_KEYS)),
  },
  {
    name: 'chapter-title',
    check: ({ chapters }) =>
      chapters
        .filter((c) => asText(c.data.title) === undefined)
        .map((c) =>
          error(
            'chapter-title',
            { file: c.shownAs, line: at(c, 'title') },
            'chapter has no title',
            'add front matter:\n      ---\n      title: <chapter title>\n      ---',
          ),
        ),
  },
  {
    name: 'chapter-slides',
    check: ({ chapters }) =>
      chapters
        .filter((c) => !c.slides.some((s) => s.hasContent))
        .map((c) =>
          error(
            'chapter-empty',
            { file: c.shownAs, line: c.bodyLine },
            'chapter has no slides',
            'write at least one slide below the front matter; separate slides with a line holding only ---',
          ),
        ),
  },
];
