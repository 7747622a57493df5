import { join } from 'node:path';
import type { ChapterSource, LoadedDeck, SourceFile } from '../load/load-deck.js';
import { error, warning, type Problem } from '../problem.js';
import { plannedMinutes } from '../deck-model.js';
import { slideRules } from './slide-rules.js';
import { globalDirectiveProblems } from './global-directives.js';
import { sizeLimitProblems } from './size-limits.js';
import { outputNameProblems } from './output-name.js';
import {
  BRAND_FIELDS,
  CHAPTER_FIELDS,
  CSS_COLOR,
  DECK_FIELDS,
  MARP_PREVIEW_KEYS,
  asText,
  typeError,
  type FieldType,
} from './fields.js';

/**
 * Validation as a list of small named rules, each returning every problem it sees
 * (after changesets' config rules): the user fixes a deck in one pass, not one error per run.
 */
export interface Rule {
  name: string;
  check: (deck: LoadedDeck) => Problem[];
}

export const DEFAULT_CHAPTERS = 6;

/** Chapters before the review, from deck.md or the default. */
export function chapterCount(deck: LoadedDeck): number {
  const n = deck.deck?.data.chapters;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 98 ? n : DEFAULT_CHAPTERS;
}

const two = (n: number) => String(n).padStart(2, '0');

function at(file: SourceFile, key: string): number {
  return file.keyLines[key] ?? 1;
}

function fieldProblems(
  file: SourceFile,
  fields: Record<string, FieldType>,
  kind: string,
  ignored: readonly string[] = [],
): Problem[] {
  const out: Problem[] = [];
  for (const [key, value] of Object.entries(file.data)) {
    if (ignored.includes(key)) continue;
    const type = fields[key];
    if (!type) {
      out.push(
        warning(
          'unknown-key',
          { file: file.shownAs, line: at(file, key) },
          `unknown front matter key "${key}" in ${kind}`,
          `known keys: ${Object.keys(fields).join(', ')}`,
        ),
      );
      continue;
    }
    const why = typeError(type, value);
    if (why)
      out.push(
        error('field-type', { file: file.shownAs, line: at(file, key) }, `${key} ${why}`, hintFor(type)),
      );
  }
  return out;
}

function hintFor(type: FieldType): string {
  switch (type) {
    case 'positive-number':
      return 'write a number such as `minutes: 20`';
    case 'chapter-count':
      return 'count the chapters before the closing review, e.g. `chapters: 6`';
    case 'size':
      return 'write `size: "16:9"` (quoted) or leave it out';
    case 'web-address':
      return 'write the whole web address, e.g. `feedback: https://example.com/survey`';
    case 'brand':
      return 'brand:\n      primary: "#0b3d91"\n      accent: "#f5a623"\n      logo: assets/logo.png';
    default:
      return 'quote the value: `key: "text"`';
  }
}

