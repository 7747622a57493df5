import { error, warning, type Problem } from '../core/problem.js';
import type { Rule } from './rule.js';
import { at, fieldProblems } from './field-problems.js';
import { BRAND_FIELDS, CSS_COLOR, DECK_FIELDS, asText } from './fields.js';
import { MARP_DIRECTIVES, headingLevels } from '../engine/marp-directives.js';

/** Marp's directives that are not lectern's keys too (title, lang, theme and size keep their checks). */
const MARP_ONLY = MARP_DIRECTIVES.filter((k) => !(k in DECK_FIELDS));

/** The rules for deck.md: its title, its fields and the brand. */
export const deckRules: Rule[] = [
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
    // Marp's directives (paginate, header, style, …) are deck.md's too: they hold for every slide.
    check: ({ deck }) => (deck ? fieldProblems(deck, DECK_FIELDS, 'deck.md', MARP_ONLY) : []),
  },
  {
    name: 'heading-divider',
    check: ({ deck }) =>
      deck && deck.data.headingDivider !== undefined && headingLevels(deck.data.headingDivider) === undefined
        ? [
            error(
              'directive-value',
              { file: deck.shownAs, line: at(deck, 'headingDivider') },
              `headingDivider must be a heading level from 1 to 6 or a list of them, not ${JSON.stringify(deck.data.headingDivider)}`,
              'e.g. headingDivider: 2 starts a slide at every # and ## heading',
            ),
          ]
        : [],
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
];
