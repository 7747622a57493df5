import type { SlideBoxes } from './block-box-types.js';
import { markShapes } from './mark-shapes.js';
import { drawDeco } from './pptx-measured-cards.js';
import { fillsSlide } from './pptx-background.js';
import { DECORATIVE_PICTURE } from './pptx-decorative.js';
import { pptxImageData } from './image-size.js';
import { PX, type Pptx, type Slide } from './pptx-layouts.js';
import { sectionLayers } from './section-paint.js';

// What the theme paints on the section, under the slide's blocks and in CSS's order: the
// pictures of its background (a logo: section-paint.ts reads them), then its `::before` and
// `::after` marks as editable shapes (mark-shapes.ts). Its gradient is the slide's background
// (slide-gradient.ts).

/** The section's pictures and marks: none when the slide's whole background is baked, these with it. */
export function drawThemePaint(pptx: Pptx, slide: Slide, m: SlideBoxes | undefined): void {
  if (!m || fillsSlide(m.backdrop)) return;
  for (const p of sectionLayers(m.paint)?.pictures ?? []) {
    const data = pptxImageData(p.src);
    // The theme's own art, not the slide's content: decorative for a screen reader.
    if (data)
      slide.addImage({
        data,
        x: p.x * PX,
        y: p.y * PX,
        w: p.w * PX,
        h: p.h * PX,
        objectName: DECORATIVE_PICTURE,
      });
  }
  for (const mark of m.marks ?? []) for (const s of markShapes(mark) ?? []) drawDeco(pptx, slide, s, s.deco);
}
