import type { ComposedDeck } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import { browserFailed, type BrowserSession } from '../browser/browser.js';
import { slidesDocument } from '../pdf/slides-pdf.js';
import type { CDPSession } from 'puppeteer-core';
import type { BrowserWindow } from '../browser/window-pool.js';
import { FONT, W } from './pptx-layouts.js';
import { finishText, inSchemaOrder } from './pptx-text-xml.js';
import { PartDocuments } from './pptx-xml.js';
import { ensureTitle } from './pptx-decorative.js';
import { SLIDE_PART, slideNumber } from './pptx-titles.js';
import { OOXML, relType } from '../../core/ooxml-names.js';
import { newPresentation } from './pptx-presentation.js';
import { deckLabels } from '../../core/label-overrides.js';
import { zipBytes } from '../output/zip-bytes.js';
import { posix } from 'node:path';

/** 1.5 × 1280×720 is 1920×1080: a projector's native size, half the pixels of 2×. */
const SCALE = 1.5;
/** JPEG at this quality is indistinguishable on a projector, and a quarter of PNG's size and time. */
const QUALITY = 90;

/** JPEG for the PPTX alone; PNG when the slide pictures are written too, so one capture serves both. */
export type PictureFormat = 'jpeg' | 'png';

/**
 * A PPTX with one picture per slide (from pictureSlides) and the speaker notes in PowerPoint's
 * notes pane, so a colleague can present from PowerPoint or LibreOffice Impress with the same look.
 */
export async function writeImagePptx(
  deck: DeckModel,
  composed: ComposedDeck,
  rendered: RenderedDeck,
  pictures: Map<number, Buffer>,
  format: PictureFormat = 'jpeg',
): Promise<Buffer> {
  const width = W;
  const height = (width * rendered.height) / rendered.width;
  const pptx = await newPresentation(deck, height);
  const t = deckLabels(deck);
  // The picture is the whole slide: its title names it for a screen reader, and is the slide's title.
  const titles = rendered.slideSvgs.map(
    (_, i) => composed.slides[i]?.heading ?? t.slideAnnouncement(i + 1, rendered.slideSvgs.length, ''),
  );
  rendered.slideSvgs.forEach((_, i) => {
    const slide = pptx.addSlide();
    const title = titles[i]!;
    slide.addImage({
      data: `image/${format};base64,${PLACEHOLDER}`,
      x: 0,
      y: 0,
      w: width,
      h: height,
      altText: title,
    });
    const notes = composed.slides[i]?.notes.trim();
    if (notes) slide.addNotes(notes);
  });
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return withPictures(
    written,
    rendered.slideSvgs.map((_, i) => pictures.get(i) ?? Buffer.alloc(0)),
    titles,
    deck.lang,
  );
}

/**
 * pptxgenjs takes pictures only as base64 text and keeps several copies of them until it has
 * written the file: some 250 MB for a 310-slide deck. It gets a placeholder instead, and the
 * pictures go into its file as bytes afterwards.
 */
const PLACEHOLDER = 'AA==';

const SLIDE_RELS = /^ppt\/slides\/_rels\/slide(\d+)\.xml\.rels$/;

async function withPictures(
  pptx: Buffer,
  pictures: Buffer[],
  titles: string[],
  lang: string,
): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const parts = await PartDocuments.open(zip);
  await inSchemaOrder(parts);
  // A title placeholder on each slide, above its top edge where the show does not draw it, for
  // PowerPoint's outline, its accessibility checker and a screen reader.
  await parts.edit(
    (n) => SLIDE_PART.test(n),
    (doc, name) => ensureTitle(doc, titles[slideNumber(name) - 1] ?? '', lang),
  );
  // The notes in the deck's language, in the deck's font.
  await finishText(parts, lang, FONT);
  // Each slide's picture file, from its relationships.
  const media = new Map<number, string>();
  await parts.edit(
    (n) => SLIDE_RELS.test(n),
    (doc, name) => {
      for (const rel of doc.getElementsByTagNameNS(OOXML.rels, 'Relationship'))
        if (rel.getAttribute('Type') === relType('image'))
          media.set(
            Number(SLIDE_RELS.exec(name)![1]),
            posix.join('ppt/slides', rel.getAttribute('Target') ?? ''),
          );
    },
  );
  parts.save();
  const used = new Set<string>();
  for (const [i, picture] of pictures.entries()) {
    const file = media.get(i + 1);
    // One picture file per slide, or one slide's picture would overwrite another's.
    if (!file || used.has(file)) throw new Error(`the PPTX writer gave slide ${i + 1} no picture of its own`);
    used.add(file);
    zip.file(file, picture, { compression: 'STORE' });
  }
  // The XML compresses well; the pictures are compressed already (stored as they are, above).
  return zipBytes(zip);
}

