import type { Page } from 'puppeteer-core';
import type { BrowserSession } from '../export/browser/browser.js';
import type { SlideBoxes } from '../export/pptx/block-boxes.js';
import type { BrowserLease } from '../export/browser/browser-lease.js';
import type { Staging } from '../export/output/staging.js';
import { LecternError } from '../core/errors.js';
import { OUTPUTS, type Format, type OutputSpec } from './formats.js';
import type { PreparedDeck } from './prepare-deck.js';
import type { Problem } from '../core/problem.js';
import type { WriterJobs } from './output-writer.js';
import type { SlideFit } from '../export/browser/slide-overflow.js';

/** Outputs that need the same intermediate share it: the slides PDF's window measures for the PPTX and the fit check. */
export class Jobs implements WriterJobs {
  private slidesPdf?: Promise<Uint8Array>;
  private boxes?: Promise<SlideBoxes[]>;
  private pictures?: Promise<Map<number, Buffer>>;
  private fit?: Promise<SlideFit[]>;
  private shown: () => void = () => undefined;
  private readonly slidesShown = new Promise<void>((resolve) => (this.shown = resolve));

  /** Warnings found while writing outputs (slides the editable PPTX shows as pictures). */
  readonly warnings: Problem[] = [];
  constructor(
    readonly deck: PreparedDeck,
    readonly staging: Staging,
    private readonly browser: BrowserLease,
    private readonly formats: Format[],
  ) {}

  /** The build's one browser: started early when outputs need it, or here when one turns out to. */
  session(): Promise<BrowserSession> {
    return this.browser.session();
  }

