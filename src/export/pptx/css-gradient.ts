import valueParser, { type Node } from 'postcss-value-parser';
import type { PxBox } from './block-box-types.js';
import { colourOf, hex } from '../../core/colour.js';

// A computed `background-image` read as its layers, for what DrawingML can draw of it: a
// `linear-gradient` at any angle, its stops in Chromium's computed colours (`rgb()`, `rgba()`,
// and `color(srgb …)` for a `color-mix()`), each stop placed along the gradient line as CSS
// places it. Pictures (`url()`), radial and repeating gradients are not drawn: the slide's
// background is baked instead (part-pictures.ts).

/** A colour stop where it stands along the gradient line, in px from the line's start. */
export interface GradientStop {
  hex: string;
  a: number;
  at: number;
}

/** A linear gradient: its CSS angle (0deg up, clockwise), its line's length in px, its stops. */
export interface LinearGradient {
  angle: number;
  length: number;
  stops: GradientStop[];
}

/** The gradients of a background, top layer first; undefined when a layer is anything else. */
export function linearGradients(image: string, box: PxBox): LinearGradient[] | undefined {
  const layers = splitArgs(valueParser(image).nodes);
  const out: LinearGradient[] = [];
  for (const layer of layers) {
    if (layer.length === 1 && layer[0]!.type === 'word' && layer[0]!.value === 'none') continue;
    const fn = layer[0];
    if (layer.length !== 1 || fn?.type !== 'function' || fn.value !== 'linear-gradient') return undefined;
    const g = linear(splitArgs(fn.nodes), box);
    if (!g) return undefined;
    out.push(g);
  }
  return out;
}

function linear(args: Node[][], box: PxBox): LinearGradient | undefined {
  const angle = direction(args[0] ?? [], box);
  if (angle === null) return undefined;
  const deg = angle ?? 180;
  const rad = (deg * Math.PI) / 180;
  // CSS's gradient line: through the centre, long enough that the corners take the end colours.
  const length = Math.abs(box.w * Math.sin(rad)) + Math.abs(box.h * Math.cos(rad));
  const parsed = (angle === undefined ? args : args.slice(1)).map((a) => stop(a, length));
  if (parsed.length < 2 || parsed.some((s) => !s)) return undefined;
  const stops = parsed as (Omit<GradientStop, 'at'> & { at?: number })[];
  stops[0]!.at ??= 0;
  stops[stops.length - 1]!.at ??= length;
  // A stop before an earlier one stands where the earlier one does; one with no position
  // stands evenly between its neighbours that have one.
  for (let i = 1; i < stops.length; i++) {
    const s = stops[i]!;
    if (s.at === undefined) {
      const next = stops.findIndex((x, j) => j > i && x.at !== undefined);
      const from = stops[i - 1]!.at!;
      s.at = from + (stops[next]!.at! - from) / (next - i + 1);
    }
    s.at = Math.max(s.at, stops[i - 1]!.at!);
  }
  return { angle: deg, length, stops: stops as GradientStop[] };
}

/** A direction argument as a CSS angle; undefined when the first argument is a stop; null when unreadable. */
function direction(arg: Node[], box: PxBox): number | undefined | null {
  const words = arg.map((n) => n.value.toLowerCase());
  if (words[0] === 'to') {
    const sides = new Set(words.slice(1));
    const x = sides.has('right') ? 1 : sides.has('left') ? -1 : 0;
    const y = sides.has('bottom') ? 1 : sides.has('top') ? -1 : 0;
    if (sides.size !== Math.abs(x) + Math.abs(y) || sides.size === 0) return null;
    // A corner: the line is perpendicular to the diagonal between the two other corners.
    if (x && y) return ((Math.atan2(x * box.h, -y * box.w) * 180) / Math.PI + 360) % 360;
    return x === 1 ? 90 : x === -1 ? 270 : y === 1 ? 180 : 0;
  }
  const unit = arg.length === 1 && arg[0]!.type === 'word' ? valueParser.unit(arg[0]!.value) : false;
  if (!unit || !['deg', 'turn', 'rad', 'grad'].includes(unit.unit)) return undefined;
  const n = Number(unit.number);
  const deg =
    unit.unit === 'turn'
      ? n * 360
      : unit.unit === 'rad'
        ? (n * 180) / Math.PI
        : unit.unit === 'grad'
          ? n * 0.9
          : n;
  return ((deg % 360) + 360) % 360;
}

/** A colour stop and at most one position (Chromium writes a double position as two stops). */
function stop(arg: Node[], length: number): (Omit<GradientStop, 'at'> & { at?: number }) | undefined {
  const [colour, position, ...rest] = arg;
  const c = colour && computedColour(colour);
  if (rest.length || !c) return undefined;
  if (!position) return c;
  const at = position.type === 'word' ? valueParser.unit(position.value) : false;
  if (!at || !['px', '%'].includes(at.unit)) return undefined;
  return { ...c, at: at.unit === '%' ? (Number(at.number) / 100) * length : Number(at.number) };
}

/** `rgb(r, g, b)`, `rgba(r, g, b, a)` or `color(srgb r g b / a)`, as Chromium computes colours. */
function computedColour(n: Node): { hex: string; a: number } | undefined {
  if (n.type !== 'function') return undefined;
  const words = n.nodes.filter((x) => x.type === 'word').map((x) => x.value);
  const space = n.value === 'color' ? (words.shift() ?? '') : '';
  const numbers = words.map(Number);
  const c = numbers.some((v) => Number.isNaN(v)) ? undefined : colourOf(n.value, space, numbers);
  return c && { hex: hex(c).slice(1).toUpperCase(), a: c.a };
}

/** A function's or a value's arguments, split at its top-level commas, spaces left out. */
export function splitArgs(nodes: Node[]): Node[][] {
  const args: Node[][] = [[]];
  for (const n of nodes) {
    if (n.type === 'div' && n.value === ',') args.push([]);
    else if (n.type !== 'space') args.at(-1)!.push(n);
  }
  return args;
}
