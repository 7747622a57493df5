// What measureSlides reads of each element, as functions that run in the page. They are
// installed once as one global function (page scripts cannot import), then called per slide
// with its section, the slide's frame and the scale from CSS pixels to the slide's.

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
export function measureHelpers(s: Element, origin: DOMRect, k: number) {
  // Nothing changes the layout while a slide is measured, and the same element is asked for
  // its box and look several times (a paragraph's look for each of its runs, a heading's for its
  // rule): each answer is kept for the slide. A heading's lines are read a character at a time,
  // so reading them once made the course's measurement some 0.4 s shorter.
  const once = <T extends object, R>(f: (x: T) => R) => {
    const kept = new WeakMap<T, R>();
    return (x: T): R => {
      if (!kept.has(x)) kept.set(x, f(x));
      return kept.get(x)!;
    };
  };
  const box = once((e: Element) => {
    const r = e.getBoundingClientRect();
    return {
      x: (r.left - origin.left) * k,
      y: (r.top - origin.top) * k,
      w: r.width * k,
      h: r.height * k,
    };
  });
  // A heading's or paragraph's text as the browser breaks it into lines, so PowerPoint
  // breaks it in the same places (its own measure of the same width differs a little).
  const shownLines = once((e: Element): string[] => {
    const lines: string[] = [''];
    let top: number | undefined;
    const range = document.createRange();
    const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if ((n as Element).tagName === 'BR') lines.push('');
        continue;
      }
      const raw = n.nodeValue ?? '';
      for (let i = 0; i < raw.length; i++) {
        const ch = /[ \t\r\n]/.test(raw[i]!) ? ' ' : raw[i]!;
        if (ch === ' ' && lines.at(-1)!.endsWith(' ')) continue;
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const rect = range.getClientRects()[0];
        if (ch !== ' ' && rect && rect.width > 0) {
          if (top !== undefined && rect.top > top + rect.height / 2 && lines.at(-1)!.trim()) lines.push('');
          top = rect.top;
        }
        lines[lines.length - 1] += ch;
      }
    }
    return lines.map((l) => l.trim()).filter(Boolean);
  });
  // An element's text on more than one line as the browser breaks it (`\n`), so PowerPoint's
  // own wrapping cannot leave a lone last character; undefined for one line (reading lines
  // costs a rect per character).
  const wrappedLines = (e: Element): string | undefined => {
    const text = rangeBox(e);
    const line = parseFloat(getComputedStyle(e).lineHeight) * k;
    return text && text.h > 1.5 * line ? shownLines(e).join('\n') : undefined;
  };
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  // A colour as RRGGBB and alpha: rgb(), rgba() or color(srgb …) (what color-mix computes to,
  // as the theme's --lectern-accent-ink: read as rgb() it was near black).
  const rgba = (v: string) => {
    const n = (v.match(/[\d.]+/g) ?? []).map(Number);
    const unit = v.startsWith('color(') ? 255 : 1;
    const [r = 0, g = 0, b = 0] = n.slice(0, 3).map((x) => x * unit);
    return { hex: (hex(r) + hex(g) + hex(b)).toUpperCase(), a: n[3] ?? 1 };
  };
  // Marp's auto-scaling elements (a fit heading `# <!-- fit --> …`, a code block too wide) draw
  // their text in an SVG in their shadow DOM, scaled to fill or fit the line: their sizes are
  // the CSS's times that scale.
  const fitScale = (e: Element) => {
    const host = e.closest('[data-auto-scaling]');
    const svg = host?.shadowRoot?.querySelector('marp-auto-scaling')?.shadowRoot?.querySelector('svg');
    const view = svg?.viewBox.baseVal;
    return svg && view?.width ? svg.getBoundingClientRect().width / view.width : 1;
  };
  const look = once((e: Element) => {
    const cs = getComputedStyle(e);
    const fit = fitScale(e);
    const colour = rgba(cs.color);
    let alpha = colour.a;
    for (let x: Element | null = e; x && x !== s; x = x.parentElement)
      alpha *= Number(getComputedStyle(x).opacity);
    const align = cs.textAlign === 'center' || cs.textAlign === 'right' ? cs.textAlign : 'left';
    return {
      text: /^(H\d|P)$/.test(e.tagName) ? shownLines(e).join('\n') : (e as HTMLElement).innerText.trim(),
      color: colour.hex,
      alpha,
      bold: Number(cs.fontWeight) >= 600,
      sizePx: parseFloat(cs.fontSize) * fit * k,
      align: align as 'left' | 'center' | 'right',
      lineHeightPx: (parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.2) * fit * k,
      letterSpacingPx: (parseFloat(cs.letterSpacing) || 0) * fit * k,
    };
  });
  // The accent rule under a title: a block `::after` at the bottom of the heading's box.
  const after = (e: Element, b: { x: number; y: number; w: number; h: number }) => {
    const a = getComputedStyle(e, '::after');
    if (a.content === 'none' || a.display === 'none' || !/^H\d$/.test(e.tagName)) return undefined;
    const w = parseFloat(a.width) * k;
    const h = parseFloat(a.height) * k;
    if (!(w > 0 && h > 0)) return undefined;
    const x = getComputedStyle(e).textAlign === 'center' ? b.x + (b.w - w) / 2 : b.x;
    const color = rgba(a.backgroundColor).hex;
    return { x, y: b.y + b.h - parseFloat(getComputedStyle(e).paddingBottom) * k - h, w, h, color };
  };
  // An absolutely placed pseudo-element's border box: Chromium gives its used offsets (from its
  // element's padding box, inside the border) and its used size, so no stand-in is laid out.
  const pseudoBox = (e: Element, pseudo: string) => {
    const cs = getComputedStyle(e, pseudo);
    const own = getComputedStyle(e);
    const px = (v: string) => parseFloat(v) || 0;
    const edges = (a: string, b: string) =>
      cs.boxSizing === 'border-box'
        ? 0
        : [a, b].reduce(
            (n, side) =>
              n +
              px(cs.getPropertyValue(`padding-${side}`)) +
              px(cs.getPropertyValue(`border-${side}-width`)),
            0,
          );
    const at = box(e);
    return {
      x: at.x + (px(own.borderLeftWidth) + px(cs.left) + px(cs.marginLeft)) * k,
      y: at.y + (px(own.borderTopWidth) + px(cs.top) + px(cs.marginTop)) * k,
      w: (px(cs.width) + edges('left', 'right')) * k,
      h: (px(cs.height) + edges('top', 'bottom')) * k,
    };
  };
  const deco = (e: Element, pseudo?: string) => {
    const cs = getComputedStyle(e, pseudo);
    const bg = rgba(cs.backgroundColor);
    const border = ['Top', 'Right', 'Bottom', 'Left'].map((side) => ({
      w:
        cs.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none'
          ? 0
          : parseFloat(cs.getPropertyValue(`border-${side.toLowerCase()}-width`)) * k,
      color: rgba(cs.getPropertyValue(`border-${side.toLowerCase()}-color`)).hex,
    }));
    const radius = ['top-left', 'top-right', 'bottom-right', 'bottom-left'].map(
      (c) => (parseFloat(cs.getPropertyValue(`border-${c}-radius`)) || 0) * k,
    );
    if (bg.a < 0.05 && border.every((b) => !(b.w > 0))) return undefined;
    return { ...(bg.a >= 0.05 ? { bg: bg.hex } : {}), border, radius };
  };
  // The box of some of an element's contents (text only: no padding, no pseudo-elements).
  const rangeBox = (e: Element, after?: Node) => {
    // The glyphs' boxes, text node by text node: a range's own rects also hold the boxes of the
    // elements in it, and a span laid out as a flex item (the no-orphan tie's text in a step)
    // is its line's height, not its glyphs'.
    const within = document.createRange();
    within.selectNodeContents(e);
    if (after) within.setStartAfter(after);
    const rects: DOMRect[] = [];
    const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!within.intersectsNode(n)) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      rects.push(...[...r.getClientRects()].filter((q) => q.width > 0 && q.height > 0));
    }
    if (!rects.length) return undefined;
    const x0 = Math.min(...rects.map((q) => q.left));
    const y0 = Math.min(...rects.map((q) => q.top));
    const x1 = Math.max(...rects.map((q) => q.right));
    const y1 = Math.max(...rects.map((q) => q.bottom));
    return {
      x: (x0 - origin.left) * k,
      y: (y0 - origin.top) * k,
      w: (x1 - x0) * k,
      h: (y1 - y0) * k,
    };
  };
  // A formula's width less that of a no-break space in its line's face (its glyph alone: the
  // PPTX's letter spacing for it replaces the line's own), measured where it stands: the
  // letter spacing that makes the space standing for it in the text leave its room.
  const formulaGap = (e: Element) => {
    const space = document.createElement('span');
    space.textContent = '\u00a0';
    space.style.letterSpacing = '0';
    e.before(space);
    const spaceW = space.getBoundingClientRect().width * k;
    space.remove();
    return box(e).w - spaceW;
  };
  // A paragraph's text as runs: its strong and em in their own colour, breaks as new lines, a
  // formula as a no-break space as wide as it (its picture lies over it: pptx-formulas.ts).
  const runs = (e: Element, skip?: Node) =>
    [...e.childNodes]
      .filter((n) => n !== skip)
      .map((n) => {
        if (n.nodeName === 'BR') return { text: '\n', color: '', bold: false, sizePx: 0 };
        if (n.nodeName === 'MJX-CONTAINER') {
          const l = look(n as Element);
          return {
            text: '\u00a0',
            color: l.color,
            bold: false,
            sizePx: l.sizePx,
            gapPx: formulaGap(n as Element),
          };
        }
        const l = look(n instanceof Element ? n : e);
        const text = (n.textContent ?? '').replace(/\s*\n\s*/g, ' ');
        const italic = getComputedStyle(n instanceof Element ? n : e).fontStyle === 'italic';
        // Inline code on the background its theme paints, where opaque (a translucent one blends
        // with what lies under it, which a run's highlight cannot).
        const paint =
          n instanceof Element && n.tagName === 'CODE'
            ? rgba(getComputedStyle(n).backgroundColor)
            : undefined;
        const bg = paint && paint.a > 0.95 ? paint.hex : undefined;
        return {
          text,
          color: l.color,
          bold: l.bold,
          ...(italic ? { italic } : {}),
          sizePx: l.sizePx,
          ...(bg ? { bg } : {}),
        };
      })
      .filter((r) => r.text);
  return {
    box,
    look,
    after,
    rgba,
    deco,
    pseudoBox,
    rangeBox,
    runs,
    wrappedLines,
    shownLines,
    fitScale,
    formulaGap,
  };
}

/** The page's global for measureHelpers, installed by measureSlides. */
export interface MeasureWindow {
  __lecternMeasure: typeof measureHelpers;
}