export const rules: Rule[] = [
  {
    name: 'deck-title',
    check: ({ deck }) =>
      deck && asText(deck.data.title) === undefined
        ? [
            error(
              'deck-title',
              { file: deck.shownAs, line: at(deck, 'title') },
              'deck.md has no title',
              'add `title: <course title>` to the front matter',
            ),
          ]
        : [],
  },
  {
    name: 'deck-fields',
    check: ({ deck }) => (deck ? fieldProblems(deck, DECK_FIELDS, 'deck.md') : []),
  },
  {
    name: 'brand',
    check: ({ deck }) => {
      const brand = deck?.data.brand;
      if (!deck || !brand || typeof brand !== 'object' || Array.isArray(brand)) return [];
      const out: Problem[] = [];
      for (const [key, value] of Object.entries(brand as Record<string, unknown>)) {
        const line = deck.keyLines[`brand.${key}`] ?? at(deck, 'brand');
        if (!(BRAND_FIELDS as readonly string[]).includes(key)) {
          out.push(
            warning(
              'unknown-key',
              { file: deck.shownAs, line },
              `unknown brand key "${key}"`,
              `known keys: ${BRAND_FIELDS.join(', ')}`,
            ),
          );
        } else if (
          (key === 'primary' || key === 'accent') &&
          !(typeof value === 'string' && CSS_COLOR.test(value.trim()))
        ) {
          out.push(
            error(
              'brand-color',
              { file: deck.shownAs, line },
              `brand.${key} is not a colour: ${JSON.stringify(value)}`,
              'write a hex colour in quotes, e.g. "#0b3d91"',
            ),
          );
        } else if ((key === 'logo' || key === 'organization') && typeof value !== 'string') {
          out.push(
            error(
              'field-type',
              { file: deck.shownAs, line },
              `brand.${key} must be text`,
              'e.g. logo: assets/logo.png',
            ),
          );
        }
      }
      return out;
    },
  },
  {
    name: 'chapter-numbers',
    check: (deck) => {
      // Without deck.md the expected count is unknown: "missing chapter" would only be noise.
      if (!deck.deck) return [];
      const n = chapterCount(deck);
      const out: Problem[] = [];
      const byNumber = new Map<number, ChapterSource[]>();
      for (const c of deck.chapters) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
      const name = (num: number) => byNumber.get(num)?.[0]?.shownAs.split(/[\\/]/).pop();
      for (let num = 1; num <= n + 1; num++) {
        if (byNumber.has(num) || deck.unreadableChapters.includes(num)) continue;
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
  ...slideRules,
  {
    name: 'time-budget',
    check: ({ deck, chapters, unreadableChapters }) => {
      const duration = deck?.data.duration;
      // A chapter that could not be read has unknown minutes: a sum without it would mislead.
      if (!deck || typeof duration !== 'number' || !(duration > 0) || unreadableChapters.length > 0)
        return [];
      const planned = plannedMinutes(chapters.map((c) => c.data));
      if (planned === duration) return [];
      return [
        warning(
          'time-budget',
          { file: deck.shownAs, line: at(deck, 'duration') },
          `the chapters plan ${planned} minutes but deck.md says duration: ${duration}`,
          planned < duration
            ? `add ${duration - planned} minutes to the chapters or lower duration`
            : `cut ${planned - duration} minutes from the chapters or raise duration`,
        ),
      ];
    },
  },
  {
    name: 'remote-resources',
    // Outputs must open with no network: a stylesheet import or a url() on the web would be fetched.
    check: ({ deck, chapters }) => [
      // Notes in front matter become comments Marp may read as directives, e.g. backgroundImage.
      ...[deck, ...chapters].flatMap((f) =>
        !f
          ? []
          : ['agendaNotes', 'closingNotes', 'notes']
              .filter((k) => typeof f.data[k] === 'string' && /url\(/i.test(f.data[k] as string))
              .map((k) =>
                error(
                  'remote-resource',
                  { file: f.shownAs, line: at(f, k) },
                  `${k} holds a CSS url(), which Marp could load as a background`,
                  'write the address without url( … )',
                ),
              ),
      ),
      ...chapters.flatMap((c) =>
        c.slides.flatMap((s) =>
          s.markdown
            .split('\n')
            .flatMap((text, i) =>
              /url\(\s*['"]?\s*(https?:)?\/\/|@import\b/i.test(text)
                ? [
                    error(
                      'remote-resource',
                      { file: c.shownAs, line: s.line + i },
                      'slide loads a stylesheet or url() from outside the deck',
                      "put the file in the deck's assets/ folder and link it with a relative path: outputs must open without a network",
                    ),
                  ]
                : [],
            ),
        ),
      ),
    ],
  },
  { name: 'global-directives', check: globalDirectiveProblems },
  { name: 'size-limits', check: sizeLimitProblems },
  { name: 'output-name', check: outputNameProblems },
];
