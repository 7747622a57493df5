import type { ComposedDeck, SlideInfo } from '../../compose/compose-deck.js';
import { deckLabels } from '../../core/label-overrides.js';
import { plannedMinutes, type DeckModel } from '../../validate/deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import {
  cssString,
  pageCounter,
  escapeHtml,
  notesHtml,
  printDocument,
  slideFragment,
} from '../browser/print-html.js';

const THUMB_MM = 78;

/**
 * The trainer's speaker script: A4 portrait, every slide with its full notes. Notes flow on
 * to the next page instead of being cut (PowerPoint's notes pages cut them); chapter headings
 * with planned minutes help rehearsal.
 */
export function scriptDocument(deck: DeckModel, composed: ComposedDeck, rendered: RenderedDeck): string {
  const t = deckLabels(deck);
  const thumbHeight = (THUMB_MM * rendered.height) / rendered.width;
  const title = `${deck.title} · ${t.script}`;
  const css = `
@page {
  size: A4 portrait;
  margin: 18mm 16mm 16mm;
  @top-left { content: ${cssString(title)}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
  @bottom-center { content: ${pageCounter(t.pageOf)}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
}
html, body { margin: 0; padding: 0; background: #fff; font-family: 'Lectern Sans', sans-serif; color: #1d2633; font-size: 11pt; line-height: 1.65; }
h1.script-title { font-size: 20pt; margin: 0 0 4mm; }
p.script-meta { color: #555; margin: 0 0 6mm; }
h2.chapter { font-size: 15pt; margin: 6mm 0 4mm; padding: 2mm 0; border-bottom: 0.6mm solid #0b3d6e; color: #0b3d6e; break-after: avoid; }
h2.chapter small { font-size: 10pt; color: #555; font-weight: 400; margin-left: 3mm; }
article.entry { clear: both; padding: 3mm 0 4mm; border-bottom: 0.2mm solid #d5dbe3; break-inside: avoid; }
article.entry::after { content: ''; display: block; clear: both; }
.thumb { float: left; width: ${THUMB_MM}mm; margin: 1mm 6mm 2mm 0; break-inside: avoid; }
.thumb div.marpit > svg[data-marpit-svg] { display: block; width: ${THUMB_MM}mm; height: ${thumbHeight.toFixed(2)}mm; border: 0.3mm solid #8a94a3; }
.slide-no { font-size: 11pt; font-weight: 700; color: #0b3d6e; margin: 0 0 1mm; }
.notes p { margin: 0 0 2mm; }
.notes .none { color: #8a94a3; font-style: italic; }
`;
  const total = plannedMinutes(deck.chapters);
  const meta = [deck.presenter, deck.date, total ? t.total(total) : ''].filter(Boolean).join(' · ');
  const body = [
    // The document's heading, and so its one top bookmark: the chapters and entries are inside it.
    `<h1 class="script-title">${escapeHtml(title)}</h1>`,
    meta ? `<p class="script-meta">${escapeHtml(meta)}</p>` : '',
  ];
  composed.slides.forEach((slide, i) => {
    if (slide.kind === 'divider' && slide.chapter) body.push(chapterHeading(slide, t.minutes));
    body.push(entry(slide, i, slideFragment(rendered, i), t.noNotes));
  });
  return printDocument(deck.lang, rendered, css, body.join('\n'));
}

function chapterHeading(slide: SlideInfo, minutes: (n: number) => string): string {
  const c = slide.chapter!;
  // The space keeps the bookmark, which is the heading's text, from running title and minutes together.
  const planned = c.minutes ? ` <small>${escapeHtml(minutes(c.minutes))}</small>` : '';
  return `<h2 class="chapter">${escapeHtml(`${c.label} ${c.title}`)}${planned}</h2>`;
}

function entry(slide: SlideInfo, index: number, fragment: string, noNotes: string): string {
  const heading = slide.heading ? ` · ${escapeHtml(slide.heading)}` : '';
  const notes = slide.notes.trim() ? notesHtml(slide.notes) : `<p class="none">${escapeHtml(noNotes)}</p>`;
  // The thumbnail repeats the slide the entry's heading names: it stays out of the document's
  // structure, so its headings do not become bookmarks among the chapters and entries.
  return `<article class="entry"><div class="thumb" aria-hidden="true">${fragment}</div><h3 class="slide-no">${index + 1}${heading}</h3><div class="notes">${notes}</div></article>`;
}
