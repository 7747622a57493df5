import { DECORATIVE_PICTURE } from './pptx-decorative.js';
import { coverSize, imageSize } from './image-size.js';
import { PX, W, type Slide } from './pptx-layouts.js';
import type { PxBox } from './block-box-types.js';

/** A `![bg]` picture: its data (a PNG for an SVG), the source for its size, its share and side. */
export interface SlideBackground {
  data: string;
  /** The picture as written, whose header gives its natural size. */
  natural: string;
  /** The markdown's alt text; '' for none: the picture is marked decorative (pptx-decorative.ts). */
  alt: string;
  share: number;
  side?: 'left' | 'right';
  fit?: string;
  /** `![bg 40%]`: as wide as this share of its part, centred (CSS background-size in percent). */
  scale?: number;
}

/**
 * A background picture in its part of the slide, as Marp draws it: `contain` shows it whole,
 * `auto` at its own size and `40%` at that share of its part's width, each centred; otherwise
 * it covers its part, cropped from the middle.
 */
export function addBackground(slide: Slide, bg: SlideBackground, H: number): void {
  const m = /^data:([^;]+);base64,(.*)$/s.exec(bg.data);
  if (!m) return;
  const data = `${m[1]};base64,${m[2]}`;
  const named = bg.alt ? { altText: bg.alt } : { objectName: DECORATIVE_PICTURE };
  const w = W * bg.share;
  const x = bg.side === 'right' ? W - w : 0;
  const n = imageSize(bg.natural);
  // The picture's own size (`auto`, in CSS pixels), a share of its part's width, or the largest that fits.
  const k = !n
    ? undefined
    : bg.scale
      ? (w * bg.scale) / n.width
      : bg.fit === 'auto'
        ? PX
        : bg.fit === 'contain'
          ? Math.min(w / n.width, H / n.height)
          : undefined;
  if (n && k) {
    slide.addImage({
      data,
      x: x + (w - n.width * k) / 2,
      y: (H - n.height * k) / 2,
      w: n.width * k,
      h: n.height * k,
      ...named,
    });
  } else {
    // pptxgenjs crops `cover` from the picture's own proportions, given as w and h.
    slide.addImage({ data, x, y: 0, ...coverSize(n, w, H), sizing: { type: 'cover', w, h: H }, ...named });
  }
}

/**
 * The slide's background: the browser's picture of its background layer where it baked one
 * (filters, several pictures: part-pictures.ts), else its `![bg]` picture as Marp places it.
 */
export function drawBackground(
  slide: Slide,
  bg: SlideBackground | undefined,
  backdrop: (PxBox & { png: string }) | undefined,
  H: number,
): void {
  if (!backdrop) {
    if (bg) addBackground(slide, bg, H);
    return;
  }
  const m = /^data:([^;]+);base64,(.*)$/s.exec(backdrop.png);
  if (!m) return;
  slide.addImage({
    data: `${m[1]};base64,${m[2]}`,
    x: backdrop.x * PX,
    y: backdrop.y * PX,
    w: backdrop.w * PX,
    h: backdrop.h * PX,
    ...(bg?.alt ? { altText: bg.alt } : { objectName: DECORATIVE_PICTURE }),
  });
}
