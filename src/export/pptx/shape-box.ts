import type { XmlElement } from './xml-tree.js';
import { kids } from './pptx-xml.js';

// Where a shape of a slide's shape tree sits: read from its own transform, for the passes that
// reorder shapes (pptx-reading-order.ts) and move them into a template's layout (template/).

/** A box in EMU. */
export interface ShapeBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A shape's own transform: `p:spPr/a:xfrm`, `p:grpSpPr/a:xfrm`, or a graphic frame's `p:xfrm`. */
export function xfrmOf(shape: XmlElement): XmlElement | undefined {
  for (const holder of [...kids(shape, 'p', 'spPr'), ...kids(shape, 'p', 'grpSpPr')]) {
    const x = kids(holder, 'a', 'xfrm')[0];
    if (x) return x;
  }
  return kids(shape, 'p', 'xfrm')[0];
}

const num = (el: XmlElement | undefined, a: string) => Number(el?.getAttribute(a) ?? 0);

/** The box a transform gives (`a:off`, `a:ext`). */
export function boxOf(x: XmlElement): ShapeBox {
  const off = kids(x, 'a', 'off')[0];
  const ext = kids(x, 'a', 'ext')[0];
  return { x: num(off, 'x'), y: num(off, 'y'), w: num(ext, 'cx'), h: num(ext, 'cy') };
}
