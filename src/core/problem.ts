/** A finding about a deck: where it is, what is wrong and how to fix it. */
export type Severity = 'error' | 'warning';

/**
 * The stable machine-readable names of findings, as `check --json` prints them. They name what
 * is wrong; how lectern exits is a different thing (LecternError's `exit`).
 */
export const FINDING_CODES = [
  // reading the deck folder and its files
  'deck-folder',
  'deck-missing',
  'unreadable',
  'source-outside',
  'not-a-file',
  'file-too-large',
  'not-text',
  'not-utf8',
  'control-characters',
  'front-matter-language',
  'front-matter-unclosed',
  'yaml-invalid',
  // images
  'image-remote',
  'image-outside',
  'image-missing',
  'image-invalid',
  'image-damaged',
  'image-large',
  'image-alt',
  'image-too-large',
  'images-downscaled',
  // deck.md and chapter fields, the outline
  'unknown-key',
  'field-type',
  'deck-title',
  'brand-color',
  'name-invalid',
  'chapter-missing',
  'chapter-duplicate',
  'chapter-extra',
  'chapter-title',
  'chapter-empty',
  'time-budget',
  'global-directive',
  'directive-value',
  'deck-too-large',
  'slide-too-large',
  'slide-separator',
  'unclosed-block',
  // slides
  'notes-missing',
  'placeholder',
  'heading-missing',
  'slide-minutes',
  'quiz-invalid',
  'quiz-outside',
  'slide-overflow',
  'slide-collision',
  'low-contrast',
  'brand-contrast',
  'glyph-missing',
  'pptx-picture',
  'diagram-invalid',
  // deck.md pptxTemplate: a company template lectern cannot build on, a layout it does not have
  'pptx-template',
  'template-fonts',
  // what the slides would load
  'remote-resource',
  'unsafe-link',
  'network-request',
  'theme-invalid',
  // lectern import: a source that is not a Marp deck, web images to download, the drafted review
  'not-marp',
  'image-download',
  'review-draft',
  // a run that ended before its findings: what `check --json` lists for an error without any
  'deck-invalid',
  'usage',
  'output-unwritable',
  'browser-missing',
  'browser-failed',
  'internal',
  'interrupted',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Problem {
  severity: Severity;
  /** Stable machine-readable name, e.g. `chapter-missing`. */
  code: FindingCode;
  /** Path of the file as the user typed it (relative to the working directory where possible). */
  file: string;
  line?: number;
  /** 1-based slide number in the composed deck, where the problem is about one slide. */
  slide?: number;
  message: string;
  hint?: string;
  /** How much a slide overflows or a collision covers, in px of the slide (for `--json`). */
  px?: number;
}

/** Where a finding is: the file as the user typed it, its line, the slide it is about. */
export interface Where {
  file: string;
  line?: number;
  slide?: number;
}

/** A finding of the given severity; `error` and `warning` below are the usual two. */
export const finding =
  (severity: Severity) =>
  (code: FindingCode, where: Where, message: string, hint?: string, px?: number): Problem => ({
    severity,
    code,
    ...where,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(px === undefined ? {} : { px }),
  });

/** A finding that stops the build. */
export const error = finding('error');
/** A finding printed beside the outputs. */
export const warning = finding('warning');

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const head = `${where}: ${p.severity}: ${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
}

export const errorsOf = (ps: readonly Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');
export const warningsOf = (ps: readonly Problem[]): Problem[] => ps.filter((p) => p.severity === 'warning');
