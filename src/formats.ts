import { LecternError } from './errors.js';

export const FORMATS = [
  'html',
  'pdf',
  'handout',
  'script',
  'pptx',
  'pptx-pictures',
  'images',
  'share',
] as const;
/** What `all` (the default) builds: the picture PPTX, slide pictures and the share copy are asked for by name. */
export const DEFAULT_FORMATS: readonly Format[] = ['html', 'pdf', 'handout', 'script', 'pptx'];
export type Format = (typeof FORMATS)[number];

/** Formats printed or measured by a browser (the editable PPTX places its frames where Chromium shows them). */
export const BROWSER_FORMATS: readonly Format[] = [
  'pdf',
  'handout',
  'script',
  'pptx',
  'pptx-pictures',
  'images',
];

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
    case 'pptx-pictures':
      return `${name}-pictures.pptx`;
    case 'images':
      return `${name}-images`;
    case 'share':
      return `${name}-share.html`;
  }
}

/** Every file or folder an output writes, its main one first: the slide pictures come as a folder and a zip of it. */
export function outputFiles(name: string, format: Format): string[] {
  const main = outputFileName(name, format);
  return format === 'images' ? [main, `${main}.zip`] : [main];
}

/** Names kept for scripts written before the editable PPTX became `pptx` (0.1: pptx-editable). */
const ALIASES: Record<string, Format> = { 'pptx-editable': 'pptx' };

/** Reads `--format html,pdf`; `all` (or nothing) stands for the default five. */
export function parseFormats(value: string | undefined): Format[] {
  const wanted = (value ?? 'all')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
    .flatMap((f) => (f === 'all' ? [...DEFAULT_FORMATS] : [ALIASES[f] ?? f]));
  const unknown = wanted.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || wanted.length === 0) {
    throw new LecternError(`unknown format ${unknown.join(', ') || '(empty)'}`, {
      code: 'USAGE',
      hint: `--format takes a comma list of ${FORMATS.join(', ')}; all means ${DEFAULT_FORMATS.join(', ')}`,
    });
  }
  return FORMATS.filter((f) => wanted.includes(f));
}
