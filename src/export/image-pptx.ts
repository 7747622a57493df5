import type { ElementHandle } from 'puppeteer-core';
import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../deck-model.js';
import type { RenderedDeck } from '../render/render-deck.js';
import { browserFailed, loadDocument, type BrowserSession } from './browser.js';
import { slidesDocument } from './slides-pdf.js';

/** Pixel density of the slide pictures: sharp on a projector. */
const SCALE = 2;
/** JPEG at this quality is indistinguishable on a projector, and a quarter of PNG's size and time. */
const QUALITY = 90;

/**
 * A PPTX with one picture per slide and the speaker notes in PowerPoint's notes pane, so a
 * colleague can present from PowerPoint or LibreOffice Impress with the same look.
 */
export async function writeImagePptx(session: BrowserSession, deck: DeckModel, composed: ComposedDeck, rendered: RenderedDeck): Promise<Buffer> {
  const page = await session.newPage(rendered.width, rendered.height);
  const shots: string[] = [];
  try {
    await page.setViewport({ width: rendered.width, height: rendered.height, deviceScaleFactor: SCALE });
    await loadDocument(page, slidesDocument(deck, rendered));
    const svgs: ElementHandle<Element>[] = await page.$$('div.marpit > svg[data-marpit-svg]');
    for (const svg of svgs) {
      const png = await svg.screenshot({ type: 'jpeg', quality: QUALITY }).catch((err: unknown) => {
        throw browserFailed(`the browser could not picture slide ${shots.length + 1}: ${String(err)}`, err);
      });
      shots.push(Buffer.from(png).toString('base64'));
    }
  } finally {
    await page.close().catch(() => undefined);
  }
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
