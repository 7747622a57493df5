import type { QuizReading } from '../engine/quiz-tokens.js';
import { TASK_BOX } from '../engine/quiz-tokens.js';
import { plain } from '../engine/slide-tokens.js';
import type { Labels } from '../core/labels.js';
import { notesComment } from './markdown-text.js';
import type { SlideQuiz } from './composed-deck.js';

// A knowledge check as the room sees it: the question and its options with empty boxes (the
// theme letters them A, B, C …), a line saying single or multiple choice, and no key. The key
// and the explanation go into the speaker notes (presenter view, script, PPTX notes) and into
// the slide's quiz data, from which the HTML reveals them and the share copy checks answers.

/** The letter of the i-th option. */
export const optionLetter = (i: number): string => String.fromCharCode(65 + i);

/** What the outputs know of a quiz: question, options, key and explanation as plain text. */
export function slideQuiz(quiz: QuizReading): SlideQuiz {
  return {
    question: plain(quiz.question).trim(),
    options: quiz.options.map((o) => plain(o.runs).trim()),
    correct: quiz.options.flatMap((o, i) => (o.correct ? [i] : [])),
    explanation: quiz.explanation.map((p) => plain(p).trim()).join('\n'),
  };
}

/** The key and explanation as speaker notes. */
export function quizNotes(quiz: SlideQuiz, t: Labels): string {
  const key = t.quiz.key(quiz.correct.map(optionLetter).join(quiz.correct.length > 2 ? ', ' : ' '));
  return [key, quiz.explanation ? t.quiz.why(quiz.explanation) : ''].filter(Boolean).join('\n');
}

/**
 * The slide's markdown (`firstLine` is its first line in the source) as the room sees it: the
 * options lose their `[ ]` / `[x]`, the explanation leaves the slide for the notes, and the
 * kind of question shows as the slide's last line, which the quiz layout pins top right.
 */
export function quizBody(markdown: string, firstLine: number, reading: QuizReading, t: Labels): string {
  const lines = markdown.split('\n');
  for (const o of reading.options) {
    const i = o.line - firstLine;
    const text = lines[i] ?? '';
    const box = /\[( |x|X)\]/.exec(text);
    if (box && TASK_BOX.test(text.slice(box.index)))
      lines[i] = text.slice(0, box.index) + text.slice(box.index + 3).trimStart();
  }
  if (reading.explanationLines) {
    const [from, to] = reading.explanationLines.map((l) => l - firstLine) as [number, number];
    for (let i = from; i < to && i < lines.length; i++) lines[i] = '';
  }
  const quiz = slideQuiz(reading);
  const kind = quiz.correct.length > 1 ? t.quiz.multiple : t.quiz.single;
  return `${lines.join('\n').trimEnd()}\n\n${notesComment(quizNotes(quiz, t))}\n\n###### ${kind}`;
}
