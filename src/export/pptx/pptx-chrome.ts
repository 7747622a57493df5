import type { SlideInfo } from '../../compose/compose-deck.js';
import { PX } from './measured-text.js';
import { FONT, W, cssScale, type Colours, type Slide } from './pptx-layouts.js';

// What every content slide carries around its content, placed as the theme places it
// (themes/corporate.css `header`, `footer` and `section::after`), in CSS pixels.
const SIDE = 80;
const LINE = 30; // 20 px text at line-height 1.5
const PILL = { right: 40, bottom: 18, w: 68, h: 34 };

/**
 * The chapter header and the page number. The number is a slide-number field, so numbers
 * follow when a colleague reorders slides; finishPptx gives it the theme's pill.
 */
export function slideChrome(slide: Slide, info: SlideInfo, c: Colours, H: number): void {
  // CSS pixels of the slide to the 1280-wide units of PX (a 4:3 slide is 960 CSS pixels wide).
  const u = cssScale(H) * PX;
  slide.slideNumber = {
    x: W - (PILL.right + PILL.w) * u,
    y: H - (PILL.bottom + PILL.h) * u,
    w: PILL.w * u,
    h: PILL.h * u,
    fontFace: FONT,
    fontSize: 15 * cssScale(H),
    color: 'FFFFFF',
    bold: true,
    align: 'center',
    valign: 'middle',
    margin: 0,
  };
  // The header the slide shows: lectern's chapter header, or the deck's own.
  if (!info.chapter || !info.header) return;
  slide.addText(info.header, {
    x: SIDE * u,
    y: 26 * u,
    w: W - (SIDE + 160) * u,
    h: LINE * u,
    margin: 0,
    valign: 'top',
    fontFace: FONT,
    fontSize: 15 * cssScale(H),
    lineSpacing: LINE * 0.75 * cssScale(H),
    charSpacing: 0.6 * cssScale(H),
    bold: true,
    color: c.primary,
  });
}