  /**
   * pdf-lib work runs one document at a time: a parsed 310-slide PDF holds some 150 MB, and two
   * at once (slides PDF and handout) pushed a large build over a gigabyte.
   */
  private pdfQueue: Promise<unknown> = Promise.resolve();
  onePdfAtATime<T>(work: () => Promise<T>): Promise<T> {
    const result = this.pdfQueue.then(work);
    this.pdfQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * The slides as printed by the browser, before metadata and bookmarks. Slides that overflow
   * become warnings: `check` refuses them, and a build should not write them without a word.
   */
  printedSlides(): Promise<Uint8Array> {
    this.slidesPdf ??= (async () => {
      const { printSlides } = await import('../export/pdf/slides-pdf.js');
      // The editable PPTX's measurements come from the same window, before it prints.
      const measuring = this.formats.includes('pptx') && !this.boxes;
      let measured: (boxes: Promise<SlideBoxes[]>) => void = () => undefined;
      if (measuring) {
        this.boxes = new Promise((resolve) => (measured = resolve));
        // Handled where the PPTX awaits it; a failure here must not end the process unawaited.
        this.boxes.catch(() => undefined);
      }
      let printed: Awaited<ReturnType<typeof printSlides>>;
      try {
        printed = await printSlides(
          await this.session(),
          this.deck.model,
          this.deck.rendered,
          async (page) => {
            this.shown();
            if (!measuring) return;
            const { measureSlides } = await import('../export/pptx/block-boxes.js');
            const boxes = measureSlides(page, this.measureOptions());
            measured(boxes);
            await boxes.catch(() => undefined);
          },
        );
      } catch (err) {
        // No browser, or the print failed before measuring: the PPTX fails with it (a promise
        // left pending would end the process with nothing written and exit 0).
        if (measuring) measured(Promise.reject(err));
        throw err;
      }
      this.fit ??= Promise.resolve(printed.fit);
      return printed.pdf;
    })();
    // However the print ends (even before its window opened), work waiting for it goes on.
    this.slidesPdf.then(this.shown, this.shown);
    return this.slidesPdf;
  }

  /**
   * The slides document goes to the browser before the outputs load their own modules (pdf-lib,
   * pptxgenjs: 0.3 s of the main thread): its window lays out, measures and prints the slides,
   * the longest of the build's browser work, and the PPTX waits for its measurements.
   */
  startSlides(): void {
    if (this.formats.includes('pdf') || this.formats.includes('pptx'))
      (this.formats.includes('pdf') ? this.printedSlides() : this.slideBoxes()).catch(() => undefined);
  }

  /**
   * Where every slide shows its blocks, for the editable PPTX: measured in the window that
   * prints the slides PDF when the build prints it, else in a window of its own.
   */
  slideBoxes(): Promise<SlideBoxes[]> {
    if (!this.boxes && this.formats.includes('pdf')) this.printedSlides().catch(() => undefined);
    this.boxes ??= (async () => {
      const { measureSlides } = await import('../export/pptx/block-boxes.js');
      return this.measured((page) => measureSlides(page, this.measureOptions()));
    })();
    return this.boxes;
  }

  /**
   * The slide pictures, taken once for the PPTX and the slide images: PNG when the images are
   * asked for, JPEG (smaller, faster) for the PPTX alone. They follow the slides print, so its
   * window goes on to take them and pdf-lib's work on the printed PDF overlaps them.
   */
  slidePictures(): Promise<Map<number, Buffer>> {
    this.pictures ??= (async () => {
      if (this.formats.includes('pdf')) await this.printedSlides();
      const { pictureSlides } = await import('../export/pptx/image-pptx.js');
      return pictureSlides(await this.session(), this.deck.model, this.deck.rendered, {
        format: this.pictureFormat(),
      });
    })();
    return this.pictures;
  }

  /**
   * Every slide that overflows or collides, as errors: measured in the window that printed the
   * slides when the build printed them, else in a window of its own (a PPTX or images alone):
   * `check` and `build` hold a deck to the same rule.
   */
  async fitProblems(): Promise<Problem[]> {
    if (!this.fit && this.formats.includes('pdf')) await this.printedSlides();
    this.fit ??= (async () =>
      this.measured((await import('../export/browser/slide-overflow.js')).measureFit))();
    const { fitProblems } = await import('../export/browser/slide-overflow.js');
    return fitProblems(this.deck.composed, await this.fit);
  }

  /**
   * Waits, when the build prints the slides, until their window has its document. Work that
   * holds the main thread for long (marp-cli's render of the HTML, 0.6 s) waits for it: the
   * browser's jobs need that thread to hand it their documents, and once they have, it works
   * on its own while the thread is free.
   */
  async afterSlidesShown(): Promise<void> {
    if (this.formats.includes('pdf')) await this.slidesShown;
  }

  /** The editable PPTX draws what the theme paints, unless a company template's masters paint it. */
  private measureOptions(): { themeBackdrops: boolean } {
    return { themeBackdrops: !this.deck.model.pptxTemplate };
  }

  pictureFormat(): 'png' | 'jpeg' {
    return this.formats.includes('images') ? 'png' : 'jpeg';
  }

  /** Runs a measurement of the slides in a window of its own that shows the slides document. */
  private async measured<T>(measure: (page: Page) => Promise<T>): Promise<T> {
    const { slidesDocument } = await import('../export/pdf/slides-pdf.js');
    const { inWindow } = await import('../export/browser/window-pool.js');
    const { model, rendered } = this.deck;
    return inWindow(
      await this.session(),
      slidesDocument(model, rendered),
      rendered.slideSvgs.length,
      measure,
    );
  }

  /** Writes one output into the staging folder; a browser that fails midway is reported as such. */
  async write(format: Format): Promise<void> {
    const spec: OutputSpec = OUTPUTS[format];
    try {
      const files = spec.files(this.deck.model.name);
      const data = await spec.write(this, files);
      if (data !== undefined) await this.staging.write(files[0]!, data);
    } catch (err) {
      if (err instanceof LecternError || spec.browser === 'never') throw err;
      const { browserFailed } = await import('../export/browser/browser.js');
      throw browserFailed(
        `the browser failed while writing the ${format}: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`,
        err,
      );
    }
  }
}
