import type { XmlElement } from '../xml-tree.js';
import { all, kids } from '../pptx-xml.js';
import { boxOf, xfrmOf } from '../shape-box.js';
import {
  BODY_TYPES,
  TITLE_TYPES,
  type Box,
  type TemplateLayout,
} from '../../../load/template/template-model.js';

// The frames lectern measured (tables, pictures, cards, code, text), moved from lectern's
// slide into the layout's content area: the area of its body placeholder, else the space under
// its title. They keep their arrangement, scaled as one, text sizes with them; a picture that
// fills the slide's height (a `![bg]` background) fills the template's slide instead.

function setBox(x: XmlElement, b: Box): void {
  const off = kids(x, 'a', 'off')[0];
  const ext = kids(x, 'a', 'ext')[0];
  off?.setAttribute('x', String(Math.round(b.x)));
  off?.setAttribute('y', String(Math.round(b.y)));
  ext?.setAttribute('cx', String(Math.max(0, Math.round(b.w))));
  ext?.setAttribute('cy', String(Math.max(0, Math.round(b.h))));
}

/** Text sizes, spacing in points, and a table's columns and rows, by `k`. */
function scaleInside(shape: XmlElement, k: number): void {
  for (const local of ['rPr', 'defRPr', 'endParaRPr']) {
    for (const r of all(shape, 'a', local)) {
      const sz = r.getAttribute('sz');
      if (sz) r.setAttribute('sz', String(Math.max(100, Math.round(Number(sz) * k))));
    }
  }
  for (const s of all(shape, 'a', 'spcPts'))
    s.setAttribute('val', String(Math.round(Number(s.getAttribute('val')) * k)));
  for (const c of all(shape, 'a', 'gridCol'))
    c.setAttribute('w', String(Math.round(Number(c.getAttribute('w')) * k)));
  for (const r of all(shape, 'a', 'tr'))
    r.setAttribute('h', String(Math.round(Number(r.getAttribute('h')) * k)));
}

/** The placeholders along a slide's foot: the footer, the date and the slide number. */
const FOOT_TYPES = ['ftr', 'dt', 'sldNum'];

/**
 * The layout's content area in EMU: its body placeholder's, else below its title to the foot;
 * either ends above the footer, date and number placeholders, which content slides hold
 * (footer-placeholders.ts), so lectern's frames never cover them.
 */
export function contentArea(layout: TemplateLayout, to: { cx: number; cy: number }): Box {
  const body = layout.placeholders.find((p) => BODY_TYPES.includes(p.type) && p.box)?.box;
  const title = layout.placeholders.find((p) => TITLE_TYPES.includes(p.type) && p.box)?.box;
  const margin = to.cx * 0.06;
  const top = title ? title.y + title.h + to.cy * 0.03 : to.cy * 0.22;
  const area =
    body && body.w > 0 && body.h > 0
      ? body
      : { x: margin, y: top, w: to.cx - 2 * margin, h: Math.max(to.cy * 0.3, to.cy * 0.92 - top) };
  const feet = layout.placeholders
    .filter((p) => FOOT_TYPES.includes(p.type) && p.box && p.box.y > area.y + area.h * 0.5)
    .filter((p) => p.box!.x < area.x + area.w && p.box!.x + p.box!.w > area.x)
    .map((p) => p.box!.y);
  const foot = Math.min(area.y + area.h, ...feet);
  return { ...area, h: foot - area.y };
}

export function placeInLayout(
  shapes: XmlElement[],
  layout: TemplateLayout,
  from: { cx: number; cy: number },
  to: { cx: number; cy: number },
): void {
  const kx = to.cx / from.cx;
  const ky = to.cy / from.cy;
  const placed = shapes.flatMap((s) => {
    const x = xfrmOf(s);
    return x ? [{ s, x, b: boxOf(x) }] : [];
  });
  const fillsHeight = (b: Box) => b.h >= from.cy * 0.95 && b.y <= from.cy * 0.03;
  for (const p of placed.filter((p) => fillsHeight(p.b))) {
    setBox(p.x, { x: p.b.x * kx, y: p.b.y * ky, w: p.b.w * kx, h: p.b.h * ky });
    scaleInside(p.s, Math.min(kx, ky));
  }
  const rest = placed.filter((p) => !fillsHeight(p.b));
  if (!rest.length) return;
  const left = Math.min(...rest.map((p) => p.b.x));
  const top = Math.min(...rest.map((p) => p.b.y));
  const w = Math.max(...rest.map((p) => p.b.x + p.b.w)) - left;
  const h = Math.max(...rest.map((p) => p.b.y + p.b.h)) - top;
  const area = contentArea(layout, to);
  const k = Math.min(kx, ky, w > 0 ? area.w / w : kx, h > 0 ? area.h / h : ky);
  const dx = area.x + (area.w - w * k) / 2;
  for (const p of rest) {
    setBox(p.x, { x: dx + (p.b.x - left) * k, y: area.y + (p.b.y - top) * k, w: p.b.w * k, h: p.b.h * k });
    scaleInside(p.s, k);
  }
}
