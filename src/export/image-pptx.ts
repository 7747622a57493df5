import type { ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../deck-model.js';
import type { RenderedDeck } from '../render/render-deck.js';
import { browserFailed, loadDocument, type BrowserSession } from './browser.js';
import { slidesDocument } from './slides-pdf.js';

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
 * Windows that take pictures at once, taking the next slide as each finishes. A capture mostly
 * waits on the compositor's frame, so two windows keep a core busy: in a full build of the
 * course deck on 2 cores, 6.2 s against 6.6 s with one (median of 6, alternated).
 */
const WINDOWS = 2;

/**
 * One JPEG per slide (base64, by slide index). Each window shows the slides document in a
 * slide-sized viewport and scrolls to the next slide nobody has taken yet.
 */
export async function pictureSlides(session: BrowserSession, deck: DeckModel, rendered: RenderedDeck, indices?: number[]): Promise<Map<number, string>> {
  const wanted = indices ?? rendered.slideSvgs.map((_, i) => i);
  const shots = new Map<number, string>();
  const html = slidesDocument(deck, rendered).replace('</head>', '<style>html { overflow: hidden; }</style></head>');
  const windows = Math.max(1, Math.min(WINDOWS, Math.ceil(wanted.length / 8)));
  let next = 0;
  await Promise.all(
    Array.from({ length: windows }, async () => {
      const page = await session.newPage(rendered.width, rendered.height);
      try {
        // With one window allowed (large decks), a second one opens only after the first took every slide.
        if (next >= wanted.length) return;
        await loadDocument(page, html);
        // Straight to the protocol: page.screenshot() adds round trips per picture. A session of
        // our own captures at the scale it set itself, not at puppeteer's viewport's.
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: rendered.width, height: rendered.height, deviceScaleFactor: SCALE, mobile: false });
        for (let k = next++; k < wanted.length; k = next++) {
          const i = wanted[k]!;
          await page.evaluate((y) => window.scrollTo(0, y), i * rendered.height);
          const shot = await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: QUALITY, optimizeForSpeed: true }).catch((err: unknown) => {
            throw browserFailed(`the browser could not picture slide ${i + 1}: ${String(err)}`, err);
          });
          shots.set(i, shot.data);
        }
      } finally {
        await page.close().catch(() => undefined);
      }
    }),
  );
  return shots;
}
