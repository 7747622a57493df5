import type { BrowserSession } from './export/browser/browser.js';
import type { Staging } from './export/output/staging.js';
import { LecternError } from './errors.js';
import { outputFileName, outputFiles, type Format } from './formats.js';
import type { PreparedDeck } from './prepare-deck.js';
import type { Problem } from './problem.js';

/** Outputs that need the same intermediate share it: the handout is made from the slides PDF. */
export class Jobs {
  private slidesPdf?: Promise<Uint8Array>;
  private pictures?: Promise<Map<number, Buffer>>;
  /** Warnings found while writing outputs (slides the editable PPTX shows as pictures). */
  readonly warnings: Problem[] = [];
  constructor(
    readonly deck: PreparedDeck,
    readonly staging: Staging,
    private browser: Promise<BrowserSession> | undefined,
    private readonly formats: Format[],
    private readonly openBrowser: () => Promise<BrowserSession>,
  ) {}

  /** The build's one browser: started early when outputs need it, or here when one turns out to. */
  session(): Promise<BrowserSession> {
    this.browser ??= this.openBrowser();
    return this.browser;
  }

  async close(): Promise<void> {
    await this.browser?.then(
      (s) => s.close(),
      () => undefined,
    );
  }

  /**
   * pdf-lib work runs one document at a time: a parsed 310-slide PDF holds some 150 MB, and two
   * at once (slides PDF and handout) pushed a large build over a gigabyte.
   */
  private pdfQueue: Promise<unknown> = Promise.resolve();
  private onePdfAtATime<T>(work: () => Promise<T>): Promise<T> {
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
      const { printSlides } = await import('./export/pdf/slides-pdf.js');
      const { overflowProblems } = await import('./export/browser/slide-overflow.js');
      const printed = await printSlides(await this.session(), this.deck.model, this.deck.rendered);
      this.warnings.push(...overflowProblems(this.deck.composed, printed.overflow, 'warning'));
      return printed.pdf;
    })();
    return this.slidesPdf;
  }

  /**
   * The slide pictures, taken once for the PPTX and the slide images: PNG when the images are
   * asked for, JPEG (smaller, faster) for the PPTX alone. They follow the slides print, so its
   * window goes on to take them and pdf-lib's work on the printed PDF overlaps them.
   */
  slidePictures(): Promise<Map<number, Buffer>> {
    this.pictures ??= (async () => {
      if (this.formats.includes('pdf') || this.formats.includes('handout')) await this.printedSlides();
      const { pictureSlides } = await import('./export/pptx/image-pptx.js');
      return pictureSlides(await this.session(), this.deck.model, this.deck.rendered, {
        format: this.pictureFormat(),
      });
    })();
    return this.pictures;
  }

  private pictureFormat(): 'png' | 'jpeg' {
    return this.formats.includes('images') ? 'png' : 'jpeg';
  }

  /** Writes one output into the staging folder; a browser that fails midway is reported as such. */
  async write(format: Format): Promise<void> {
    try {
      await this.writeOne(format);
    } catch (err) {
      if (err instanceof LecternError || format === 'html' || format === 'share') throw err;
      const { browserFailed } = await import('./export/browser/browser.js');
      throw browserFailed(
        `the browser failed while writing the ${format}: ${String(err instanceof Error ? err.message : err).split('\n')[0]}`,
        err,
      );
    }
  }

  /** Printed outputs share the browser's windows (see WindowPool). */
  private async writeOne(format: Format): Promise<void> {
    const { model, composed, rendered } = this.deck;
    const file = outputFileName(model.name, format);
    if (format === 'html') {
      const { writeHtml } = await import('./export/html/html.js');
      return writeHtml(composed, this.deck.theme, this.staging, file, model.lang);
    }
    if (format === 'share') {
      const { shareDocument } = await import('./export/html/share-html.js');
      await this.staging.write(file, shareDocument(model, rendered));
      return;
    }
    const { finishPdf } = await import('./export/pdf/pdf-finish.js');
    let data: Uint8Array;
    switch (format) {
      case 'pdf': {
        const { chapterOutline } = await import('./export/pdf/slides-pdf.js');
        const printed = await this.printedSlides();
        data = await this.onePdfAtATime(() =>
          finishPdf(printed, model, { title: model.title, outline: chapterOutline(composed) }),
        );
        break;
      }
      case 'handout': {
        const { writeHandout } = await import('./export/pdf/handout.js');
        const printed = await this.printedSlides();
        data = await this.onePdfAtATime(async () =>
          finishPdf(await writeHandout(printed, model, this.deck.font!), model, { title: model.title }),
        );
        break;
      }
      case 'script': {
        const { printA4 } = await import('./export/pdf/print-a4.js');
        const { scriptDocument } = await import('./export/pdf/speaker-script.js');
        const printed = await printA4(
          await this.session(),
          scriptDocument(model, composed, rendered),
          composed.slides.length,
          'speaker script',
        );
        data = await this.onePdfAtATime(() => finishPdf(printed, model, { title: model.title }));
        break;
      }
      case 'pptx-pictures':
        data = await (
          await import('./export/pptx/image-pptx.js')
        ).writeImagePptx(model, composed, rendered, await this.slidePictures(), this.pictureFormat());
        break;
      case 'images': {
        const { writeSlideImages } = await import('./export/images/slide-images.js');
        const [folder, zip] = outputFiles(model.name, format);
        return writeSlideImages(
          await this.slidePictures(),
          composed.slides.length,
          this.staging.path(folder!),
          this.staging.path(zip!),
        );
      }
      case 'pptx': {
        const { writeEditablePptx } = await import('./export/pptx/editable-pptx.js');
        const { pictureSlides } = await import('./export/pptx/image-pptx.js');
        const { measureBlockBoxes } = await import('./export/pptx/block-boxes.js');
        const editable = await writeEditablePptx(model, composed, rendered.height * (1280 / rendered.width), {
          picture: async (indices) => pictureSlides(await this.session(), model, rendered, { indices }),
          measure: async (indices) => measureBlockBoxes(await this.session(), model, rendered, indices),
          svgToPng: async (svgs) =>
            (await import('./export/pptx/svg-pictures.js')).svgToPng(await this.session(), svgs),
        });
        this.warnings.push(...editable.warnings);
        data = editable.data;
        break;
      }
    }
    await this.staging.write(file, data);
  }
}
