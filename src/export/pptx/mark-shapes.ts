import type { Deco, PxBox, SectionMark } from './block-box-types.js';
import { linearGradients } from './css-gradient.js';

// What a theme paints with the section's `::before` and `::after` (lectern's brand bar, the
// page number's pill, Uncover's corner): editable shapes under the slide's blocks, where
// DrawingML can draw them exactly. A box in one colour, with its borders and radius, is a
// shape; a gradient of hard stops across or down the box (`linear-gradient(90deg, navy 0 78%,
// orange 78%)`) is a band per colour. Anything else (a soft gradient, a picture) is baked into
// the slide's background picture instead (part-pictures.ts), as the browser paints it.
// theme-paint.ts draws the shapes.

/** A shape a mark is drawn as: its box and paint. */
export interface MarkShape extends PxBox {
  deco: Deco;
}

const flat = (bg: string): Deco => ({
  bg,
  border: [0, 0, 0, 0].map(() => ({ w: 0, color: '000000' })),
  radius: [0, 0, 0, 0],
});

/** The shapes a mark is drawn as, or undefined when DrawingML cannot draw it exactly. */
export function markShapes(mark: SectionMark): MarkShape[] | undefined {
  const { image, deco, ...box } = mark;
  if (!(box.w > 0 && box.h > 0)) return [];
  const shape = deco ? [{ ...box, deco }] : [];
  const bands = hardBands(image, box);
  // A box painted both with a colour or border and with bands: the bands lie over its colour.
  return bands && [...shape, ...bands.map((b) => ({ ...b, deco: flat(b.color) }))];
}

/**
 * The bands of a background of hard-stop gradients across (90deg) or down (180deg) its box: a
 * band per stretch of one colour. Undefined for a soft blend or another angle.
 */
function hardBands(image: string, box: PxBox): (PxBox & { color: string })[] | undefined {
  const gradients = linearGradients(image, box);
  if (!gradients || gradients.length > 1) return undefined;
  const g = gradients[0];
  if (!g) return [];
  const across = Math.abs(g.angle - 90) < 0.01;
  if (!across && Math.abs(g.angle - 180) > 0.01) return undefined;
  const band = (from: number, to: number, color: string) =>
    across
      ? { x: box.x + from, y: box.y, w: to - from, h: box.h, color }
      : { x: box.x, y: box.y + from, w: box.w, h: to - from, color };
  const { stops, length } = g;
  // The colour before the first stop and after the last fill the rest of the box.
  const edges = [{ ...stops[0]!, at: 0 }, ...stops, { ...stops.at(-1)!, at: length }];
  const bands: (PxBox & { color: string })[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    const from = Math.min(length, Math.max(0, a.at));
    const to = Math.min(length, Math.max(from, b.at));
    if (to - from < 0.01) continue;
    // A stretch between two colours blends them: not a band.
    if (a.hex !== b.hex || Math.abs(a.a - b.a) > 0.01) return undefined;
    if (a.a >= 0.05) bands.push(band(from, to, a.hex));
  }
  return bands;
}
