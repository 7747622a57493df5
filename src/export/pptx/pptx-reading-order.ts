import type { XmlDocument as Document, XmlElement as Element } from './xml-tree.js';
import { all } from './pptx-xml.js';
import { boxOf, xfrmOf, type ShapeBox } from './shape-box.js';

// A screen reader and PowerPoint's "reading order" pane read a slide's shapes in the order of
// its shape tree, which is also the order they are painted in. pptxgenjs writes them in the
// order lectern draws them: lectern's chapter header (and any theme chrome) before the title.

const SHAPES = new Set(['sp', 'pic', 'graphicFrame', 'grpSp', 'cxnSp']);

/** A shape's box, when it has a transform of its own. */
function shapeBox(shape: Element): ShapeBox | undefined {
  const x = xfrmOf(shape);
  return x && boxOf(x);
}

const overlap = (a: ShapeBox | undefined, b: ShapeBox | undefined) =>
  !a || !b || (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);

const isTitle = (shape: Element) =>
  all(shape, 'p', 'ph').some((ph) => /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? ''));

/**
 * The title comes first in the slide's shape tree: it moves before the shapes drawn ahead of
 * it that it does not overlap, so nothing it is painted over or under changes (where boxes
 * overlap, their order is what the slide looks like, and stays).
 */
export function titleFirst(doc: Document): void {
  const tree = all(doc, 'p', 'spTree')[0];
  if (!tree) return;
  const shapes = tree.childNodes.filter(
    (n): n is Element => n.nodeType === 1 && SHAPES.has((n as Element).localName),
  );
  const at = shapes.findIndex(isTitle);
  if (at <= 0) return;
  const title = shapes[at]!;
  const box = shapeBox(title);
  let before = at;
  while (before > 0 && !overlap(box, shapeBox(shapes[before - 1]!))) before -= 1;
  if (before < at) tree.insertBefore(title, shapes[before]!);
}
