import type { measureHelpers } from './block-measure-helpers.js';

// What measureSlides reads of a slide for themes other than lectern's, beside measureHelpers:
// the page number a theme draws as a pseudo-element, and a table's cells as the theme paints
// them. Installed in the page as its own global (page scripts cannot import), and handed the
// slide's measureHelpers.

type Helpers = ReturnType<typeof measureHelpers>;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
export function themeMeasureHelpers(s: Element, k: number, h: Helpers) {
  const { look, rgba, deco, rangeBox } = h;
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  // The page number a theme draws as the section's `::after` (Marp's `paginate`): its text from
  // `content` (quoted strings and attr() of the section, as Marp's themes write it), its place
  // from a stand-in element given every computed property of the pseudo-element, measured and
  // removed again (a pseudo-element has no box of its own to ask for).
  const pagination = (section: Element) => {
    const cs = getComputedStyle(section, '::after');
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
    text = text.trim();
    if (!text) return undefined;
    const standIn = document.createElement('span');
    for (const name of [...cs]) standIn.style.setProperty(name, cs.getPropertyValue(name));
    standIn.textContent = text;
    section.appendChild(standIn);
    const glyphs = rangeBox(standIn);
    const l = look(standIn);
    standIn.remove();
    if (!glyphs) return undefined;
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
  // item's text, and PowerPoint hangs its bullet that far left of the text.
  const markerWidth = (li: Element, n: number) => {
    const cs = getComputedStyle(li);
    if (cs.display !== 'list-item' || cs.listStylePosition !== 'outside' || cs.listStyleType === 'none')
      return undefined;
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const marker = cs.listStyleType === 'decimal' ? `${n}. ` : '\u2022 ';
    return canvas.measureText(marker).width * k;
  };
  return { pagination, cells, markerWidth };
}

/** The page's global for themeMeasureHelpers, installed by measureSlides. */
export interface ThemeMeasureWindow {
  __lecternMeasureTheme: typeof themeMeasureHelpers;
}
