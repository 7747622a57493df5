import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../deck-model.js';
import type { RenderedDeck } from '../render/render-deck.js';
import { browserFailed, type BrowserSession } from './browser.js';
import { slidesDocument } from './slides-pdf.js';
import type { BrowserWindow } from './window-pool.js';

/** 1.5 × 1280×720 is 1920×1080: a projector's native size, half the pixels of 2×. */
const SCALE = 1.5;
/** JPEG at this quality is indistinguishable on a projector, and a quarter of PNG's size and time. */
const QUALITY = 90;

/**
 * A PPTX with one picture per slide and the speaker notes in PowerPoint's notes pane, so a
 * colleague can present from PowerPoint or LibreOffice Impress with the same look.
 */
export async function writeImagePptx(session: BrowserSession, deck: DeckModel, composed: ComposedDeck, rendered: RenderedDeck): Promise<Buffer> {
  const pictures = await pictureSlides(session, deck, rendered);
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as typeof import('pptxgenjs').default;
  const pptx = new PptxGenJS();
  const width = 13.333;
  const height = (width * rendered.height) / rendered.width;
  pptx.defineLayout({ name: 'LECTERN', width, height });
  pptx.layout = 'LECTERN';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organization) pptx.company = deck.organization;
  rendered.slideSvgs.forEach((_, i) => {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/jpeg;base64,${PLACEHOLDER}`, x: 0, y: 0, w: width, h: height });
    const notes = composed.slides[i]?.notes.trim();
    if (notes) slide.addNotes(notes);
  });
  const written = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return withPictures(written, rendered.slideSvgs.map((_, i) => pictures.get(i) ?? Buffer.alloc(0)));
}

/**
 * pptxgenjs takes pictures only as base64 text and keeps several copies of them until it has
 * written the file: some 250 MB for a 310-slide deck. It gets a placeholder instead, and the
 * pictures go into its file as bytes afterwards.
 */
const PLACEHOLDER = 'AA==';

async function withPictures(pptx: Buffer, pictures: Buffer[]): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const used = new Set<string>();
  for (const [i, picture] of pictures.entries()) {
    const rels = await zip.file(`ppt/slides/_rels/slide${i + 1}.xml.rels`)?.async('string');
    const media = rels && /Target="\.\.\/media\/([^"]+)"/.exec(rels)?.[1];
    // One picture file per slide, or one slide's picture would overwrite another's.
    if (!media || used.has(media)) throw new Error(`the PPTX writer gave slide ${i + 1} no picture of its own`);
    used.add(media);
    zip.file(`ppt/media/${media}`, picture);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * Windows that take pictures at once (as the pool lends them), each taking the next slide as it
 * finishes one: a capture mostly waits on the compositor's frame, so a second window keeps the
 * cores busy.
 */
const WINDOWS = 2;

/**
 * One JPEG per slide, by slide index. Each window shows the slides document in a
 * slide-sized viewport and scrolls to the next slide nobody has taken yet.
 */
export async function pictureSlides(session: BrowserSession, deck: DeckModel, rendered: RenderedDeck, indices?: number[]): Promise<Map<number, Buffer>> {
  const wanted = indices ?? rendered.slideSvgs.map((_, i) => i);
  const shots = new Map<number, Buffer>();
  // The same document the slides PDF prints: a window that printed it goes on to take pictures.
  const html = slidesDocument(deck, rendered);
  let next = 0;
  const pictureInto = async (win: BrowserWindow): Promise<void> => {
    // A window lent only after every slide was taken has nothing to do (and nothing to load).
    if (next >= wanted.length) return;
    await win.show();
    // Straight to the protocol: page.screenshot() adds round trips per picture. A session of our
    // own captures at the scale it sets itself, not at puppeteer's viewport's; its settings end with it.
    const cdp = await win.page.createCDPSession();
    try {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: rendered.width, height: rendered.height, deviceScaleFactor: SCALE, mobile: false });
      await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
      for (let k = next++; k < wanted.length; k = next++) {
        const i = wanted[k]!;
        await win.page.evaluate((y) => window.scrollTo(0, y), i * rendered.height);
        const shot = await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: QUALITY, optimizeForSpeed: true }).catch((err: unknown) => {
          throw browserFailed(`the browser could not picture slide ${i + 1}: ${String(err)}`, err);
        });
        shots.set(i, Buffer.from(shot.data, 'base64'));
      }
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
  const windows = Math.max(1, Math.min(WINDOWS, Math.ceil(wanted.length / 8)));
  await Promise.all(
    Array.from({ length: windows }, async () => {
      const win = await session.window(html);
      try {
        await pictureInto(win);
        win.release();
      } catch (err) {
        win.release(true);
        throw err;
      }
    }),
  );
  return shots;
}
