import type { measureHelpers } from './block-measure-helpers.js';

// What measureSlides reads of a list's items and of a block's `::before`: each item's box,
// text, runs and lines, its card's paint, its number or mark, as the theme draws them (a
// point card, a step, a quiz option). Installed in the page as its own global (page scripts
// cannot import), and handed the slide's measureHelpers.

type Helpers = ReturnType<typeof measureHelpers>;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
export function itemMeasureHelpers(k: number, h: Helpers) {
  const { box, look, rgba, deco, pseudoBox, rangeBox, runs, wrappedLines, shownLines } = h;
  // A counter as `counter(name, style)` shows it, in the styles themes number steps and options
  // in (1, 01, A, a); the n-th item among its siblings, as the themes count them.
  const counterText = (n: number, content: string) => {
    const style = content
      .slice(content.indexOf('(') + 1, content.indexOf(')'))
      .split(',')[1]
      ?.trim();
    const alpha = (x: number): string =>
      (x > 26 ? alpha(Math.floor((x - 1) / 26)) : '') + String.fromCharCode(65 + ((x - 1) % 26));
    if (style === 'decimal-leading-zero') return String(n).padStart(2, '0');
    if (/^upper-(alpha|latin)$/.test(style ?? '')) return alpha(n);
    if (/^lower-(alpha|latin)$/.test(style ?? '')) return alpha(n).toLowerCase();
    return String(n);
  };
  // A `::before` that is a box: where the theme puts it, beside or over its element.
  const before = (e: Element, eb: { x: number; y: number; w: number; h: number }) => {
    const cs = getComputedStyle(e, '::before');
    if (cs.content === 'none' || cs.display === 'none') return undefined;
    const own = getComputedStyle(e);
    const w = (parseFloat(cs.width) || parseFloat(cs.flexBasis) || 0) * k;
    const h = (parseFloat(cs.height) || 0) * k;
    // Its border and padding around its content box (a badge's padding: `0.2em 0.6em`).
    const edge = (d: string) =>
      (parseFloat(cs.getPropertyValue(`border-${d}-width`)) +
        (parseFloat(cs.getPropertyValue(`padding-${d}`)) || 0)) *
      k;
    const bw = ['left', 'right'].map(edge);
    const bh = ['top', 'bottom'].map(edge);
    const fullW = w + (cs.boxSizing === 'border-box' ? 0 : bw[0]! + bw[1]!);
    const fullH = h + (cs.boxSizing === 'border-box' ? 0 : bh[0]! + bh[1]!);
    const padL = parseFloat(own.paddingLeft) * k;
    const padT = parseFloat(own.paddingTop) * k;
    let x = eb.x + padL + parseFloat(own.borderLeftWidth) * k;
    let y = eb.y + padT + parseFloat(own.borderTopWidth) * k;
    if (cs.position === 'absolute') ({ x, y } = pseudoBox(e, '::before'));
    else if (own.display === 'flex' && own.alignItems === 'center') y = eb.y + (eb.h - fullH) / 2;
    const text = cs.content.replace(/^["']|["']$/g, '');
    const shown = cs.content.startsWith('counter(')
      ? counterText([...(e.parentElement?.children ?? [])].indexOf(e) + 1, cs.content)
      : text;
    const l = look(e);
    return {
      x,
      y,
      w: fullW || eb.w,
      h: fullH || parseFloat(cs.lineHeight) * k || 0,
      ...(deco(e, '::before') ? { deco: deco(e, '::before') } : {}),
      ...(shown
        ? {
            look: {
              ...l,
              text: shown,
              color: rgba(cs.color).hex,
              alpha: 1,
              bold: Number(cs.fontWeight) >= 600,
              sizePx: parseFloat(cs.fontSize) * k,
              align: cs.textAlign === 'center' ? ('center' as const) : ('left' as const),
              lineHeightPx: (parseFloat(cs.lineHeight) || parseFloat(cs.fontSize)) * k,
              // Letters as far apart as the theme sets them (Gaia spaces its text).
              letterSpacingPx: (parseFloat(cs.letterSpacing) || 0) * k,
            },
          }
        : {}),
    };
  };
  // How far an inline `::before` pushes its element's first line in, less a no-break space's
  // width in the text's face: the letter spacing of the space the PPTX starts the line with.
  const leadGap = (li: Element) => {
    const cs = getComputedStyle(li, '::before');
    if (cs.content === 'none' || !cs.display.startsWith('inline')) return undefined;
    const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    let first = walk.nextNode();
    while (first && !(first.nodeValue ?? '').trim()) first = walk.nextNode();
    if (!first) return undefined;
    const glyph = document.createRange();
    const at = (first.nodeValue ?? '').search(/\S/);
    glyph.setStart(first, at);
    glyph.setEnd(first, at + 1);
    const own = getComputedStyle(li);
    const left =
      li.getBoundingClientRect().left + parseFloat(own.paddingLeft) + parseFloat(own.borderLeftWidth);
    const x = glyph.getBoundingClientRect().left;
    const space = document.createElement('span');
    space.textContent = '\u00a0';
    space.style.letterSpacing = '0';
    (first.parentElement ?? li).appendChild(space);
    const spaceW = space.getBoundingClientRect().width;
    space.remove();
    return (x - left - spaceW) * k;
  };
  const items = (e: Element) =>
    [...e.children]
      .filter((li) => li.tagName === 'LI')
      .map((li) => {
        const strong = li.querySelector(':scope > strong');
        const em = li.querySelector(':scope > em');
        const rest = [...li.childNodes]
          .filter((n) => n !== strong && n !== em)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        const ownBlock =
          strong && strong === li.firstElementChild && getComputedStyle(strong).display === 'block';
        const restFrom = ownBlock
          ? strong.nextElementSibling?.tagName === 'BR'
            ? strong.nextElementSibling
            : strong
          : undefined;
        const restBox = restFrom ? rangeBox(li, restFrom) : undefined;
        // A card's title and text wrap balanced (corporate.css): the PPTX breaks where they do.
        const titleLines = ownBlock ? shownLines(strong) : [];
        const lines = ownBlock
          ? { strong: titleLines.join('\n'), rest: shownLines(li).slice(titleLines.length).join('\n') }
          : undefined;
        const shown = ownBlock ? undefined : wrappedLines(li);
        // Read once: it adds a span to the item, and each read after it costs a layout.
        const lead = leadGap(li);
        return {
          ...box(li),
          textBox: rangeBox(li),
          ...(shown ? { shown } : {}),
          runs: runs(li),
          ...(lead !== undefined ? { leadGapPx: lead } : {}),
          ...(restBox ? { restBox: { ...restBox, ...look(li), text: rest } } : {}),
          ...(lines ? { lines } : {}),
          ...(deco(li) ? { deco: deco(li) } : {}),
          marker: rgba(getComputedStyle(li, '::marker').color).hex,
          ...(before(li, box(li)) ? { before: before(li, box(li)) } : {}),
          ...(strong
            ? { strong: { ...box(strong), ...look(strong), ...(deco(strong) ? { deco: deco(strong) } : {}) } }
            : {}),
          ...(em ? { em: { ...box(em), ...look(em) } } : {}),
          rest,
          pad: ['Top', 'Right', 'Bottom', 'Left'].map(
            (side) => parseFloat(getComputedStyle(li).getPropertyValue(`padding-${side.toLowerCase()}`)) * k,
          ),
          beforePx:
            getComputedStyle(li, '::before').content === 'none'
              ? 0
              : parseFloat(getComputedStyle(li, '::before').fontSize) * k,
        };
      });
  return { before, items };
}

/** The page's global for itemMeasureHelpers, installed by measureSlides. */
export interface ItemMeasureWindow {
  __lecternMeasureItems: typeof itemMeasureHelpers;
}
