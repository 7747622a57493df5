import type { ChapterSource } from '../load/load-deck.js';
import type { QuizReading } from '../engine/quiz-tokens.js';
import { error } from '../core/problem.js';
import type { Rule } from './rule.js';

// The rules about knowledge checks: a question with options to choose from, one or more of
// them right and not all of them, and only on chapter slides.

const FORMAT_HINT = 'write each option as a task list item, `- [ ] wrong` or `- [x] right`';

/** Every quiz of the chapters, with its file. */
function quizzes(chapters: ChapterSource[]): { file: string; quiz: QuizReading }[] {
  return chapters.flatMap((c) =>
    c.slides.flatMap((s) => (s.quiz ? [{ file: c.shownAs, quiz: s.quiz }] : [])),
  );
}

/** What is wrong with one quiz's options as a whole, or null. */
function optionsProblem({ options }: QuizReading): { message: string; hint: string } | null {
  const right = options.filter((o) => o.correct).length;
  if (options.length === 0)
    return { message: 'quiz has no options', hint: `${FORMAT_HINT}, at least two of them` };
  if (options.length === 1)
    return { message: 'quiz has only one option', hint: 'give at least two options to choose from' };
  if (right === 0)
    return {
      message: 'quiz marks no option as right',
      hint: 'mark the right option (or options) with `- [x]`',
    };
  if (right === options.length)
    return {
      message: 'quiz marks every option as right',
      hint: 'leave the wrong options as `- [ ]`: a question every answer wins checks nothing',
    };
  return null;
}

export const quizRules: Rule[] = [
  {
    name: 'quiz-options',
    check: ({ chapters }) =>
      quizzes(chapters).flatMap(({ file, quiz }) => {
        const whole = optionsProblem(quiz);
        return [
          ...(whole ? [error('quiz-invalid', { file, line: quiz.line }, whole.message, whole.hint)] : []),
          ...quiz.unboxed.map((line) =>
            error('quiz-invalid', { file, line }, 'quiz option has no box', FORMAT_HINT),
          ),
        ];
      }),
  },
  {
    name: 'quiz-question',
    check: ({ chapters }) =>
      quizzes(chapters)
        .filter(({ quiz }) => quiz.question.every((r) => !r.text.trim()))
        .map(({ file, quiz }) =>
          error(
            'quiz-invalid',
            { file, line: quiz.line },
            'quiz has no question',
            'write the question as the heading or as a paragraph before the options',
          ),
        ),
  },
  {
    name: 'quiz-outside-chapter',
    // deck.md's body is the title slide's speaker notes: a question there would be read aloud, never asked.
    check: ({ deck }) =>
      (deck?.quizLines ?? []).map((line) =>
        error(
          'quiz-outside',
          { file: deck!.shownAs, line },
          'knowledge check outside a chapter: deck.md holds settings and the title slide notes',
          'move the question to a slide of a chapter file, e.g. the review chapter',
        ),
      ),
  },
];
