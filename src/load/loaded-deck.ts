import type { Problem } from '../core/problem.js';
import type { ImageAsset } from './load-images.js';
import type { SourceSlide } from './source-slide.js';
import type { PptxTemplate } from './template/template-model.js';

// What the loader hands to validation: the deck's files as read, with every problem found.

export interface SourceFile {
  path: string;
  /** The path as shown in messages: relative to the working directory. */
  shownAs: string;
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
  body: string;
  bodyLine: number;
}

export interface DeckSource extends SourceFile {
  /** Speaker notes for the title slide: the comments in deck.md's body. */
  notes: string[];
  /** Lines of knowledge checks written in deck.md's body, where they are no slide (an error). */
  quizLines?: number[];
}

export interface ChapterSource extends SourceFile {
  number: number;
  slug: string;
  slides: SourceSlide[];
}

export interface LoadedDeck {
  dir: string;
  shownDir: string;
  /** Undefined when deck.md is missing or unreadable (a problem says why). */
  deck?: DeckSource;
  chapters: ChapterSource[];
  /** Images by real path. */
  assets: Map<string, ImageAsset>;
  /** Chapter numbers whose file exists but could not be read; a problem says why. */
  unreadableChapters: number[];
  /** Files that look like a chapter but are misnamed (`3-x.md`), with the name they meant. */
  misnamedChapters: { name: string; meant: string; number: number }[];
  /** deck.md `pptxTemplate:`, read and usable (a problem says why when it is not). */
  template?: PptxTemplate;
  /** Problems found while reading: encoding, YAML, images. Validation adds the rest. */
  problems: Problem[];
}
