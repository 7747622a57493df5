import type { ComposedDeck } from '../compose/compose-deck.js';
import { warning, type Problem } from '../core/problem.js';
import type { DrawnText } from '../export/browser/slide-contrast.js';
import {
  WHITE,
  contrast,
  hex,
  imageLayers,
  over,
  parseColour,
  sameColour,
  type Rgba,
} from '../core/colour.js';

// WCAG 2.1 AA's contrast (1.4.3) for the text of the rendered slides: 4.5:1, or 3:1 for large
// text (24 px, or 18.66 px bold). A brand colour of deck.md that the theme draws text in, or
// under text, and that fails there is one finding at its line instead of one a slide.

/** A file's text from its body's first line on, to find a text's line in. */
export interface SourceText {
  shownAs: string;
  body: string;
  bodyLine: number;
}

/** A brand colour deck.md sets: its key, as written, as the browser computes it, and its line. */
export interface BrandColour {
  key: 'primary' | 'accent';
  value: string;
  computed: string;
  file: string;
  line: number;
}

export const isLarge = (size: number, weight: number) => size >= 24 || (size >= 18.66 && weight >= 700);

interface Weighed {
  ratio: number;
  need: number;
  fg: Rgba;
  bg: Rgba;
}

/**
 * The worst contrast of a text against the backgrounds it may stand on; undefined where it
 * cannot be judged: over a picture (a photo's pixels are not read here, so text on a
 * background picture is left alone) or in a colour this reader does not know.
 */
export function weigh(t: DrawnText): Weighed | undefined {
  const translucent: Rgba[] = [];
  let base: Rgba[] | undefined;
  for (const layer of t.layers) {
    // Within one element the image is drawn over the colour.
    const image = imageLayers(layer.image);
    if (image.picture && layer.picture === 'under') return undefined;
    if (image.stops.length) {
      if (image.stops.some((s) => !s)) return undefined;
      base = (image.stops as Rgba[]).map((s) => over(s, WHITE));
      break;
    }
    const colour = parseColour(layer.color);
    if (!colour) return undefined;
    if (colour.a >= 1) {
      base = [colour];
      break;
    }
    if (colour.a > 0) translucent.push(colour);
  }
  const fg = parseColour(t.color);
  if (!fg) return undefined;
  const need = isLarge(t.size, t.weight) ? 3 : 4.5;
  let worst: Weighed | undefined;
  for (const b of base ?? [WHITE]) {
    const bg = translucent.reduceRight((below, top) => over(top, below), b);
    const text = over(fg, bg);
    const ratio = contrast(text, bg);
    if (!worst || ratio < worst.ratio) worst = { ratio, need, fg: text, bg };
  }
  return worst;
}

/** The line of the slide's source where `text` starts, or the slide's own line. */
function lineOf(text: string, file: string, from: number, to: number, sources: SourceText[]): number {
  const source = sources.find((s) => s.shownAs === file);
  const probe = text.replace(/\s+/g, '').slice(0, 6);
  if (!source || !probe) return from;
  const lines = source.body.split('\n');
  const end = Math.min(to, source.bodyLine + lines.length);
  for (let line = from; line < end; line++) {
    const at = lines[line - source.bodyLine];
    if (at !== undefined && at.replace(/\s+/g, '').includes(probe)) return line;
  }
  return from;
}

const ratioText = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}:1`;

export function contrastProblems(
  drawn: DrawnText[],
  composed: ComposedDeck,
  sources: SourceText[],
  brand: BrandColour[],
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const brandHits = new Map<BrandColour, { w: Weighed; slides: Set<number> }>();
  const brandRgb = brand.flatMap((b) => {
    const rgb = parseColour(b.computed);
    return rgb ? [{ b, rgb }] : [];
  });
  for (const t of drawn) {
    const w = weigh(t);
    const slide = composed.slides[t.slide];
    if (!w || w.ratio >= w.need || !slide) continue;
    const cause = brandRgb.find(({ rgb }) => sameColour(rgb, w.fg) || sameColour(rgb, w.bg));
    if (cause) {
      const hit = brandHits.get(cause.b) ?? { w, slides: new Set<number>() };
      if (w.ratio < hit.w.ratio) hit.w = w;
      hit.slides.add(t.slide + 1);
      brandHits.set(cause.b, hit);
      continue;
    }
    const next = composed.slides.find((s, i) => i > t.slide && s.file === slide.file)?.line ?? Infinity;
    const line = slide.generatedFrom ? slide.line : lineOf(t.text, slide.file, slide.line, next, sources);
    const key = `${slide.file}:${line}:${hex(w.fg)}:${hex(w.bg)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      warning(
        'low-contrast',
        { file: slide.file, line, slide: t.slide + 1 },
        `slide ${t.slide + 1}: "${t.text}" is ${ratioText(w.ratio)} against its background (${hex(w.fg)} on ${hex(w.bg)}); text this size needs ${w.need}:1`,
        'darken the text or lighten what is behind it (WCAG 2.1 AA: 4.5:1, or 3:1 for text of 24 px, or 18.66 px bold)',
      ),
    );
  }
  out.push(...brandProblems(brand, drawn, brandHits));
  return out;
}

/**
 * Each brand colour against the slides' own backgrounds (the outermost colour under their
 * text): the primary colours the theme's body-size text (bold words, links, the header), so
 * it needs 4.5:1; the accent its large text, bars and bullets, 3:1. And where measured text in
 * or on the colour itself failed, that text's contrast, with its slides.
 */
function brandProblems(
  brand: BrandColour[],
  drawn: DrawnText[],
  hits: Map<BrandColour, { w: Weighed; slides: Set<number> }>,
): Problem[] {
  const backgrounds = new Map<string, Rgba>();
  for (const t of drawn) {
    const own = parseColour(t.layers[t.layers.length - 1]?.color ?? '');
    if (own && own.a >= 1) backgrounds.set(hex(own), own);
  }
  return brand.flatMap((b) => {
    const rgb = parseColour(b.computed);
    if (!rgb) return [];
    const need = b.key === 'primary' ? 4.5 : 3;
    let worst: Weighed | undefined;
    for (const bg of backgrounds.values()) {
      const ratio = contrast(rgb, bg);
      if (!sameColour(rgb, bg) && (!worst || ratio < worst.ratio)) worst = { ratio, need, fg: rgb, bg };
    }
    const hit = hits.get(b);
    const where = { file: b.file, line: b.line };
    const hint = `choose a darker ${b.key} colour: text in it or on it must keep 4.5:1 against the slide (3:1 for large text)`;
    if (hit) {
      const { w, slides } = hit;
      const shown = [...slides].slice(0, 5).join(', ') + (slides.size > 5 ? ', …' : '');
      return [
        warning(
          'brand-contrast',
          where,
          `brand.${b.key} ${b.value} makes text too faint: ${ratioText(w.ratio)} (${hex(w.fg)} on ${hex(w.bg)}) on slide${slides.size === 1 ? '' : 's'} ${shown}, under ${w.need}:1`,
          hint,
        ),
      ];
    }
    if (worst && worst.ratio < need)
      return [
        warning(
          'brand-contrast',
          where,
          `brand.${b.key} ${b.value} is ${ratioText(worst.ratio)} against the slide background ${hex(worst.bg)}, under ${need}:1`,
          hint,
        ),
      ];
    return [];
  });
}
