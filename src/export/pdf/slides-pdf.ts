import type { Page } from 'puppeteer-core';
import type { ComposedDeck } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import { browserFailed, type BrowserSession } from '../browser/browser.js';
import type { OutlineEntry } from './pdf-outline.js';
import { printDocument } from '../browser/print-html.js';
import { measureFit, type SlideFit } from '../browser/slide-overflow.js';
import { inWindow } from '../browser/window-pool.js';

/** The slides as a print document: one page per slide at the slide's own size. */
export function slidesDocument(deck: DeckModel, rendered: RenderedDeck): string {
  const { width: w, height: h } = rendered;
  const css = [
    `@page { size: ${w}px ${h}px; margin: 0; }`,
    'html, body { margin: 0; padding: 0; background: #fff; }',
    `div.marpit > svg[data-marpit-svg] { display: block; width: ${w}px; height: ${h}px; break-after: page; }`,
    'div.marpit > svg[data-marpit-svg]:last-child { break-after: auto; }',
  ].join('\n');
  return printDocument(deck.lang, rendered, css, rendered.html);
}

export interface PrintedSlides {
  pdf: Uint8Array;
  /** How each slide fits (overflow, collisions), measured in the window that printed it. */
  fit: SlideFit[];
}

/**
 * Prints the slides: one page per slide, text stays text, fonts embedded as subsets. The
 * window has every slide laid out already, so measuring overflow there costs a few ms.
 */
export async function printSlides(
  session: BrowserSession,
  deck: DeckModel,
  rendered: RenderedDeck,
  /** Other work on the laid-out slides first (the editable PPTX's measurements). */
  before?: (page: Page) => Promise<void>,
): Promise<PrintedSlides> {
  return inWindow(session, slidesDocument(deck, rendered), rendered.slideSvgs.length, async (page) => {
    await before?.(page);
    // The print first: the slides PDF waits for it, while the fit is read only when the build ends.
    const pdf = await page
      .pdf({
        width: `${rendered.width}px`,
        height: `${rendered.height}px`,
        printBackground: true,
        preferCSSPageSize: true,
      })
      .catch((err: unknown) => {
        throw browserFailed(`the browser could not print the slides: ${String(err)}`, err);
      });
    const fit = await measureFit(page);
    return { pdf, fit };
  });
}

/** A bookmark per chapter at its divider, with its content slides inside. */
export function chapterOutline(composed: ComposedDeck): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  composed.slides.forEach((s, page) => {
    if (s.kind === 'divider' && s.chapter)
      entries.push({ title: `${s.chapter.label} ${s.chapter.title}`, page, children: [] });
    else if (s.kind === 'content' && s.heading)
      entries[entries.length - 1]?.children?.push({ title: s.heading, page });
  });
  return entries;
}
