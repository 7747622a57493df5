import { LecternError } from '../core/errors.js';
import * as write from './output-writers.js';
import type { OutputWriter } from './output-writer.js';
import type { OutputTarget } from '../export/output/output-targets.js';

/** The output formats, in the order they are built and listed; each has its entry in OUTPUTS. */
export const FORMATS = [
  'html',
  'pdf',
  'handout',
  'script',
  'pptx',
  'pptx-pictures',
  'images',
  'share',
  'scorm12',
  'scorm2004',
] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Everything lectern knows about one output format: adding a format is its name in FORMATS, its
 * entry in OUTPUTS (the compiler refuses one without the other) and its writer.
 */
export interface OutputSpec {
  /** Every file or folder the output writes, its main one first (the slide pictures: a folder and its zip). */
  files(name: string): string[];
  /** Its main file is a folder (the slide pictures), which lectern marks as its own. */
  folder?: true;
  /** Its name in the progress lines. */
  label: string;
  /**
   * `early`: printed by the browser, which starts while the deck is prepared; `when-needed`: asks
   * for it only for some slides (the editable PPTX); `never`: written without one. A failure of an
   * output that may use the browser is reported as the browser's (exit 6).
   */
  browser: 'early' | 'when-needed' | 'never';
  /** Built by `all`, the default; the others are asked for by name. */
  inDefault: boolean;
  /** Its name in the build cache's key, when that depends on the other formats built beside it. */
  cacheName?: (formats: readonly Format[]) => string;
  write: OutputWriter;
}

export const OUTPUTS = {
  html: { files: (n) => [`${n}.html`], label: 'HTML', browser: 'never', inDefault: true, write: write.html },
  pdf: {
    files: (n) => [`${n}.pdf`],
    label: 'slides PDF',
    browser: 'early',
    inDefault: true,
    write: write.pdf,
  },
  handout: {
    files: (n) => [`${n}-handout.pdf`],
    label: 'handout PDF',
    browser: 'early',
    inDefault: true,
    write: write.handout,
  },
  script: {
    files: (n) => [`${n}-script.pdf`],
    label: 'speaker script PDF',
    browser: 'early',
    inDefault: true,
    write: write.script,
  },
  pptx: {
    files: (n) => [`${n}.pptx`],
    label: 'PPTX',
    // Every slide is measured in the slides document, so the browser starts early.
    browser: 'early',
    inDefault: true,
    write: write.editablePptx,
  },
  'pptx-pictures': {
    files: (n) => [`${n}-pictures.pptx`],
    label: 'PPTX of slide pictures',
    browser: 'early',
    inDefault: false,
    // Built beside the slide images it holds their PNG pictures, alone it holds JPEG: two outputs.
    cacheName: (formats) => (formats.includes('images') ? 'pptx+png' : 'pptx-pictures'),
    write: write.picturePptx,
  },
  images: {
    files: (n) => [`${n}-images`, `${n}-images.zip`],
    folder: true,
    label: 'slide pictures (PNG)',
    browser: 'early',
    inDefault: false,
    write: write.slideImages,
  },
  share: {
    files: (n) => [`${n}-share.html`],
    label: 'share copy (HTML, no notes)',
    browser: 'never',
    inDefault: false,
    write: write.share,
  },
  scorm12: {
    files: (n) => [`${n}-scorm12.zip`],
    label: 'SCORM 1.2 package',
    browser: 'never',
    inDefault: false,
    write: write.scorm12,
  },
  scorm2004: {
    files: (n) => [`${n}-scorm2004.zip`],
    label: 'SCORM 2004 package',
    browser: 'never',
    inDefault: false,
    write: write.scorm2004,
  },
} satisfies Record<Format, OutputSpec>;

const spec = (format: Format): OutputSpec => OUTPUTS[format];

/** What `all` (the default) builds. */
export const DEFAULT_FORMATS: readonly Format[] = FORMATS.filter((f) => spec(f).inDefault);

/** Formats printed by a browser, which starts while the deck is prepared. */
export const BROWSER_FORMATS: readonly Format[] = FORMATS.filter((f) => spec(f).browser === 'early');

/** Every file or folder an output writes, its main one first. */
export function outputFiles(name: string, format: Format): string[] {
  return spec(format).files(name);
}

/** Every path an output publishes into the output folder, and whether it is a folder. */
export function outputTargets(name: string, format: Format): OutputTarget[] {
  return outputFiles(name, format).map((file, i) => ({
    name: file,
    folder: i === 0 && spec(format).folder === true,
  }));
}

/** The format's name in its build-cache key, given every format the build makes. */
export function cacheName(format: Format, formats: readonly Format[]): string {
  return spec(format).cacheName?.(formats) ?? format;
}

/** Its name in the progress lines, for a step that is a format. */
export function formatLabel(step: string): string | undefined {
  return Object.hasOwn(OUTPUTS, step) ? spec(step as Format).label : undefined;
}

/** Names kept for scripts written before the editable PPTX became `pptx` (0.1: pptx-editable). */
const ALIASES: Record<string, Format> = { 'pptx-editable': 'pptx' };

/** Reads `--format html,pdf`; `all` (or nothing) stands for the default formats. */
export function parseFormats(value: string | undefined): Format[] {
  const wanted = (value ?? 'all')
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean)
    .flatMap((f) => (f === 'all' ? [...DEFAULT_FORMATS] : [ALIASES[f] ?? f]));
  const unknown = wanted.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || wanted.length === 0) {
    throw new LecternError(`unknown format ${unknown.join(', ') || '(empty)'}`, {
      exit: 'USAGE',
      hint: `--format takes a comma list of ${FORMATS.join(', ')}; all means ${DEFAULT_FORMATS.join(', ')}`,
    });
  }
  return FORMATS.filter((f) => wanted.includes(f));
}
