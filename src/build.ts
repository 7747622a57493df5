import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openBrowser, type BrowserSession } from './export/browser.js';
import { printHandout, printA4 } from './export/handout.js';
import { writeHtml } from './export/html.js';
import { writeImagePptx } from './export/image-pptx.js';
import { finishPdf } from './export/pdf-finish.js';
import { printSlidesPdf } from './export/slides-pdf.js';
import { scriptDocument } from './export/speaker-script.js';
import { Staging } from './export/staging.js';
import { BROWSER_FORMATS, outputFileName, type Format } from './formats.js';
import { prepareDeck, type PreparedDeck } from './prepare-deck.js';
import type { Problem } from './problem.js';

export interface BuildOptions {
  deck: string;
  out: string;
  formats: Format[];
  cwd?: string;
  /** Called as each slow step starts and ends; the CLI turns these into progress lines. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent = { step: string; state: 'start' } | { step: string; state: 'done'; ms: number };

export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
}

export interface BuildResult {
  outputs: BuiltOutput[];
  warnings: Problem[];
  slides: number;
}

/**
 * Builds every requested output. All files are staged and renamed into the output folder
 * only after every one of them succeeded: a failed build leaves the previous outputs as they were.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const cwd = opts.cwd ?? process.cwd();
  const progress = opts.onProgress ?? (() => undefined);
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    progress({ step: name, state: 'start' });
    const t0 = performance.now();
    const value = await fn();
    progress({ step: name, state: 'done', ms: performance.now() - t0 });
    return value;
  };
  const deck = await step('prepare', () => prepareDeck(opts.deck, cwd));
  const staging = await Staging.open(resolve(cwd, opts.out));
  let session: BrowserSession | undefined;
  try {
    const names = opts.formats.map((f) => outputFileName(deck.model.name, f));
    if (opts.formats.includes('html')) await step('html', () => writeHtml(deck.composed, deck.theme, staging, outputFileName(deck.model.name, 'html')));
    if (opts.formats.some((f) => BROWSER_FORMATS.includes(f))) {
      session = await step('browser', openBrowser);
      for (const format of opts.formats.filter((f) => BROWSER_FORMATS.includes(f))) {
        const data = await step(format, () => printed(format, session!, deck));
        await staging.write(outputFileName(deck.model.name, format), data);
      }
    }
    const outputs: BuiltOutput[] = [];
    for (const [i, name] of names.entries()) {
      const path = await staging.publish(name);
      outputs.push({ format: opts.formats[i]!, path, bytes: (await stat(path)).size });
    }
    return { outputs, warnings: deck.warnings, slides: deck.composed.slides.length };
  } finally {
    await session?.close();
    await staging.close();
  }
}

async function printed(format: Format, session: BrowserSession, deck: PreparedDeck): Promise<Uint8Array> {
  const { model, composed, rendered } = deck;
  switch (format) {
    case 'pdf':
      return printSlidesPdf(session, model, composed, rendered);
    case 'handout':
      return finishPdf(await printHandout(session, model, rendered), model, { title: model.title });
    case 'script':
      return finishPdf(await printA4(session, scriptDocument(model, composed, rendered), 'speaker script'), model, { title: model.title });
    case 'pptx':
      return writeImagePptx(session, model, composed, rendered);
    default:
      throw new Error(`not a printed format: ${format}`);
  }
}
