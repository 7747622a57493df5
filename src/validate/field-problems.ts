import type { SourceFile } from '../load/load-deck.js';
import { error, warning, type Problem } from '../core/problem.js';
import { lengthError, typeError, type FieldType } from './fields.js';

// What the front-matter rules share: a key's line, and the problems of a file's fields.

export function at(file: SourceFile, key: string): number {
  return file.keyLines[key] ?? 1;
}

/** Unknown keys (warnings) and values of the wrong type (errors) in a file's front matter. */
export function fieldProblems(
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
    const long = why ? null : lengthError(type, value);
    if (long)
      out.push(
        error(
          'field-type',
          { file: file.shownAs, line: at(file, key) },
          `${key} ${long}`,
          'shorten it: a title is one line on a slide, notes are what is said on it',
        ),
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
    case 'percent':
      return "write the share of the knowledge checks' points a trainee needs to pass, e.g. `masteryScore: 80`";
    case 'web-address':
      return 'write the whole web address, e.g. `feedback: https://example.com/survey`';
    case 'clock-time':
      return 'write the time the course begins, hours and minutes in quotes, e.g. `start: "09:00"`; leave it out to plan from +0:00';
    case 'handout':
      return 'handout:\n      perPage: 3          # 1, 2, 3 or 6 slides a page (6: no note lines)\n      include: [agenda]   # also print the title or agenda slide';
    case 'labels':
      return 'labels:\n      agendaKicker: CATALOGUE   # the line under 目录; empty: none\n      chapter: "第 {n} 部分"     # the divider\'s line, {n}: the chapter\'s number';
    case 'brand':
      return 'brand:\n      primary: "#0b3d91"\n      accent: "#f5a623"\n      logo: assets/logo.png';
    default:
      return 'quote the value: `key: "text"`';
  }
}
