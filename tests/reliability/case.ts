import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One deck of the reliability catalogue: how it differs from the valid fixture and what lectern must do. */
export interface Case {
  name: string;
  change: (deck: string, dir: string) => void;
  /** Extra CLI arguments; `--format html` is the default so most cases need no browser. */
  args?: (deck: string, out: string) => string[];
  code: number;
  stderr?: RegExp;
  /** A check on the built HTML for cases that must build. */
  html?: (html: string) => void;
  /** A check on the output folder of a case that must build (e.g. its PPTX files' XML). */
  outputs?: (out: string) => Promise<void>;
  /** The deck folder's path below the case's temporary folder (default `deck`). */
  deckPath?: string;
  /** Environment for the run. */
  env?: (dir: string) => NodeJS.ProcessEnv;
}

export const edit = (file: string, fn: (text: string) => string) =>
  writeFileSync(file, fn(readFileSync(file, 'utf8')));
export const ch = (deck: string, name: string) => join(deck, name);
export const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
