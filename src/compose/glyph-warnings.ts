import type { ComposedDeck } from './compose-deck.js';
import { warning, type Problem } from '../core/problem.js';

/**
 * A warning for each slide that holds characters no embedded face can draw: they would be
 * missing from every PDF without a word. Points at the line of the slide that holds them.
 */
export function missingGlyphWarnings(composed: ComposedDeck, missing: readonly string[]): Problem[] {
  if (missing.length === 0) return [];
  const problems: Problem[] = [];
  composed.slides.forEach((slide, i) => {
    const text = [slide.body ?? slide.heading ?? '', slide.notes].join('\n');
    const here = missing.filter((c) => text.includes(c));
    if (here.length === 0) return;
    const lineInBody = slide.body
      ? slide.body.split('\n').findIndex((l) => here.some((c) => l.includes(c)))
      : -1;
    problems.push(
      warning(
        'glyph-missing',
        { file: slide.file, line: slide.line + Math.max(lineInBody, 0), slide: i + 1 },
        `slide ${i + 1} uses ${here.map((c) => `${c} (U+${(c.codePointAt(0) as number).toString(16).toUpperCase()})`).join(', ')}, which no embedded font can draw`,
        'these characters will be missing from the PDFs and may show as boxes elsewhere: replace them, or write them out in words',
      ),
    );
  });
  return problems;
}
