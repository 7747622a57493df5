import { SCAFFOLD_PLACEHOLDERS } from '../core/labels.js';
import { warning, type Problem } from '../core/problem.js';
import { at } from './field-problems.js';
import type { Rule } from './rule.js';

/**
 * What `lectern new` wrote and the trainer has not replaced yet: a warning at its line, so a
 * course does not reach the room with 讲师姓名 on its title slide.
 */
export const placeholderRules: Rule[] = [
  {
    name: 'placeholders',
    check: ({ deck, chapters }) => {
      const out: Problem[] = [];
      if (deck) {
        for (const [key, text] of Object.entries(SCAFFOLD_PLACEHOLDERS.fields)) {
          if (typeof deck.data[key] === 'string' && deck.data[key].trim() === text)
            out.push(
              warning(
                'placeholder',
                { file: deck.shownAs, line: at(deck, key) },
                `${key}: ${text} is the placeholder lectern new wrote`,
                `write the real ${key}, or delete the line to leave it off the title slide`,
              ),
            );
        }
      }
      for (const c of chapters) {
        for (const s of c.slides) {
          const where = (text: string) => s.markdown.split('\n').findIndex((l) => l.includes(text));
          const point = where(SCAFFOLD_PLACEHOLDERS.point);
          if (point >= 0)
            out.push(
              warning(
                'placeholder',
                { file: c.shownAs, line: s.line + point },
                `the slide still holds the sample text lectern new wrote (${SCAFFOLD_PLACEHOLDERS.point})`,
                'write the slide’s own points, or delete the slide',
              ),
            );
          const notes = where(SCAFFOLD_PLACEHOLDERS.notes);
          if (notes >= 0)
            out.push(
              warning(
                'placeholder',
                { file: c.shownAs, line: s.line + notes },
                'the speaker notes are still the sample lectern new wrote',
                'write what you will say on this slide',
              ),
            );
        }
      }
      return out;
    },
  },
];
