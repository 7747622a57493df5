import type { measureHelpers } from './block-measure-helpers.js';

// What measureSlides reads of a slide for themes other than lectern's, beside measureHelpers:
// the page number a theme draws as a pseudo-element, and a table's cells as the theme paints
// them. Installed in the page as its own global (page scripts cannot import), and handed the
// slide's measureHelpers.

type Helpers = ReturnType<typeof measureHelpers>;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
export function themeMeasureHelpers(s: Element, k: number, h: Helpers) {
  const { look, rgba, deco, rangeBox, box, pseudoBox } = h;
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  // A pseudo-element's text from `content` (quoted strings and attr() of the section, as Marp's
  // themes write it), undefined when it generates no box.
  const contentText = (section: Element, cs: CSSStyleDeclaration) => {
    if (cs.content === 'none' || cs.content === 'normal' || cs.display === 'none') return undefined;
    let text = '';
    for (let i = 0; i < cs.content.length;) {
      const ch = cs.content[i]!;
      if (ch === '"' || ch === "'") {
        const end = cs.content.indexOf(ch, i + 1);
        text += cs.content.slice(i + 1, end < 0 ? undefined : end);
        i = end < 0 ? cs.content.length : end + 1;
      } else if (cs.content.startsWith('attr(', i)) {
        const end = cs.content.indexOf(')', i);
        text += section.getAttribute(cs.content.slice(i + 5, end).trim()) ?? '';
        i = end + 1;
      } else i++;
    }
    return text.trim();
  };
  // A pseudo-element of the section, measured through a stand-in element given every computed
  // property of it, appended and removed again (a pseudo-element has no box of its own to ask for).
  const standIn = <T>(section: Element, pseudo: string, text: string, read: (e: HTMLElement) => T): T => {
    const cs = getComputedStyle(section, pseudo);
    const e = document.createElement('span');
    for (const name of [...cs]) e.style.setProperty(name, cs.getPropertyValue(name));
    e.textContent = text;
    if (pseudo === '::before') section.prepend(e);
    else section.appendChild(e);
    try {
      return read(e);
    } finally {
      e.remove();
    }
  };
  // The page number a theme draws as the section's `::after` (Marp's `paginate`).
  const pagination = (section: Element) => {
    const text = contentText(section, getComputedStyle(section, '::after'));
    if (!text) return undefined;
    const at = standIn(section, '::after', text, (e) => ({ glyphs: rangeBox(e), l: look(e) }));
    if (!at.glyphs) return undefined;
    const { glyphs, l } = at;
    // One line centred on its glyphs, as the header and footer are placed.
    return {
      ...l,
      text,
      align: 'right' as const,
      x: glyphs.x,
      w: glyphs.w,
      y: glyphs.y + glyphs.h / 2 - l.lineHeightPx / 2,
      h: l.lineHeightPx,
    };
  };
  // What the section's `::before` and `::after` paint (a brand bar, the page number's pill):
  // each box with its colour, borders, radius and background image (a gradient: drawn as
  // bands when its stops are hard, theme-paint.ts), under the slide's blocks.
  const marks = (section: Element) =>
    ['::before', '::after'].flatMap((pseudo) => {
      const cs = getComputedStyle(section, pseudo);
      const text = contentText(section, cs);
      if (text === undefined || (cs.backgroundImage === 'none' && !deco(section, pseudo))) return [];
      // Placed by the section (positioned), as Marp's themes and lectern's place their marks:
      // read from its used offsets and size, without a stand-in (a layout each, two a slide).
      if (cs.position === 'absolute' && getComputedStyle(section).position !== 'static') {
        const d = deco(section, pseudo);
        return [{ ...pseudoBox(section, pseudo), ...(d ? { deco: d } : {}), image: cs.backgroundImage }];
      }
      return [
        standIn(section, pseudo, text, (e) => ({
          ...box(e),
          ...(deco(e) ? { deco: deco(e)! } : {}),
          image: getComputedStyle(e).backgroundImage,
        })),
      ];
    });
  // A cell's fill as it shows: a translucent one (Gaia's stripes) over the nearest opaque
  // background behind it, left out when nothing behind it is opaque (the slide's own colour shows).
  const shownFill = (cell: Element): string | undefined => {
    const layers: { hex: string; a: number }[] = [];
    for (let x: Element | null = cell; x; x = x === s ? null : x.parentElement) {
      const c = rgba(getComputedStyle(x).backgroundColor);
      if (c.a < 0.05) continue;
      layers.push(c);
      if (c.a > 0.95) break;
    }
    const base = layers.pop();
    if (!base || base.a <= 0.95) return undefined;
    if (!layers.length) return base.hex;
    const ch = (h: string, i: number) => parseInt(h.slice(i, i + 2), 16);
    return layers.reverse().reduce(
      (under, top) =>
        [0, 2, 4]
          .map((i) => hex(ch(top.hex, i) * top.a + ch(under, i) * (1 - top.a)))
          .join('')
          .toUpperCase(),
      base.hex,
    );
  };
  const cellLook = (cell: Element) => {
    const own = deco(cell);
    const bg = shownFill(cell);
    return {
      ...look(cell),
      ...(bg ? { bg } : {}),
      border: own?.border ?? [0, 0, 0, 0].map(() => ({ w: 0, color: '000000' })),
      // Its padding (top, right, bottom, left), so a row is as high in the PPTX as on the slide.
      pad: ['top', 'right', 'bottom', 'left'].map(
        (side) => parseFloat(getComputedStyle(cell).getPropertyValue(`padding-${side}`)) * k,
      ),
    };
  };
  const cells = (table: Element) => {
    const head = table.querySelector('th');
    const body = [...table.querySelectorAll('tbody tr')].slice(0, 2).flatMap((tr) => {
      const td = tr.querySelector('td');
      return td ? [cellLook(td)] : [];
    });
    return { ...(head ? { head: cellLook(head) } : {}), body };
  };
  // How wide a list item's outside marker is (`• `, `1. `): the browser sets it just before the
  // item's text, and PowerPoint hangs its bullet that far left of the text. PowerPoint and
  // LibreOffice draw a number in the weight of the item's first run (a bold lead phrase), and
  // move the text on to the next tab stop when the number is wider than the hang: measured so.
  const markerWidth = (li: Element, n: number) => {
    const cs = getComputedStyle(li);
    if (cs.display !== 'list-item' || cs.listStylePosition !== 'outside' || cs.listStyleType === 'none')
      return undefined;
    const lead =
      li.firstChild instanceof Element ? getComputedStyle(li.firstChild).fontWeight : cs.fontWeight;
    const weight = Math.max(Number(cs.fontWeight) || 400, Number(lead) || 400);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${cs.fontStyle} ${weight} ${cs.fontSize} ${cs.fontFamily}`;
    const marker = cs.listStyleType === 'decimal' ? `${n}. ` : '\u2022 ';
    return canvas.measureText(marker).width * k;
  };
  return { pagination, marks, cells, markerWidth };
}

/** The page's global for themeMeasureHelpers, installed by measureSlides. */
export interface ThemeMeasureWindow {
  __lecternMeasureTheme: typeof themeMeasureHelpers;
}
