import type { BrowserSession } from '../export/browser/browser.js';
import type { Staging } from '../export/output/staging.js';
import type { SlideBoxes } from '../export/pptx/block-boxes.js';
import type { Problem } from '../core/problem.js';
import type { PreparedDeck } from './prepare-deck.js';

/**
 * What a writer may ask of the build: the prepared deck, the staging folder and the shared
 * intermediates. The job runner (build-jobs.ts) implements it and the format table names the
 * writers by this type, so the table, the writers and the runner import this file and not
 * each other.
 */
export interface WriterJobs {
  readonly deck: PreparedDeck;
  readonly staging: Staging;
  readonly warnings: Problem[];
  session(): Promise<BrowserSession>;
  onePdfAtATime<T>(work: () => Promise<T>): Promise<T>;
  printedSlides(): Promise<Uint8Array>;
  slideBoxes(): Promise<SlideBoxes[]>;
  slidePictures(): Promise<Map<number, Buffer>>;
  pictureFormat(): 'png' | 'jpeg';
  /** Settles once the slides' window has its document, at once when the build prints none. */
  afterSlidesShown(): Promise<void>;
}

/**
 * Writes one output of the build into its staging folder, or returns the bytes of its one file
 * for the build to write there. `files` are the output's files as OUTPUTS names them. Each writer
 * loads its own modules: an HTML-only build never loads pdf-lib or the browser.
 */
export type OutputWriter = (jobs: WriterJobs, files: string[]) => Promise<Uint8Array | string | void>;
