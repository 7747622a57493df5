import { createRequire } from 'node:module';
import type * as CssTree from 'css-tree';

// Colours as the browser computes them (rgb(), rgba(), color(srgb …), transparent), read with
// css-tree, and WCAG 2.1's contrast ratio between two of them.

// css-tree's parser loads its whole grammar (some 80 ms): only when a colour that is not a plain
// #hex is read (the check's computed colours), not for a template's scheme on every build.
const require = createRequire(import.meta.url);
let loaded: typeof CssTree | undefined;
const cssTree = (): typeof CssTree => (loaded ??= require('css-tree') as typeof CssTree);

/** sRGB channels 0-255 and alpha 0-1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** The numbers of a colour function's arguments (a percentage as a fraction of 1, `none` as 0). */
function numbers(fn: CssTree.FunctionNode): number[] {
  const out: number[] = [];
  fn.children.forEach((c) => {
    if (c.type === 'Number') out.push(Number(c.value));
    else if (c.type === 'Percentage') out.push(Number(c.value) / 100);
    else if (c.type === 'Identifier' && c.name === 'none') out.push(0);
  });
  return out;
}

/**
 * A computed colour function from its name, its colour space (`color(srgb …)`'s) and its
 * numbers, however they were parsed (css-tree here; postcss-value-parser where a gradient's
 * stops are read on every build, without css-tree's grammar: pptx/css-gradient.ts).
 */
export function colourOf(name: string, space: string, n: number[]): Rgba | undefined {
  if ((name === 'rgb' || name === 'rgba') && n.length >= 3) {
    // The browser computes rgb() with channels 0-255.
    return { r: n[0]!, g: n[1]!, b: n[2]!, a: n[3] ?? 1 };
  }
  if (name === 'color' && space === 'srgb' && n.length >= 3)
    return { r: n[0]! * 255, g: n[1]! * 255, b: n[2]! * 255, a: n[3] ?? 1 };
  return undefined;
}

function fromFunction(fn: CssTree.FunctionNode): Rgba | undefined {
  let space = '';
  fn.children.forEach((c) => {
    if (!space && c.type === 'Identifier') space = c.name.toLowerCase();
  });
  return colourOf(fn.name.toLowerCase(), space, numbers(fn));
}

/** #rgb, #rrggbb (and their alpha forms), as deck.md's brand colours are written. */
function fromHex(digits: string): Rgba | undefined {
  const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) return undefined;
  const at = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return { r: at(0), g: at(2), b: at(4), a: full.length === 8 ? at(6) / 255 : 1 };
}

/** One computed colour; undefined for one this reader does not know (oklch, lab …). */
export function parseColour(css: string): Rgba | undefined {
  const value = css.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  // A plain hex colour needs no parser (a hash is one token: nothing else can follow it).
  if (/^#[0-9a-f]+$/.test(value)) return fromHex(value.slice(1));
  const { parse, walk } = cssTree();
  const ast = parse(value, { context: 'value' });
  let found: Rgba | undefined;
  walk(ast, (node) => {
    if (found) return;
    if (node.type === 'Function') found = fromFunction(node);
    else if (node.type === 'Hash') found = fromHex(node.value);
  });
  return found;
}

/**
 * What a background image holds: whether it has a picture (url()), and the colours of its
 * gradients' stops (undefined for a stop this reader does not know).
 */
export function imageLayers(css: string): { picture: boolean; stops: (Rgba | undefined)[] } {
  const out = { picture: false, stops: [] as (Rgba | undefined)[] };
  if (css.trim() === 'none') return out;
  const { parse, walk } = cssTree();
  walk(parse(css, { context: 'value' }), (node) => {
    if (node.type === 'Url') out.picture = true;
    else if (node.type === 'Function' && /gradient$/i.test(node.name)) {
      node.children.forEach((c) => {
        if (c.type === 'Function') out.stops.push(fromFunction(c));
        else if (c.type === 'Identifier' && c.name === 'transparent')
          out.stops.push({ r: 0, g: 0, b: 0, a: 0 });
      });
    }
  });
  return out;
}

/** `top` drawn over the opaque `below`. */
export function over(top: Rgba, below: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, below.r), g: mix(top.g, below.g), b: mix(top.b, below.b), a: 1 };
}

const luminance = ({ r, g, b }: Rgba) => {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG 2.1's contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** #rrggbb of an opaque colour, for messages. */
export function hex({ r, g, b }: Rgba): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Whether two colours are the same to the eye (each channel within 1 of the other, both opaque). */
export const sameColour = (x: Rgba, y: Rgba) =>
  Math.abs(x.r - y.r) <= 1 && Math.abs(x.g - y.g) <= 1 && Math.abs(x.b - y.b) <= 1;
