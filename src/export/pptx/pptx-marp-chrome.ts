import type { SlideBoxes } from './block-boxes.js';
import { blend, placeText, pt } from './measured-text.js';
import { FONT, PX, type Slide } from './pptx-layouts.js';

// Marp's own header, footer and page number (`header:`, `footer:`, `paginate:`), in any theme,
// lectern's too: each where the theme draws it, in its size and colour, as measured. What the
// theme paints around them (lectern's page-number pill) is a shape under them (theme-paint.ts).

/**
 * The measured header and footer as text frames, and the page number as a slide-number field
 * (it follows when a colleague reorders slides) unless the theme shows more than the number.
 */
export function marpChrome(slide: Slide, measured: SlideBoxes | undefined, page: number, bg: string): void {
  for (const part of measured?.marpChrome ?? []) {
    if (part.text === String(page)) {
      slide.slideNumber = {
        x: (part.x - part.w * 0.5) * PX,
        y: part.y * PX,
        w: part.w * 1.5 * PX,
        h: part.h * PX,
        fontFace: FONT,
        fontSize: pt(part.sizePx),
        color: blend(part.color, part.alpha, bg),
        bold: part.bold,
        align: 'right',
        valign: 'top',
        margin: 0,
      };
    }
    // One line, as the theme sets it: LibreOffice sets digits beside Chinese wider than the
    // browser (第 1 章), and a frame the glyphs' width would wrap its last character.
    else placeText(slide, part, part, part.sizePx, bg, { wrap: false });
  }
}
