import type { Page } from 'puppeteer-core';
import { browserFailed } from '../browser/browser.js';
import { measureHelpers, type MeasureWindow } from './block-measure-helpers.js';

import type { SlideBoxes } from './block-box-types.js';

export type {
  PxBox,
  TextLook,
  TextRun,
  Deco,
  BeforeBox,
  AfterBar,
  MeasuredBlock,
  SlideBoxes,
} from './block-box-types.js';

/**
 * Every slide's blocks, measured in a window that shows the slides document: the slides print
 * measures them in its own window before it prints, so the PPTX need not wait for the print.
 */
export async function measureSlides(page: Page): Promise<SlideBoxes[]> {
  await page.evaluate(`window.__lecternMeasure = ${measureHelpers.toString()}`).catch((err: unknown) => {
    throw browserFailed(
      `the browser could not measure the slides for the editable PPTX: ${String(err)}`,
      err,
    );
  });
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
          if (!s) return { blocks: [], pictures: [], background: { hex: 'FFFFFF', a: 1 }, ink: '000000' };
          // The slide's SVG is the frame: a split background narrows the content section itself.
          const origin = svg.getBoundingClientRect();
          const k = width / origin.width;
          const { box, look, after, rgba, deco, rangeBox, runs, before, items, wrappedLines } = (
            window as unknown as MeasureWindow
          ).__lecternMeasure(s, origin, k);
          const blocks = [...s.children]
            .filter((e) => !['HEADER', 'FOOTER', 'STYLE', 'SCRIPT'].includes(e.tagName))
            .map((e) => ({
              ...look(e),
              ...(e.tagName === 'UL' || e.tagName === 'OL' ? { items: items(e) } : {}),
              tag: e.tagName,
              // A diagram (a ```mermaid fence's drawing, engine/diagram-fence.ts) is a picture too.
              onlyPictures:
                (e.tagName === 'P' &&
                  e.querySelector('img') !== null &&
                  (e.textContent ?? '').trim() === '') ||
                e.matches('p.lectern-diagram'),
              ...box(e),
              // The size the text is drawn at: a cell's, an item's or the code's, as the theme sets it.
              fontPx:
                parseFloat(
                  getComputedStyle(/^H\d$/.test(e.tagName) ? e : (e.querySelector('td, li, code') ?? e))
                    .fontSize,
                ) * k,
              after: after(e, box(e)),
              ...((e.tagName === 'P' && !e.matches('p.lectern-diagram')) || /^H\d$/.test(e.tagName)
                ? { textBox: rangeBox(e), runs: runs(e) }
                : {}),
              ...(deco(e) ? { deco: deco(e) } : {}),
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
              ...(e.tagName === 'TABLE'
                ? {
                    cols: [...(e.querySelector('tr')?.children ?? [])].map((c) => box(c).w),
                    rows: [...e.querySelectorAll('tr')].map((r) => box(r).h),
                  }
                : {}),
            }));
          // The section's own look, for themes other than lectern's (their colours, not the exporter's).
          const sectionLook = getComputedStyle(s);
          return {
            blocks,
            pictures: [...s.querySelectorAll('img, p.lectern-diagram > svg')].map(box),
            background: rgba(sectionLook.backgroundColor),
            ink: rgba(sectionLook.color).hex,
          };
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
