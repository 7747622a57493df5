import type { Page } from 'puppeteer-core';
import { browserFailed } from '../browser/browser.js';
import { measureHelpers, type MeasureWindow } from './block-measure-helpers.js';
import { themeMeasureHelpers, type ThemeMeasureWindow } from './theme-measure-helpers.js';
import { htmlMeasureHelpers, type HtmlMeasureWindow } from './html-measure-helpers.js';
import { itemMeasureHelpers, type ItemMeasureWindow } from './item-measure-helpers.js';
import { shownFaces } from './shown-face.js';
import { pictureParts } from './part-pictures.js';
import { markShapes } from './mark-shapes.js';
import { sectionLayers } from './section-paint.js';

import type { SectionMark, SlideBoxes } from './block-box-types.js';

export type {
  PxBox,
  TextLook,
  TextRun,
  Deco,
  BeforeBox,
  AfterBar,
  MeasuredBlock,
  SlideBoxes,
  SectionMark,
} from './block-box-types.js';

/**
 * Every slide's blocks, measured in a window that shows the slides document: the slides print
 * measures them in its own window before it prints, so the PPTX need not wait for the print.
 */
export async function measureSlides(
  page: Page,
  /**
   * Whether to draw what the theme paints (its `::before` and `::after` marks, shapes, and its
   * painting beyond a colour, baked into a picture of each slide's background: part-pictures.ts):
   * not on a company template, whose masters paint the slides.
   */
  { themeBackdrops = true }: { themeBackdrops?: boolean } = {},
): Promise<SlideBoxes[]> {
  await page
    .evaluate(
      `window.__lecternMeasure = ${measureHelpers.toString()}; window.__lecternMeasureTheme = ${themeMeasureHelpers.toString()}; window.__lecternMeasureHtml = ${htmlMeasureHelpers.toString()}; window.__lecternMeasureItems = ${itemMeasureHelpers.toString()}`,
    )
    .catch((err: unknown) => {
      throw browserFailed(
        `the browser could not measure the slides for the editable PPTX: ${String(err)}`,
        err,
      );
    });
  const slides = await page
    .$$eval(
      'div.marpit > svg[data-marpit-svg]',
      (svgs, width, themeBackdrops) =>
        svgs.map((svg) => {
          const sections = [...svg.querySelectorAll(':scope > foreignObject > section')];
          const s =
            sections.find(
              (x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content',
            ) ?? sections[0];
          if (!s) return { blocks: [], pictures: [], background: { hex: 'FFFFFF', a: 1 }, ink: '000000' };
          // The slide's SVG is the frame: a split background narrows the content section itself.
          const origin = svg.getBoundingClientRect();
          const k = width / origin.width;
          const helpers = (window as unknown as MeasureWindow).__lecternMeasure(s, origin, k);
          const { box, look, after, rgba, deco, rangeBox, runs, wrappedLines, fitScale } = helpers;
          const { before, items } = (window as unknown as ItemMeasureWindow).__lecternMeasureItems(
            k,
            helpers,
          );
          const { pagination, marks, cells, markerWidth } = (
            window as unknown as ThemeMeasureWindow
          ).__lecternMeasureTheme(s, k, helpers);
          const { htmlParts } = (window as unknown as HtmlMeasureWindow).__lecternMeasureHtml(helpers);
          // The blocks markdown writes; any other is raw HTML, measured part by part.
          const markdownBlock = (e: Element) =>
            /^(P|H\d|UL|OL|TABLE|PRE|MARP-PRE|BLOCKQUOTE)$/.test(e.tagName);
          const codeInsets = (e: Element) => {
            const code = e.querySelector('code') ?? e;
            const padding = (x: Element, side: string) =>
              parseFloat(getComputedStyle(x).getPropertyValue(`padding-${side}`)) || 0;
            const pad = ['top', 'right', 'bottom', 'left'].map(
              (side) => (padding(e, side) + (code === e ? 0 : padding(code, side))) * k,
            );
            // The code's text in the colours it shows (a highlighter's spans), same colours joined.
            const colours: { text: string; color: string }[] = [];
            const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              const color = rgba(getComputedStyle(n.parentElement ?? code).color).hex;
              const last = colours.at(-1);
              if (last?.color === color) last.text += n.nodeValue ?? '';
              else colours.push({ text: n.nodeValue ?? '', color });
            }
            // A theme may paint the `code` rather than the `pre` (Uncover: a centred box in a
            // full-width block): the block is then the box that is painted, padded by the code alone.
            const painter = !deco(e) && code !== e ? deco(code) : undefined;
            const painted = painter
              ? {
                  ...box(code),
                  deco: painter,
                  pad: ['top', 'right', 'bottom', 'left'].map((side) => padding(code, side) * k),
                }
              : { pad };
            return {
              ...painted,
              codeColor: look(code).color,
              codeLineHeightPx: look(code).lineHeightPx,
              codeRuns: colours,
            };
          };
          const blocks = [...s.children]
            .filter((e) => !['HEADER', 'FOOTER', 'STYLE', 'SCRIPT'].includes(e.tagName))
            .map((e) => ({
              ...look(e),
              ...(e.tagName === 'UL' || e.tagName === 'OL'
                ? {
                    items: items(e).map((it, n) => {
                      const w = markerWidth([...e.children].filter((x) => x.tagName === 'LI')[n]!, n + 1);
                      return w ? { ...it, markerW: w } : it;
                    }),
                  }
                : {}),
              // A theme with `@auto-scaling` (Marp's own) renders a code fence as <marp-pre>, a
              // <pre> that shrinks its code to fit: it is the same block to the PPTX.
              tag: e.tagName === 'MARP-PRE' ? 'PRE' : e.tagName,
              // A diagram (a ```mermaid fence's drawing, engine/diagram-fence.ts) is a picture too.
              onlyPictures:
                (e.tagName === 'P' &&
                  e.querySelector('img') !== null &&
                  (e.textContent ?? '').trim() === '') ||
                e.matches('p.lectern-diagram'),
              ...box(e),
              // The size the text is drawn at: a cell's, an item's or the code's, as the theme sets
              // it. A heading's or paragraph's own: the `code` inside a paragraph is smaller than it.
              fontPx: ((x: Element) => parseFloat(getComputedStyle(x).fontSize) * fitScale(x) * k)(
                /^(H\d|P)$/.test(e.tagName) ? e : (e.querySelector('td, li, code') ?? e),
              ),
              after: after(e, box(e)),
              ...((e.tagName === 'P' && !e.matches('p.lectern-diagram')) || /^H\d$/.test(e.tagName)
                ? { textBox: rangeBox(e), runs: runs(e) }
                : {}),
              ...(deco(e) ? { deco: deco(e) } : {}),
              // A code block's insets (top, right, bottom, left): the `pre`'s padding and its
              // `code`'s (Gaia pads the code); and its code's colour (a theme may colour `pre
              // code`, not the `pre`).
              ...(e.tagName === 'PRE' || e.tagName === 'MARP-PRE' ? codeInsets(e) : {}),
              ...(before(e, box(e)) ? { before: before(e, box(e)) } : {}),
              ...(e.tagName === 'BLOCKQUOTE'
                ? {
                    paras: [...e.children]
                      .filter((x) => x.tagName === 'P')
                      .map((x) => {
                        const shown = wrappedLines(x);
                        return { ...box(x), ...look(x), runs: runs(x), ...(shown ? { shown } : {}) };
                      }),
                  }
                : {}),
              ...(markdownBlock(e) ? {} : { parts: htmlParts(e) }),
              ...(e.tagName === 'TABLE'
                ? {
                    cols: [...(e.querySelector('tr')?.children ?? [])].map((c) => box(c).w),
                    rows: [...e.querySelectorAll('tr')].map((r) => box(r).h),
                    cells: cells(e),
                    // Each cell's text as the browser breaks it ('' for one line): a theme may
                    // balance a cell's lines (lectern's does), and PowerPoint wraps greedily.
                    cellLines: [...e.querySelectorAll('tr')].map((tr) =>
                      [...tr.children].map((c) => wrappedLines(c) ?? ''),
                    ),
                  }
                : {}),
            }));
          // The section's own look, for themes other than lectern's (their colours, not the exporter's).
          const sectionLook = getComputedStyle(s);
          // A slide with `![bg]` pictures paints its colour on the section behind the pictures
          // (Marp's advanced backgrounds), the content section over them is transparent.
          const behind = sections.find(
            (x) => x.getAttribute('data-marpit-advanced-background') === 'background',
          );
          const own = rgba(sectionLook.backgroundColor);
          // With `![bg]` pictures, Marp draws the section's pseudo-elements on a section of their own.
          const pseudo =
            sections.find((x) => x.getAttribute('data-marpit-advanced-background') === 'pseudo') ?? s;
          return {
            blocks,
            // The markdown's pictures: a block of raw HTML draws its own (htmlParts).
            pictures: [...s.querySelectorAll('img, p.lectern-diagram > svg')]
              .filter((p) => {
                let top: Element = p;
                while (top.parentElement && top.parentElement !== s) top = top.parentElement;
                return markdownBlock(top);
              })
              .map(box),
            background: own.a < 0.5 && behind ? rgba(getComputedStyle(behind).backgroundColor) : own,
            marpChrome: [
              ...[...s.children]
                .filter((e) => ['HEADER', 'FOOTER'].includes(e.tagName) && (e.textContent ?? '').trim())
                .map((e) => {
                  // Where its text is, inside the theme's padding: one line centred on its glyphs.
                  const l = look(e);
                  const t = rangeBox(e) ?? box(e);
                  return { ...l, x: t.x, w: t.w, y: t.y + t.h / 2 - l.lineHeightPx / 2, h: l.lineHeightPx };
                }),
              ...[pagination(pseudo)].filter((p) => p !== undefined),
            ],
            ...(themeBackdrops
              ? {
                  marks: marks(pseudo),
                  paint: ((painter: Element) => {
                    const cs = getComputedStyle(painter);
                    return {
                      x: 0,
                      y: 0,
                      w: width,
                      h: origin.height * k,
                      image: cs.backgroundImage,
                      positionX: cs.backgroundPositionX,
                      positionY: cs.backgroundPositionY,
                      size: cs.backgroundSize,
                      repeat: cs.backgroundRepeat,
                      cssW: painter.clientWidth,
                      cssH: painter.clientHeight,
                    };
                  })(
                    // The section that paints the slide's background (with `![bg]`, Marp's own layer).
                    sections.find((x) => getComputedStyle(x).backgroundImage !== 'none') ?? s,
                  ),
                }
              : {}),
            ink: rgba(sectionLook.color).hex,
          };
        }),
      1280,
      themeBackdrops,
    )
    .catch((err: unknown) => {
      throw browserFailed(
        `the browser could not measure the slides for the editable PPTX: ${String(err)}`,
        err,
      );
    });
  // Formulas and baked backgrounds, pictured alone; the faces text and code are drawn in, when
  // they are installed ones rather than web fonts.
  // What DrawingML cannot draw of the theme's painting (a picture on the section, a soft
  // gradient on a mark) is baked into the slide's background, and the rest with it.
  const baked = slides.map(
    (m) =>
      'paint' in m &&
      (!sectionLayers(m.paint) || (m.marks ?? []).some((mark: SectionMark) => !markShapes(mark))),
  );
  const parts = await pictureParts(page, 1280, baked).catch((err: unknown) => {
    throw browserFailed(
      `the browser could not picture the slides' formulas and backgrounds: ${String(err)}`,
      err,
    );
  });
  const faces = await shownFaces(page);
  return slides.map((m, i) => ({ ...m, ...parts[i], ...(faces.text || faces.code ? { faces } : {}) }));
}
