import type { SlideInfo } from '../../compose/compose-deck.js';
import { PX } from './measured-text.js';
import { FONT, type Colours, type Slide } from './pptx-layouts.js';

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
  slide.slideNumber = {
    x: (1280 - PILL.right - PILL.w) * PX,
    y: H - (PILL.bottom + PILL.h) * PX,
    w: PILL.w * PX,
    h: PILL.h * PX,
    fontFace: FONT,
    fontSize: 15,
    color: 'FFFFFF',
    bold: true,
    align: 'center',
    valign: 'middle',
    margin: 0,
  };
  const ch = info.chapter;
  if (!ch) return;
  slide.addText(`${ch.label} · ${ch.title}`, {
    x: SIDE * PX,
    y: 26 * PX,
    w: (1280 - SIDE - 160) * PX,
    h: LINE * PX,
    margin: 0,
    valign: 'top',
    fontFace: FONT,
    fontSize: 15,
    lineSpacing: LINE * 0.75,
    charSpacing: 0.6,
    bold: true,
    color: c.primary,
  });
}
