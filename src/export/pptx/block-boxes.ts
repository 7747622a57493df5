import type { Page } from 'puppeteer-core';
import { browserFailed } from '../browser/browser.js';

/** A box in the slide's CSS pixels (1280 wide). */
export interface PxBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How the theme draws a block's text: enough to draw it again as a text frame. */
export interface TextLook {
  /** The text as shown, lines split where the markup breaks them. */
  text: string;
  /** `RRGGBB` and the alpha the colour and the element's opacity leave (0–1). */
  color: string;
  alpha: number;
  bold: boolean;
  /** The element's own font size (a block's `fontPx` is its cells' or items' size). */
  sizePx: number;
  align: 'left' | 'center' | 'right';
  lineHeightPx: number;
  letterSpacingPx: number;
}

/** A bar drawn by the block's `::after` (the accent rule under a title), at its place on the slide. */
export interface AfterBar extends PxBox {
  color: string;
}

export type MeasuredBlock = PxBox &
  TextLook & {
    tag: string;
    onlyPictures: boolean;
    fontPx: number;
    cols?: number[];
    rows?: number[];
    after?: AfterBar;
    /** A list's items: each item's box, and its first `strong` and `em` (the agenda's label and minutes). */
    items?: (PxBox & {
      strong?: PxBox & TextLook;
      em?: PxBox & TextLook;
      rest: string;
      /** The item's padding (top, right, bottom, left) and its `::before` number's size, in px. */
      pad: number[];
      beforePx: number;
    })[];
  };

/** Where the rendered slide shows its blocks: each child of the slide's section, and its pictures. */
export interface SlideBoxes {
  /** The section's children in order, by tag name (`P`, `UL`, `TABLE`, `PRE`, …). */
  blocks: MeasuredBlock[];
  /** The slide's pictures (not backgrounds), in order. */
  pictures: PxBox[];
}

/**
 * Every slide's blocks, measured in a window that shows the slides document: the slides print
 * measures them in its own window before it prints, so the PPTX need not wait for the print.
 */
export async function measureSlides(page: Page): Promise<SlideBoxes[]> {
  return page
    .$$eval(
      'div.marpit > svg[data-marpit-svg]',
      (svgs, width) =>
        svgs.map((svg) => {
          const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
          const s =
            sections.find(
              (x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content',
            ) ?? sections[0];
          if (!s) return { blocks: [], pictures: [] };
          // The slide's SVG is the frame: a split background narrows the content section itself.
          const origin = svg.getBoundingClientRect();
          const k = width / origin.width;
          const box = (e: Element) => {
            const r = e.getBoundingClientRect();
            return {
              x: (r.left - origin.left) * k,
              y: (r.top - origin.top) * k,
              w: r.width * k,
              h: r.height * k,
            };
          };
          // A heading's or paragraph's text as the browser breaks it into lines, so PowerPoint
          // breaks it in the same places (its own measure of the same width differs a little).
          const shownLines = (e: Element): string[] => {
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
                  if (top !== undefined && rect.top > top + rect.height / 2 && lines.at(-1)!.trim())
                    lines.push('');
                  top = rect.top;
                }
                lines[lines.length - 1] += ch;
              }
            }
            return lines.map((l) => l.trim()).filter(Boolean);
          };
          const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
          const look = (e: Element) => {
            const cs = getComputedStyle(e);
            const [r = 0, g = 0, b = 0, a = 1] = (cs.color.match(/[\d.]+/g) ?? []).map(Number);
            let alpha = a;
            for (let x: Element | null = e; x && x !== s; x = x.parentElement)
              alpha *= Number(getComputedStyle(x).opacity);
            const align = cs.textAlign === 'center' || cs.textAlign === 'right' ? cs.textAlign : 'left';
            return {
              text: /^(H\d|P)$/.test(e.tagName)
                ? shownLines(e).join('\n')
                : (e as HTMLElement).innerText.trim(),
              color: (hex(r) + hex(g) + hex(b)).toUpperCase(),
              alpha,
              bold: Number(cs.fontWeight) >= 600,
              sizePx: parseFloat(cs.fontSize) * k,
              align: align as 'left' | 'center' | 'right',
              lineHeightPx: (parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.2) * k,
              letterSpacingPx: (parseFloat(cs.letterSpacing) || 0) * k,
            };
          };
          // The accent rule under a title: a block `::after` at the bottom of the heading's box.
          const after = (e: Element, b: { x: number; y: number; w: number; h: number }) => {
            const a = getComputedStyle(e, '::after');
            if (a.content === 'none' || a.display === 'none' || !/^H\d$/.test(e.tagName)) return undefined;
            const w = parseFloat(a.width) * k;
            const h = parseFloat(a.height) * k;
            if (!(w > 0 && h > 0)) return undefined;
            const [r = 0, g = 0, bl = 0] = (a.backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
            const x = getComputedStyle(e).textAlign === 'center' ? b.x + (b.w - w) / 2 : b.x;
            const color = (hex(r) + hex(g) + hex(bl)).toUpperCase();
            return { x, y: b.y + b.h - parseFloat(getComputedStyle(e).paddingBottom) * k - h, w, h, color };
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
                return {
                  ...box(li),
                  ...(strong ? { strong: { ...box(strong), ...look(strong) } } : {}),
                  ...(em ? { em: { ...box(em), ...look(em) } } : {}),
                  rest,
                  pad: ['Top', 'Right', 'Bottom', 'Left'].map(
                    (side) =>
                      parseFloat(getComputedStyle(li).getPropertyValue(`padding-${side.toLowerCase()}`)) * k,
                  ),
                  beforePx:
                    getComputedStyle(li, '::before').content === 'none'
                      ? 0
                      : parseFloat(getComputedStyle(li, '::before').fontSize) * k,
                };
              });
          const blocks = [...s.children]
            .filter((e) => !['HEADER', 'FOOTER', 'STYLE', 'SCRIPT'].includes(e.tagName))
            .map((e) => ({
              ...look(e),
              ...(e.tagName === 'UL' || e.tagName === 'OL' ? { items: items(e) } : {}),
              tag: e.tagName,
              onlyPictures:
                e.tagName === 'P' && e.querySelector('img') !== null && (e.textContent ?? '').trim() === '',
              ...box(e),
              // The size the text is drawn at: a cell's, an item's or the code's, as the theme sets it.
              fontPx:
                parseFloat(
                  getComputedStyle(/^H\d$/.test(e.tagName) ? e : (e.querySelector('td, li, code') ?? e))
                    .fontSize,
                ) * k,
              after: after(e, box(e)),
              ...(e.tagName === 'TABLE'
                ? {
                    cols: [...(e.querySelector('tr')?.children ?? [])].map((c) => box(c).w),
                    rows: [...e.querySelectorAll('tr')].map((r) => box(r).h),
                  }
                : {}),
            }));
          return { blocks, pictures: [...s.querySelectorAll('img')].map(box) };
        }),
      1280,
    )
    .catch((err: unknown) => {
      throw browserFailed(
        `the browser could not measure the slides for the editable PPTX: ${String(err)}`,
        err,
      );
    });
}
