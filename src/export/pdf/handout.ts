import type { ComposedDeck } from '../../compose/compose-deck.js';
import { printColours } from './print-colours.js';
import type { DeckModel } from '../../validate/deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import { deckLabels } from '../../core/label-overrides.js';
import { cssString, pageCounter, escapeHtml, printDocument, slideThumb } from '../browser/print-html.js';
import { handoutCodes, codesHtml, CODES_CSS } from './handout-qr.js';
import { handoutLayout, type HandoutLayout, type HandoutSlot } from './handout-pages.js';

/** A4 portrait less the page margins (18 mm top, 16 mm elsewhere), in mm; a hair short so no rounding spills a page. */
const SHEET = { width: 178, height: 262.5 };
/** The heading row every slot keeps (empty unless a chapter starts there), so slides line up. */
const HEADING = 7;
/** Room between slots, and between a slide and its note lines. */
const GAP = 5;
const LINE_PITCH = 9;

interface Geometry {
  columns: number;
  rows: number;
  /** The slide's width in mm, and whether the note lines go beside it (or below, or none). */
  thumb: number;
  lines: 'beside' | 'below' | 'none';
}

/** How a page of `perPage` slots is divided, the slide as large as its slot allows. */
function geometry(perPage: number, ratio: number): Geometry {
  const columns = perPage === 6 ? 2 : 1;
  const rows = perPage === 6 ? 3 : perPage;
  const slotW = (SHEET.width - (columns - 1) * GAP) / columns;
  const slotH = (SHEET.height - (rows - 1) * GAP) / rows - HEADING;
  const lines = perPage === 6 ? 'none' : perPage === 3 ? 'beside' : 'below';
  // Beside: the slide takes 60 % of the width; below: the slide leaves a third of its slot to the lines.
  const wide = lines === 'beside' ? slotW * 0.6 : slotW;
  const tall = lines === 'below' ? slotH * (perPage === 1 ? 0.55 : 0.62) : slotH;
  return { columns, rows, thumb: Math.min(wide, tall / ratio), lines };
}

/**
 * The trainee handout, printed by the browser like the speaker script: A4 portrait, `perPage`
 * slides a page (three by default) with ruled lines for notes, a chapter's title above its
 * first slide, the deck title, date and page numbers in the page margins. The slides are the
 * rendered slides themselves (vector, text stays text); speaker notes are the trainer's and
 * never appear here.
 */
export function handoutDocument(
  deck: DeckModel,
  composed: ComposedDeck,
  rendered: RenderedDeck,
): { html: string; layout: HandoutLayout } {
  const t = deckLabels(deck);
  const codes = handoutCodes(deck);
  const layout = handoutLayout(deck, composed, codes.length > 0);
  const ratio = rendered.height / rendered.width;
  const g = geometry(deck.handout.perPage, ratio);
  const header = [deck.title, deck.organization].filter(Boolean).join(' · ');
  const lineCount = (mm: number) => Math.max(3, Math.floor(mm / LINE_PITCH));
  const slotH = (SHEET.height - (g.rows - 1) * GAP) / g.rows - HEADING;
  const notes =
    g.lines === 'beside'
      ? lineCount(g.thumb * ratio)
      : g.lines === 'below'
        ? lineCount(slotH - g.thumb * ratio - GAP)
        : 0;
  const css = `
${printColours(deck)}
@page {
  size: A4 portrait;
  margin: 18mm 16mm 16mm;
  @top-left { content: ${cssString(header)}; font: 9pt 'Lectern Sans', sans-serif; color: #59616b; }
  @top-right { content: ${cssString(deck.date ?? '')}; font: 9pt 'Lectern Sans', sans-serif; color: #59616b; }
  @bottom-center { content: ${pageCounter(t.pageOf)}; font: 9pt 'Lectern Sans', sans-serif; color: #59616b; }
}
html, body { margin: 0; padding: 0; background: #fff; font-family: 'Lectern Sans', sans-serif; color: #1d2633; }
section.sheet { width: ${SHEET.width}mm; height: ${SHEET.height}mm; overflow: hidden; break-after: page; display: grid; gap: ${GAP}mm;
  grid-template-columns: repeat(${g.columns}, minmax(0, 1fr)); grid-template-rows: repeat(${g.rows}, minmax(0, 1fr)); }
section.sheet:last-child { break-after: auto; }
.slot { display: flex; flex-direction: column; min-height: 0; }
.slot > h2.chapter { height: ${HEADING}mm; margin: 0; font-size: 11pt; line-height: ${HEADING - 1}mm; font-weight: 700; color: var(--print-primary); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slot > .row { flex: 1; min-height: 0; display: flex; flex-direction: ${g.lines === 'beside' ? 'row' : 'column'}; gap: ${GAP}mm; }
.thumb { flex: none; width: ${g.thumb.toFixed(2)}mm; ${g.lines === 'beside' ? '' : 'margin: 0 auto;'} }
.thumb div.marpit > svg[data-marpit-svg] { display: block; width: ${g.thumb.toFixed(2)}mm; height: ${(g.thumb * ratio).toFixed(2)}mm; outline: 0.2mm solid #8a94a3; }
.row > .lines { flex: 1; display: flex; flex-direction: column; justify-content: space-evenly; }
.lines > i { display: block; border-bottom: 0.2mm solid #9aa3ad; height: 0; }
${CODES_CSS}
`;
  const slot = (s: HandoutSlot) => {
    const heading = `<h2 class="chapter">${s.chapter ? escapeHtml(s.chapter) : ''}</h2>`;
    if (s.slide === undefined) return `<div class="slot">${heading}${codesHtml(codes)}</div>`;
    const lines = notes ? `<div class="lines">${'<i></i>'.repeat(notes)}</div>` : '';
    const slide = composed.slides[s.slide];
    const title = slide?.heading ?? t.slideAnnouncement(s.slide + 1, composed.slides.length, '');
    return `<div class="slot">${heading}<div class="row">${slideThumb(rendered, s.slide, title)}${lines}</div></div>`;
  };
  const body = layout.pages.map((page) => `<section class="sheet">${page.map(slot).join('')}</section>`);
  return { html: printDocument(deck.lang, rendered, css, body.join('\n')), layout };
}
