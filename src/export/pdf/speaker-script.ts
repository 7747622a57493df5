import type { ComposedDeck, SlideInfo } from '../../compose/compose-deck.js';
import { deckLabels } from '../../core/label-overrides.js';
import type { Labels } from '../../core/labels.js';
import { plannedMinutes, type DeckModel } from '../../validate/deck-model.js';
import { printColours } from './print-colours.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import { timePlan } from '../../compose/time-plan.js';
import {
  cssString,
  pageCounter,
  escapeHtml,
  notesHtml,
  printDocument,
  slideThumb,
} from '../browser/print-html.js';
import { TIME_PLAN_CSS, timePlanHtml } from './script-time-plan.js';

const THUMB_MM = 78;
/** A4 portrait's width and height less the page margins, in mm; the height a hair short, so no rounding spills a page. */
export const SCRIPT_PAGE = { width: 178, height: 262.5 };

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
${printColours(deck)}
@page {
  size: A4 portrait;
  margin: 18mm 16mm 16mm;
  @top-left { content: ${cssString(title)}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
  @bottom-center { content: ${pageCounter(t.pageOf)}; font: 9pt 'Lectern Sans', sans-serif; color: #555; }
}
/* The window measures long notes at the page's width before it prints (script-pages.ts). */
@media screen { body { width: ${SCRIPT_PAGE.width}mm; } }
html, body { margin: 0; padding: 0; background: #fff; font-family: 'Lectern Sans', sans-serif; color: #1d2633; font-size: 11pt; line-height: 1.65; }
h1.script-title { font-size: 20pt; margin: 0 0 4mm; }
p.script-meta { color: #555; margin: 0 0 6mm; }
h2.chapter { font-size: 15pt; margin: 6mm 0 4mm; padding: 2mm 0; border-bottom: 0.6mm solid var(--print-primary); color: var(--print-primary); break-after: avoid; }
h2.chapter small { font-size: 10pt; color: #555; font-weight: 400; margin-left: 3mm; }
article.entry { clear: both; padding: 3mm 0 4mm; border-bottom: 0.2mm solid #d5dbe3; break-inside: avoid; }
article.entry::after { content: ''; display: block; clear: both; }
.thumb { float: left; width: ${THUMB_MM}mm; margin: 1mm 6mm 2mm 0; break-inside: avoid; }
.thumb div.marpit > svg[data-marpit-svg] { display: block; width: ${THUMB_MM}mm; height: ${thumbHeight.toFixed(2)}mm; border: 0.3mm solid #8a94a3; }
.slide-no { font-size: 11pt; font-weight: 700; color: var(--print-primary); margin: 0 0 1mm; }
.notes p { margin: 0 0 2mm; }
.page-start { break-before: page; }
p.continued { font-size: 11pt; font-weight: 700; color: var(--print-primary); margin: 0 0 2mm; }
${TIME_PLAN_CSS}
.notes .none { color: #8a94a3; font-style: italic; }
`;
  const total = plannedMinutes(deck.chapters);
  const meta = [deck.presenter, deck.date, total ? t.total(total) : ''].filter(Boolean).join(' · ');
  const body = [
    // The document's heading, and so its one top bookmark: the chapters and entries are inside it.
    `<h1 class="script-title">${escapeHtml(title)}</h1>`,
    meta ? `<p class="script-meta">${escapeHtml(meta)}</p>` : '',
  ];
  const thumb = (slide: SlideInfo, i: number) =>
    slideThumb(rendered, i, slide.heading ?? t.slideAnnouncement(i + 1, composed.slides.length, ''));
  const plan = timePlan(deck, composed);
  if (plan) body.push(timePlanHtml(plan, t));
  composed.slides.forEach((slide, i) => {
    if (slide.kind === 'divider' && slide.chapter) body.push(chapterHeading(slide, t.minutes));
    body.push(entry(slide, i, thumb(slide, i), t));
  });
  return printDocument(deck.lang, rendered, css, body.join('\n'));
}

function chapterHeading(slide: SlideInfo, minutes: (n: number) => string): string {
  const c = slide.chapter!;
  // The space keeps the bookmark, which is the heading's text, from running title and minutes together.
  const planned = c.minutes ? ` <small>${escapeHtml(minutes(c.minutes))}</small>` : '';
  return `<h2 class="chapter">${escapeHtml(`${c.label} ${c.title}`)}${planned}</h2>`;
}

function entry(slide: SlideInfo, index: number, thumb: string, t: Labels): string {
  const heading = `${index + 1}${slide.heading ? ` · ${slide.heading}` : ''}`;
  const notes = slide.notes.trim() ? notesHtml(slide.notes) : `<p class="none">${escapeHtml(t.noNotes)}</p>`;
  // The closing slide belongs to no chapter: its heading is a chapter's level, so its bookmark
  // sits beside the chapters' and not inside the last one's.
  const level = slide.kind === 'closing' ? 'h2' : 'h3';
  // The line that heads the entry's later pages when its notes run past one (script-pages.ts).
  const continued = escapeHtml(t.continued(heading));
  // The thumbnail repeats the slide the entry's heading names: one picture named by the slide's
  // title, so its headings do not become bookmarks among the chapters and entries.
  return `<article class="entry" data-continued="${continued}">${thumb}<${level} class="slide-no">${escapeHtml(heading)}</${level}><div class="notes">${notes}</div></article>`;
}
