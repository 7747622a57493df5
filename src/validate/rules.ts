import { error, warning } from '../core/problem.js';
import { plannedMinutes } from './deck-model.js';
import { slideRules } from './slide-rules.js';
import { quizRules } from './quiz-rules.js';
import { deckRules } from './deck-rules.js';
import { chapterRules } from './chapter-rules.js';
import { placeholderRules } from './placeholder-rules.js';
import { at } from './field-problems.js';
import { globalDirectiveProblems } from './global-directives.js';
import { sizeLimitProblems } from './size-limits.js';
import { outputNameProblems } from './output-name.js';
import { templateRules } from './template-rules.js';

import type { Rule } from './rule.js';

export { chapterCount } from './chapter-rules.js';

export const rules: Rule[] = [
  ...deckRules,
  ...chapterRules,
  ...slideRules,
  ...quizRules,
  ...placeholderRules,
  ...templateRules,
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
    // Outputs must open with no network. What slides load is decided on the rendered deck, its
    // CSS read by a CSS tokenizer (render/resource-audit.ts): a line of markdown that mentions
    // @import or url( (in a code block, a CSS comment, prose) loads nothing.
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
    ],
  },
  { name: 'global-directives', check: globalDirectiveProblems },
  { name: 'size-limits', check: sizeLimitProblems },
  { name: 'output-name', check: outputNameProblems },
];
