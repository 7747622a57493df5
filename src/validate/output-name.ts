import type { LoadedDeck } from '../load/load-deck.js';
import { error, type Problem } from '../core/problem.js';

/** deck.md `name:` becomes the output files' names: it must be a plain, visible file name. */
export function outputNameProblems({ deck }: LoadedDeck): Problem[] {
  const name = deck?.data.name;
  if (!deck || typeof name !== 'string') return [];
  const why = outputNameProblem(name);
  if (!why) return [];
  return [
    error(
      'name-invalid',
      { file: deck.shownAs, line: deck.keyLines.name ?? 1 },
      `name must be a plain file name, not ${JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name)}: ${why}`,
      'use letters, digits, - and _, e.g. name: collection-mindset; choose the folder with --out',
    ),
  ];
}

/** Output names become file names on every system the outputs travel to, with suffixes added. */
const MAX_NAME = 100;

function outputNameProblem(raw: string): string | undefined {
  const name = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
  if (/[\u0000-\u001f\u007f]/.test(raw)) return 'it holds a control character or a line break';
  // Right-to-left overrides make `evil\u202Efdp.exe` look like `evilexe.pdf`.
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(raw)) return 'it holds a text-direction control';
  if (!/^[^\\/:*?"<>|]+$/.test(name)) return 'it holds a path separator or one of \\ / : * ? " < > |';
  if (name.startsWith('.')) return 'it starts with a dot';
  if ([...name].length > MAX_NAME || Buffer.byteLength(name) > 200)
    return `it is longer than ${MAX_NAME} characters`;
  return undefined;
}
