import { LecternError } from './errors.js';

export const FORMATS = ['html', 'pdf', 'handout', 'script', 'pptx'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats printed by a browser. */
export const BROWSER_FORMATS: readonly Format[] = ['pdf', 'handout', 'script', 'pptx'];

export function outputFileName(name: string, format: Format): string {
  switch (format) {
    case 'html':
      return `${name}.html`;
    case 'pdf':
      return `${name}.pdf`;
    case 'handout':
      return `${name}-handout.pdf`;
    case 'script':
      return `${name}-script.pdf`;
    case 'pptx':
      return `${name}.pptx`;
  }
}

/** Reads `--format html,pdf`; `all` or nothing means every format. */
export function parseFormats(value: string | undefined): Format[] {
  if (!value || value.trim() === 'all') return [...FORMATS];
  const wanted = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || wanted.length === 0) {
    throw new LecternError(`unknown format ${unknown.join(', ') || '(empty)'}`, { code: 'USAGE', hint: `--format takes a comma list of ${FORMATS.join(', ')} (or all)` });
  }
  return FORMATS.filter((f) => wanted.includes(f));
}
