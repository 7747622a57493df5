import type { DeckModel } from '../deck-model.js';
import type { RenderedDeck } from '../render/render-deck.js';
import { browserFailed, loadDocument, type BrowserSession } from './browser.js';
import { cssString, escapeHtml, printDocument, slideFragment } from './print-html.js';

const PER_PAGE = 3;
const SLIDE_WIDTH_MM = 108;
const LINES = 7;

/**
 * The trainee handout, like PowerPoint's three-slide handout: A4 portrait, three slides per
 * page with ruled lines beside each for notes. Slides are the same vector SVG as the slides
 * PDF (text stays text); speaker notes are the trainer's and never appear here.
 */
export function handoutDocument(deck: DeckModel, rendered: RenderedDeck): string {
  const slideHeight = (SLIDE_WIDTH_MM * rendered.height) / rendered.width;
  const header = [deck.title, deck.organization].filter(Boolean).join(' · ');
  const css = `
@page {
  size: A4 portrait;
  margin: 18mm 14mm 16mm;
  @top-left { content: ${cssString(header)}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
  @top-right { content: ${cssString(deck.date ?? '')}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font: 9pt 'Lectern Sans', sans-serif; color: #555; }
}
html, body { margin: 0; padding: 0; background: #fff; font-family: 'Lectern Sans', sans-serif; }
.row { display: flex; gap: 8mm; height: ${(slideHeight + 2).toFixed(2)}mm; margin-bottom: 14mm; break-inside: avoid; }
.row:nth-child(${PER_PAGE}n) { break-after: page; margin-bottom: 0; }
.row:last-child { break-after: auto; }
.thumb { flex: 0 0 ${SLIDE_WIDTH_MM}mm; }
.thumb div.marpit > svg[data-marpit-svg] { display: block; width: ${SLIDE_WIDTH_MM}mm; height: ${slideHeight.toFixed(2)}mm; border: 0.3mm solid #8a94a3; box-sizing: content-box; }
.lines { flex: 1 1 auto; display: flex; flex-direction: column; justify-content: space-between; padding: 2mm 0; }
.lines span { display: block; border-bottom: 0.3mm solid #9aa3b0; height: 0; }
`;
  const rows = rendered.slideSvgs.map(
    (_, i) =>
      `<section class="row"><div class="thumb">${slideFragment(rendered, i)}</div><div class="lines" aria-label="${escapeHtml('notes')}">${'<span></span>'.repeat(LINES)}</div></section>`,
  );
  return printDocument(deck.lang, rendered, css, rows.join('\n'));
}

export async function printHandout(session: BrowserSession, deck: DeckModel, rendered: RenderedDeck): Promise<Uint8Array> {
  return printA4(session, handoutDocument(deck, rendered), 'handout');
}

/** Prints an A4 document from HTML; shared by the handout and the speaker script. */
export async function printA4(session: BrowserSession, html: string, what: string): Promise<Uint8Array> {
  const page = await session.newPage(794, 1123);
  try {
    await loadDocument(page, html);
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }).catch((err: unknown) => {
      throw browserFailed(`the browser could not print the ${what}: ${String(err)}`, err);
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}
