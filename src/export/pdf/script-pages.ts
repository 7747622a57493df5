// Notes that run past a page, in the speaker script: Chromium would split such an entry
// wherever the page ends and go on at the next page's top with a bare paragraph, and CSS has
// no running heading Chromium prints for an element's later pages. So, before the print, the
// window lays the document out at the page's width (the script's CSS sets it for the screen),
// and each entry taller than a page is cut, between lines, into parts of a page each: the
// parts after the first start a page and open with the line `N · title（续）`. Heights depend
// on the width alone, so what is measured here is what the print lays out.
// `continueLongNotes` runs in the page (puppeteer sends its source): it must stay
// self-contained (no imports, no names from outside it).

/** Cuts every entry taller than `pageMm` into page-long parts; returns how many parts it added. */
export function continueLongNotes(pageMm: number): number {
  // The window keeps its document for a later job: cut it once.
  if (document.body.dataset.continued === 'yes') return 0;
  document.body.dataset.continued = 'yes';
  const page = (pageMm * 96) / 25.4;
  const bottomOf = (el: Element) => el.getBoundingClientRect().bottom;
  // Where an element starts a page: a forced break keeps its top margin (a chapter heading's).
  const topOf = (el: Element) =>
    el.getBoundingClientRect().top - (Number.parseFloat(getComputedStyle(el).marginTop) || 0);

  /** The first notes character whose line box ends below `limit`, as a text node and offset. */
  const firstBelow = (notes: Element, limit: number): { node: Text; offset: number } | undefined => {
    const lineBottom = (node: Text, from: number, to: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      if (rects.length === 0) return -Infinity;
      const r = rects[rects.length - 1]!;
      // A character's box is its glyphs' height; its line's box adds half the leading each side.
      const style = getComputedStyle(node.parentElement!);
      const line = Number.parseFloat(style.lineHeight) || r.height;
      return r.bottom + Math.max(0, (line - r.height) / 2);
    };
    const texts = document.createTreeWalker(notes, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode() as Text | null; n; n = texts.nextNode() as Text | null) {
      const length = n.data.length;
      if (length === 0 || lineBottom(n, 0, length) <= limit) continue;
      // The lines of a text only go down: the first character below is found by halving.
      let lo = 0;
      let hi = length - 1;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (lineBottom(n, mid, mid + 1) > limit) hi = mid;
        else lo = mid + 1;
      }
      // Never between the two halves of a character outside the BMP (an emoji, CJK Extension B).
      const code = n.data.charCodeAt(lo);
      return { node: n, offset: code >= 0xdc00 && code <= 0xdfff ? lo - 1 : lo };
    }
    return undefined;
  };

  /** Moves the notes from `at` on into a new part after `part`, which opens with the continued line. */
  const cut = (part: HTMLElement, at: { node: Text; offset: number }, line: string): HTMLElement => {
    const notes = part.querySelector('.notes')!;
    const range = document.createRange();
    range.setStart(at.node, at.offset);
    range.setEnd(notes, notes.childNodes.length);
    // The paragraph cut in two is copied into the new part with the rest of its text.
    const rest = range.extractContents();
    for (const p of [...notes.querySelectorAll('p')]) if (!p.textContent?.trim()) p.remove();
    const next = document.createElement('article');
    next.className = 'entry continued';
    const heading = document.createElement('p');
    heading.className = 'continued';
    heading.textContent = line;
    const moved = document.createElement('div');
    moved.className = 'notes';
    moved.append(rest);
    next.append(heading, moved);
    part.after(next);
    return next;
  };

  let added = 0;
  for (const entry of [...document.querySelectorAll<HTMLElement>('article.entry')]) {
    if (entry.getBoundingClientRect().height <= page) continue;
    const line = entry.dataset.continued ?? '';
    // The chapter heading above the entry stays with it on the page it starts.
    const before = entry.previousElementSibling;
    (before?.matches('h2.chapter') ? before : entry).classList.add('page-start');
    let part = entry;
    let top = Math.min(topOf(part), before?.matches('h2.chapter') ? topOf(before) : Infinity);
    while (bottomOf(part) - top > page) {
      const whole = part.cloneNode(true) as HTMLElement;
      let next: HTMLElement | undefined;
      // Below the last line the part keeps its paragraph's margin, its padding and its border;
      // a cut that still leaves it too tall is undone and made a line higher.
      // (Read as numbers now: a style read from the part goes blank once an undo replaces it.)
      const notes = part.querySelector('.notes')!;
      const paragraph = getComputedStyle(notes.querySelector('p') ?? notes);
      const box = getComputedStyle(part);
      const px = (v: string) => Number.parseFloat(v) || 0;
      const below = px(paragraph.marginBottom) + px(box.paddingBottom) + px(box.borderBottomWidth);
      const lineHeight = px(paragraph.lineHeight);
      for (let limit = top + page - below, tries = 0; tries < 4; tries++) {
        const at = firstBelow(part.querySelector('.notes')!, limit);
        if (!at) break;
        next = cut(part, at, line);
        const over = bottomOf(part) - top - page;
        if (over <= 0) break;
        next.remove();
        const again = whole.cloneNode(true) as HTMLElement;
        part.replaceWith(again);
        part = again;
        next = undefined;
        limit -= Math.max(over, lineHeight);
      }
      if (!next) break;
      next.classList.add('page-start');
      added++;
      part = next;
      top = topOf(part);
    }
  }
  return added;
}
