import { KEEP_SPAN, tiedTail } from '../../engine/last-line-keep.js';
import type { RenderedDeck } from '../../render/render-deck.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** A CSS string literal, for generated `content:` values. */
export function cssString(text: string): string {
  // `<` could close the <style> element that holds this string.
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/\n/g, ' ')}"`;
}

/** The `content:` of a page-number margin box: a label's {n} and {of} as the page counters. */
export function pageCounter(template: string): string {
  const parts = template.split(/(\{n\}|\{of\})/).filter((part) => part !== '');
  const css = parts.map((part) =>
    part === '{n}' ? 'counter(page)' : part === '{of}' ? 'counter(pages)' : cssString(part),
  );
  return css.length ? css.join(' ') : '""';
}

/** One slide as a stand-alone Marp fragment: Marp's CSS expects `div.marpit > svg`. */
export function slideFragment(rendered: RenderedDeck, index: number): string {
  return `<div class="marpit">${rendered.slideSvgs[index] ?? ''}</div>`;
}

/**
 * A slide shown small (the handout's and script's thumbnails) as one picture named by the
 * slide's title, or by its number where it has none: a Figure with that /Alt in the printed
 * PDF, its headings kept out of the document's structure (the slides PDF carries them). Its
 * pictures stay Figures with their own /Alt inside it: Chromium tags only what paints, and
 * hiding the slide's content left the thumbnail nothing to tag.
 */
export function slideThumb(rendered: RenderedDeck, index: number, title: string): string {
  return `<div class="thumb" role="img" aria-label="${escapeHtml(title)}">${slideFragment(rendered, index)}</div>`;
}

/** A complete document with Marp's CSS; `extraCss` comes after it so its @page wins. */
export function printDocument(lang: string, rendered: RenderedDeck, extraCss: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    `<style>${rendered.css}</style>`,
    `<style>${extraCss}</style>`,
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

/** Notes as paragraphs: blank lines separate paragraphs, single newlines are kept. */
/** A line of notes, its last two Chinese characters kept together (no lone last character). */
function tiedLine(line: string): string {
  const split = tiedTail(line);
  if (!split) return escapeHtml(line);
  const [head, kept, after] = split;
  return `${escapeHtml(head)}${KEEP_SPAN[0]}${escapeHtml(kept)}${KEEP_SPAN[1]}${escapeHtml(after)}`;
}

export function notesHtml(notes: string): string {
  return notes
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(tiedLine).join('<br>')}</p>`)
    .join('');
}
