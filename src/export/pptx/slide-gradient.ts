import type { SlideBoxes } from './block-box-types.js';
import type { LinearGradient } from './css-gradient.js';
import { sectionLayers } from './section-paint.js';
import { fillsSlide } from './pptx-background.js';
import { blend } from './measured-text.js';
import type { XmlDocument as Document } from './xml-tree.js';
import { all, kids, make } from './pptx-xml.js';

// A theme's gradient on the section (lectern's cover and dividers, `linear-gradient(135deg,
// navy, darker navy)`) as the slide's own gradient background (`p:bg`, Format Background in
// PowerPoint), rather than a picture of it: a colleague can change its colours, and it is as
// sharp as the slide.

/**
 * The gradient a slide shows on its section, where its background is not baked as a whole:
 * each stop over the section's colour, as CSS paints a background image over it (Gaia's
 * gradient is nearly transparent white and grey over its cream).
 */
export function shownGradient(m: SlideBoxes | undefined): LinearGradient | undefined {
  if (!m?.paint || fillsSlide(m.backdrop)) return undefined;
  const g = sectionLayers(m.paint)?.gradient;
  if (!g) return undefined;
  const under = m.background.a > 0.5 ? m.background.hex : undefined;
  if (!under) return g;
  return { ...g, stops: g.stops.map((s) => ({ ...s, hex: blend(s.hex, s.a, under), a: 1 })) };
}

/**
 * The slide's background as the gradient: DrawingML's angle runs clockwise from the right,
 * CSS's from the top, and both lines reach the box's corners (`scaled="0"`: the angle is not
 * stretched with the slide's proportions, as CSS's is not).
 */
export function gradientBackground(doc: Document, g: LinearGradient): void {
  const cSld = all(doc, 'p', 'cSld')[0];
  if (!cSld || g.length <= 0) return;
  for (const old of kids(cSld, 'p', 'bg')) cSld.removeChild(old);
  const bg = make(doc, 'p', 'bg');
  const bgPr = make(doc, 'p', 'bgPr');
  const fill = make(doc, 'a', 'gradFill', { rotWithShape: '1' });
  const stops = make(doc, 'a', 'gsLst');
  for (const s of g.stops) {
    const gs = make(doc, 'a', 'gs', { pos: String(Math.round((s.at / g.length) * 100000)) });
    const colour = make(doc, 'a', 'srgbClr', { val: s.hex });
    if (s.a < 1) colour.appendChild(make(doc, 'a', 'alpha', { val: String(Math.round(s.a * 100000)) }));
    gs.appendChild(colour);
    stops.appendChild(gs);
  }
  fill.appendChild(stops);
  const ang = ((((g.angle - 90) % 360) + 360) % 360) * 60000;
  fill.appendChild(make(doc, 'a', 'lin', { ang: String(Math.round(ang)), scaled: '0' }));
  bgPr.appendChild(fill);
  bgPr.appendChild(make(doc, 'a', 'effectLst'));
  bg.appendChild(bgPr);
  cSld.insertBefore(bg, cSld.firstChild);
}
