import type { XmlDocument } from '../xml-tree.js';
import { NS, all } from '../pptx-xml.js';

// On a company's template, a colour the slide shows that is one of the template's own theme
// colours is written as that theme colour (`a:schemeClr val="accent1"`), not as its RGB value:
// PowerPoint then shows it in the theme's palette (Design › Variants), and a colleague who picks
// another colour scheme recolours lectern's cards, bars and tables with the template's own
// shapes. `theme: template` draws the slides in those colours, so most of them match.

/** The scheme's slots a slide may name directly (ST_SchemeColorVal), in the order a colour is looked up. */
const SLOTS = ['dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'lt2', 'dk1', 'lt1'];

/** Rewrites every `a:srgbClr` of `doc` that equals a scheme colour (`colours`: slot → RRGGBB) as that slot. */
export function toSchemeColours(doc: XmlDocument, colours: Record<string, string>): void {
  const slotOf = new Map<string, string>();
  for (const slot of SLOTS) {
    const hex = colours[slot]?.toUpperCase();
    if (hex && !slotOf.has(hex)) slotOf.set(hex, slot);
  }
  if (!slotOf.size) return;
  for (const rgb of all(doc, 'a', 'srgbClr')) {
    const slot = slotOf.get((rgb.getAttribute('val') ?? '').toUpperCase());
    if (!slot || !rgb.parentNode) continue;
    const scheme = doc.createElementNS(NS.a, 'a:schemeClr');
    scheme.setAttribute('val', slot);
    // Its tints, shades and alpha stay with it.
    for (const child of [...rgb.childNodes]) scheme.appendChild(child);
    rgb.parentNode.insertBefore(scheme, rgb);
    rgb.parentNode.removeChild(rgb);
  }
}
