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
  const shots = rendered.slideSvgs.map((_, i) => pictures.get(i) ?? '');
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as typeof import('pptxgenjs').default;
  const pptx = new PptxGenJS();
  const width = 13.333;
  const height = (width * rendered.height) / rendered.width;
  pptx.defineLayout({ name: 'LECTERN', width, height });
  pptx.layout = 'LECTERN';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organization) pptx.company = deck.organization;
  shots.forEach((png, i) => {
    const slide = pptx.addSlide();
    slide.addImage({ data: `image/jpeg;base64,${png}`, x: 0, y: 0, w: width, h: height });
    const notes = composed.slides[i]?.notes.trim();
    if (notes) slide.addNotes(notes);
  });
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

/**
 * Windows that take pictures at once (as the pool lends them), each taking the next slide as it
 * finishes one: a capture mostly waits on the compositor's frame, so a second window keeps the
 * cores busy.
 */
const WINDOWS = 2;

/**
 * One JPEG per slide (base64, by slide index). Each window shows the slides document in a
 * slide-sized viewport and scrolls to the next slide nobody has taken yet.
 */
export async function pictureSlides(session: BrowserSession, deck: DeckModel, rendered: RenderedDeck, indices?: number[]): Promise<Map<number, string>> {
  const wanted = indices ?? rendered.slideSvgs.map((_, i) => i);
  const shots = new Map<number, string>();
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
        shots.set(i, shot.data);
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
