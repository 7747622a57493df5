import type { ComposedDeck } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import type { OutlineEntry } from './pdf-outline.js';

// Which slide goes in which slot of which handout page: decided here, before the browser lays
// anything out, so the page count is what `perPage` implies and the bookmarks know their pages.

export interface HandoutSlot {
  /** The slide's index in the composed deck; absent for the slot of the QR codes. */
  slide?: number;
  /** The chapter whose first slide this is: its title goes in a heading row above the slide. */
  chapter?: string;
}

export interface HandoutLayout {
  pages: HandoutSlot[][];
  /** A bookmark per chapter, at the page of its first slide. */
  outline: OutlineEntry[];
}

/**
 * The trainee's slides: the content slides (the title and agenda only when deck.md's
 * `handout: include:` asks for them; dividers and the closing slide never, they carry nothing
 * to write beside), `perPage` a page, and the QR codes in the slot after the last slide, a
 * page of their own when the last page is full.
 */
export function handoutLayout(deck: DeckModel, composed: ComposedDeck, codes: boolean): HandoutLayout {
  const { perPage, include } = deck.handout;
  const slots: HandoutSlot[] = [];
  let chapter: string | undefined;
  composed.slides.forEach((s, i) => {
    if (s.kind === 'content') {
      const title = s.chapter ? `${s.chapter.label} ${s.chapter.title}` : undefined;
      slots.push({ slide: i, ...(title !== chapter && title ? { chapter: title } : {}) });
      chapter = title;
    } else if ((s.kind === 'title' || s.kind === 'agenda') && include.includes(s.kind)) {
      slots.push({ slide: i });
    }
  });
  // A course of generated slides alone still prints something to write on: its title slide.
  if (slots.length === 0) slots.push({ slide: 0 });
  if (codes) slots.push({});
  const pages: HandoutSlot[][] = [];
  for (let i = 0; i < slots.length; i += perPage) pages.push(slots.slice(i, i + perPage));
  const outline = pages.flatMap((page, p) =>
    page.flatMap((slot) => (slot.chapter ? [{ title: slot.chapter, page: p }] : [])),
  );
  return { pages, outline };
}
