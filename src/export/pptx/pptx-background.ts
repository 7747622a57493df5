import { DECORATIVE_PICTURE } from './pptx-decorative.js';
import { coverSize, imageSize, pptxImageData } from './image-size.js';
import { PX, W, type Slide } from './pptx-layouts.js';
import type { PxBox } from './block-box-types.js';
import { OOXML } from '../../core/ooxml-names.js';
import type { XmlDocument as Document } from './xml-tree.js';
import { all, kids, make } from './pptx-xml.js';

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
function addBackground(slide: Slide, bg: SlideBackground, H: number): void {
  const data = pptxImageData(bg.data);
  if (!data) return;
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

/** Whether a box (in the slide's px) is the whole slide: a baked background of everything the theme paints. */
export const fillsSlide = (b: PxBox | undefined): boolean =>
  !!b && Math.abs(b.x) < 1 && Math.abs(b.y) < 1 && Math.abs(b.w - 1280) < 1;

/** The name of a baked layer that fills the slide, until the finishing pass makes it the slide's background. */
export const BACKDROP_NAME = 'Slide Background';

/**
 * The slide's background: the browser's picture of its background layer where it baked one
 * (filters, several pictures, a theme's gradient: part-pictures.ts), else its `![bg]` picture
 * as Marp places it. A baked layer that fills the slide becomes the slide's own background
 * picture (slideBackgroundPicture); one that fills a split's part is a decorative picture there.
 */
export function drawBackground(
  slide: Slide,
  bg: SlideBackground | undefined,
  backdrop: (PxBox & { picture: string }) | undefined,
  H: number,
): void {
  if (!backdrop) {
    if (bg) addBackground(slide, bg, H);
    return;
  }
  const data = pptxImageData(backdrop.picture);
  if (!data) return;
  const box = { x: backdrop.x * PX, y: backdrop.y * PX, w: backdrop.w * PX, h: backdrop.h * PX };
  slide.addImage({
    data,
    ...box,
    ...(fillsSlide(backdrop)
      ? { objectName: BACKDROP_NAME }
      : bg?.alt
        ? { altText: bg.alt }
        : { objectName: DECORATIVE_PICTURE }),
  });
}

/**
 * A baked layer that fills the slide as the slide's background picture (`p:bg`, PowerPoint's
 * Format Background), out of the shape tree: a screen reader reads the title first, and no
 * shape lies under the slide's text. pptxgenjs's own background picture reuses the id of a
 * slide's first hyperlink for it, so the picture is drawn as a shape and moved here.
 */
export function slideBackgroundPicture(doc: Document): void {
  const pic = all(doc, 'p', 'pic').find((p) =>
    all(p, 'p', 'cNvPr').some((n) => n.getAttribute('name') === BACKDROP_NAME),
  );
  const embed = pic && all(pic, 'a', 'blip')[0]?.getAttributeNS(OOXML.r, 'embed');
  const cSld = all(doc, 'p', 'cSld')[0];
  if (!pic || !embed || !cSld) return;
  for (const old of kids(cSld, 'p', 'bg')) cSld.removeChild(old);
  const bg = make(doc, 'p', 'bg');
  const bgPr = make(doc, 'p', 'bgPr');
  const fill = make(doc, 'a', 'blipFill', { dpi: '0', rotWithShape: '1' });
  const blip = make(doc, 'a', 'blip');
  // The slide's root declares the r: prefix (xml-tree.ts writes prefixed names as given).
  blip.setAttribute('r:embed', embed);
  const stretch = make(doc, 'a', 'stretch');
  stretch.appendChild(make(doc, 'a', 'fillRect'));
  fill.appendChild(blip);
  fill.appendChild(stretch);
  bgPr.appendChild(fill);
  bgPr.appendChild(make(doc, 'a', 'effectLst'));
  bg.appendChild(bgPr);
  cSld.insertBefore(bg, cSld.firstChild);
  pic.parentNode!.removeChild(pic);
}