/**
 * Windows that take pictures at once, as the pool lends them: a capture mostly waits on the
 * compositor's frame, so a second window keeps the cores busy.
 */
const WINDOWS = 2;
/**
 * Decks up to this size are pictured from the document the slides PDF prints, so the window
 * that printed it goes on to take pictures; larger ones from documents of PART slides, so a
 * picture window stays small beside one that prints the whole deck.
 */
const WHOLE = 120;
const PART = 32;

export interface PictureOptions {
  /** The slides to picture (deck indices); all by default. */
  indices?: number[];
  /** The largest deck pictured from its whole document, and the part size beyond (tests set them small). */
  whole?: number;
  part?: number;
  /** JPEG (the default) or PNG. */
  format?: PictureFormat;
}

/** A document to picture slides from, and the slides (deck indices) it shows, in order. */
interface Part {
  html: string;
  slides: number[];
}

/** What one window pictures at a time: single slides of the whole deck, or a part of a large one. */
interface Task {
  part: Part;
  slides: number[];
}

/**
 * One picture per slide (1920×1080 for 16:9), by slide index. Each window shows a slides document in a slide-sized
 * viewport, scrolls to the slides of the next task nobody has taken yet and pictures them.
 */
export async function pictureSlides(
  session: BrowserSession,
  deck: DeckModel,
  rendered: RenderedDeck,
  opts: PictureOptions = {},
): Promise<Map<number, Buffer>> {
  const { indices, whole = WHOLE, part: partSize = PART, format = 'jpeg' } = opts;
  const wanted = indices ?? rendered.slideSvgs.map((_, i) => i);
  const shots = new Map<number, Buffer>();
  const tasks: Task[] = [];
  if (rendered.slideSvgs.length <= whole) {
    const part = { html: slidesDocument(deck, rendered), slides: rendered.slideSvgs.map((_, i) => i) };
    tasks.push(...wanted.map((i) => ({ part, slides: [i] })));
  } else {
    for (let at = 0; at < wanted.length; at += partSize) {
      const slides = wanted.slice(at, at + partSize);
      const svgs = slides.map((i) => rendered.slideSvgs[i]!);
      const part = {
        html: slidesDocument(deck, {
          ...rendered,
          slideSvgs: svgs,
          html: `<div class="marpit">${svgs.join('')}</div>`,
        }),
        slides,
      };
      tasks.push({ part, slides });
    }
  }
  let next = 0;
  // After one window fails, the other stops too: the build reports the failure without waiting.
  let failed = false;
  const worker = async (): Promise<void> => {
    let win: BrowserWindow | undefined;
    let cdp: CDPSession | undefined;
    let part: Part | undefined;
    try {
      for (let t = next++; t < tasks.length && !failed; t = next++) {
        const task = tasks[t]!;
        if (part !== task.part || !cdp) {
          if (win) await giveBack(win, cdp);
          win = cdp = undefined;
          win = await session.window(task.part.html, task.part.slides.length, true);
          cdp = await pictureSession(win, rendered);
          part = task.part;
        }
        for (const i of task.slides) {
          await win!.page.evaluate(
            (y) => window.scrollTo(0, y),
            task.part.slides.indexOf(i) * rendered.height,
          );
          const shot = await cdp
            .send(
              'Page.captureScreenshot',
              format === 'jpeg'
                ? { format, quality: QUALITY, optimizeForSpeed: true }
                : { format, optimizeForSpeed: true },
            )
            .catch((err: unknown) => {
              throw browserFailed(`the browser could not picture slide ${i + 1}: ${String(err)}`, err);
            });
          shots.set(i, Buffer.from(shot.data, 'base64'));
        }
      }
      if (win) await giveBack(win, cdp);
    } catch (err) {
      failed = true;
      win?.release(true);
      throw err;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WINDOWS, tasks.length) }, worker));
  return shots;
}

/**
 * Shows the window's document and opens a protocol session to picture it: page.screenshot()
 * adds round trips per picture, and a session of our own captures at the scale it sets itself.
 */
async function pictureSession(win: BrowserWindow, rendered: RenderedDeck): Promise<CDPSession> {
  await win.show();
  const cdp = await win.page.createCDPSession();
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: rendered.width,
    height: rendered.height,
    deviceScaleFactor: SCALE,
    mobile: false,
  });
  await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
  return cdp;
}

/** Ends the picture session (and with it its scale) and returns the window to the pool. */
async function giveBack(win: BrowserWindow, cdp: CDPSession | undefined): Promise<void> {
  await cdp?.detach().catch(() => undefined);
  win.release();
}
