import type { Token } from './markdown-tokens.js';
import type { Run } from './slide-blocks.js';
import { inlineParts } from './inline-runs.js';

// A knowledge check read from the Marp tokens of its slide: a slide with `<!-- _class: quiz -->`
// or a heading that opens with 测验 / 小测验 / 知识检查 / Quiz holds one question; its first
// paragraph (or else its heading) is the question, the task list `- [ ]` / `- [x]` the options
// (`[x]` correct) and a quote after the list the explanation.

/** A heading that makes its slide a quiz. */
export const QUIZ_HEADING = /^(测验|小测验|知识检查)|^quiz(?![a-z])/i;

/** `[ ]`, `[x]` or `[X]` opening a list item's text, as task lists write it. */
export const TASK_BOX = /^\[( |x|X)\]\s+/;

export interface QuizOption {
  runs: Run[];
  correct: boolean;
  /** The option's line in the source file. */
  line: number;
}

export interface QuizReading {
  /** The line of the slide's heading (or its first block): where problems with the whole quiz point. */
  line: number;
  question: Run[];
  options: QuizOption[];
  /** Lines of items in the options' list that have no `[ ]` or `[x]`. */
  unboxed: number[];
  /** The quote after the options, one entry per paragraph. */
  explanation: Run[][];
  /** The explanation's source lines, [first, after last), to leave it off the slide. */
  explanationLines?: [number, number];
}

/** Whether a slide's tokens make it a quiz: the `quiz` class or a quiz heading. */
export function isQuizSlide(tokens: Token[]): boolean {
  const classes = tokens
    .flatMap((t) => [t, ...(t.children ?? [])])
    .filter((t) => t.type === 'marpit_comment')
    .map((t) => t.meta?.marpitParsedDirectives ?? {})
    .flatMap((d) => [d._class, d.class].filter((v) => v !== undefined).map(String));
  if (classes.some((c) => c.split(/\s+/).includes('quiz'))) return true;
  const heading = tokens.findIndex((t) => t.type === 'heading_open');
  return heading >= 0 && QUIZ_HEADING.test((tokens[heading + 1]?.content ?? '').trim());
}

/**
 * The quiz on a slide, or undefined when it is not one. `lineOf` turns a token's map line into
 * the source file's line.
 */
export function readQuiz(tokens: Token[], lineOf: (mapLine: number) => number): QuizReading | undefined {
  if (!isQuizSlide(tokens)) return undefined;
  let heading: Run[] | undefined;
  let paragraph: Run[] | undefined;
  let line: number | undefined;
  const options: QuizOption[] = [];
  const unboxed: number[] = [];
  const explanation: Run[][] = [];
  let explanationLines: [number, number] | undefined;
  // Where the reading is: inside the options' list (its depth), past it, inside the quote.
  let depth = 0;
  let listDone = false;
  let itemLine: number | undefined;
  let quotes = 0;
  let inQuote = false;
  tokens.forEach((t, i) => {
    if (t.map && line === undefined && t.type !== 'marpit_comment') line = lineOf(t.map[0]);
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      if (depth > 0 || !listDone) depth++;
      return;
    }
    if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      if (depth > 0 && --depth === 0) listDone = true;
      return;
    }
    if (t.type === 'list_item_open' && depth === 1) itemLine = lineOf(t.map![0]);
    // Levels count from the slide's container, so quotes and lists are counted here.
    if (t.type === 'blockquote_open' && quotes++ === 0 && depth === 0 && listDone && !explanationLines) {
      inQuote = true;
      explanationLines = [lineOf(t.map![0]), lineOf(t.map![1])];
    }
    if (t.type === 'blockquote_close' && --quotes === 0) inQuote = false;
    if (t.type !== 'inline') return;
    const runs = inlineParts(t.children ?? []).runs;
    if (tokens[i - 1]?.type === 'heading_open') heading ??= runs;
    else if (itemLine !== undefined) {
      const box = TASK_BOX.exec(t.content);
      if (box) options.push({ runs: withoutBox(runs), correct: box[1] !== ' ', line: itemLine });
      else unboxed.push(itemLine);
      itemLine = undefined;
    } else if (inQuote) explanation.push(runs);
    else if (depth === 0 && quotes === 0 && !listDone) paragraph ??= runs;
  });
  return {
    line: line ?? lineOf(1),
    question: paragraph ?? heading ?? [],
    options,
    unboxed,
    explanation,
    ...(explanationLines ? { explanationLines } : {}),
  };
}

/** An option's runs without the `[x] ` that opens the first one. */
function withoutBox(runs: Run[]): Run[] {
  const [first, ...rest] = runs;
  if (!first) return runs;
  const text = first.text.replace(TASK_BOX, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}
