import valueParser, { type Node } from 'postcss-value-parser';
import type { PxBox, SectionPaint } from './block-box-types.js';
import { linearGradients, splitArgs, type LinearGradient } from './css-gradient.js';
import { imageSize } from './image-size.js';

// What a theme paints on the section itself, read from its computed background: a linear
// gradient under everything (the slide's gradient background, slide-gradient.ts), and
// pictures placed once each (`no-repeat`: lectern's logo, `right 40px top 24px`, `auto 40px`)
// at the box CSS gives them. Anything else (a tiled picture, a gradient over a picture, a
// picture PowerPoint cannot show) leaves the slide's background to be baked (part-pictures.ts).

/** A picture the section paints, at its box in the slide's px. */
export interface SectionPicture extends PxBox {
  src: string;
}

export interface SectionLayers {
  gradient?: LinearGradient;
  /** Bottom first, as they are painted. */
  pictures: SectionPicture[];
}

/** PowerPoint shows these as they are. */
const PICTURES = /^data:image\/(png|jpeg|gif);base64,/;

/** The section's painting as the PPTX draws it; undefined when it cannot be drawn exactly. */
export function sectionLayers(paint: SectionPaint | undefined): SectionLayers | undefined {
  if (!paint || paint.image === 'none') return { pictures: [] };
  const area = { x: 0, y: 0, w: paint.cssW, h: paint.cssH };
  const images = splitArgs(valueParser(paint.image).nodes);
  const list = (v: string) => splitArgs(valueParser(v).nodes);
  const [xs, ys, sizes, repeats] = [paint.positionX, paint.positionY, paint.size, paint.repeat].map(list);
  // CSS repeats a shorter list of positions or sizes over the layers.
  const nth = <T>(l: T[], i: number) => l[i % l.length]!;
  const k = paint.w / paint.cssW;
  const out: SectionLayers = { pictures: [] };
  // Painted bottom layer first: CSS lists the top layer first.
  for (let i = images.length - 1; i >= 0; i--) {
    const layer = images[i]!;
    const only = layer.length === 1 ? layer[0]! : undefined;
    if (only?.type === 'word' && only.value === 'none') continue;
    if (only?.type === 'function' && only.value === 'linear-gradient') {
      const g = linearGradients(valueParser.stringify(only), area)?.[0];
      // A gradient over a picture, or one not covering the section, is not the slide's background.
      if (!g || out.pictures.length || out.gradient || !covers(nth(sizes!, i), nth(xs!, i), nth(ys!, i)))
        return undefined;
      out.gradient = g;
      continue;
    }
    const src = only?.type === 'function' && only.value === 'url' ? urlOf(only) : undefined;
    const natural = src && PICTURES.test(src) ? imageSize(src) : undefined;
    if (!src || !natural || valueParser.stringify(nth(repeats!, i)) !== 'no-repeat') return undefined;
    const size = pictureSize(nth(sizes!, i), natural, area);
    const x = offset(nth(xs!, i), area.w - size.w);
    const y = offset(nth(ys!, i), area.h - size.h);
    if (!size || x === undefined || y === undefined) return undefined;
    out.pictures.push({ src, x: x * k, y: y * k, w: size.w * k, h: size.h * k });
  }
  return out;
}

/** A `url()`'s address, quoted or not. */
function urlOf(fn: Node & { type: 'function' }): string | undefined {
  const arg = fn.nodes[0];
  return arg && (arg.type === 'string' || arg.type === 'word') ? arg.value : undefined;
}

/** Whether a layer fills the section from its corner: `auto`, `cover` or 100 %, at 0 0. */
function covers(size: Node[], x: Node[], y: Node[]): boolean {
  const words = size.map((n) => n.value);
  const full = words.every((w) => ['auto', 'cover', '100%'].includes(w));
  return full && offset(x, 0) === 0 && offset(y, 0) === 0;
}

/** A `background-size` for a picture of this natural size in the area. */
function pictureSize(
  size: Node[],
  natural: { width: number; height: number },
  area: PxBox,
): { w: number; h: number } {
  const [a, b] = size.map((n) => n.value);
  const ratio = natural.width / natural.height;
  if (a === 'cover' || a === 'contain') {
    const s = (a === 'cover' ? Math.max : Math.min)(area.w / natural.width, area.h / natural.height);
    return { w: natural.width * s, h: natural.height * s };
  }
  const length = (v: string | undefined, of: number) => {
    const u = v && v !== 'auto' ? valueParser.unit(v) : false;
    return u ? (u.unit === '%' ? (Number(u.number) / 100) * of : Number(u.number)) : undefined;
  };
  const w = length(a, area.w);
  const h = length(b, area.h);
  if (w !== undefined && h !== undefined) return { w, h };
  if (w !== undefined) return { w, h: w / ratio };
  if (h !== undefined) return { w: h * ratio, h };
  return { w: natural.width, h: natural.height };
}

/**
 * A computed `background-position-x` or `-y` (`24px`, `50%`, `calc(100% - 40px)`) as the
 * offset it gives a picture with this much room to spare; undefined for anything else.
 */
function offset(v: Node[], room: number): number | undefined {
  const term = (n: Node | undefined): { pct: number; px: number } | undefined => {
    const u = n?.type === 'word' ? valueParser.unit(n.value) : false;
    if (u && u.unit === '%') return { pct: Number(u.number), px: 0 };
    if (u && u.unit === 'px') return { pct: 0, px: Number(u.number) };
    return undefined;
  };
  const one = v.length === 1 ? v[0] : undefined;
  if (one?.type === 'function' && one.value === 'calc') {
    const parts = one.nodes.filter((n) => n.type !== 'space');
    let total = term(parts[0]);
    for (let i = 1; total && i + 1 < parts.length; i += 2) {
      const sign = parts[i]!.value === '-' ? -1 : parts[i]!.value === '+' ? 1 : 0;
      const t = term(parts[i + 1]);
      if (!sign || !t) return undefined;
      total = { pct: total.pct + sign * t.pct, px: total.px + sign * t.px };
    }
    return total && (total.pct / 100) * room + total.px;
  }
  const t = term(one);
  return t && (t.pct / 100) * room + t.px;
}
