import type { XmlDocument as Document, XmlElement as Element } from './xml-tree.js';
import { all, kids, make } from './pptx-xml.js';
import { titleShape } from './pptx-titles.js';

// What PowerPoint's accessibility checker and a screen reader need of a slide, beyond its
// titles (pptx-titles.ts): decoration marked decorative, so it is not read out as "picture"
// or "rectangle"; tables with a header row; and a title on every slide.

/** The name a background picture without alt text is given (pptx-background.ts): decoration. */
export const DECORATIVE_PICTURE = 'Decorative Picture';

/** Office 2019's decorative mark: an extension of a shape's non-visual properties. */
const DECORATIVE_EXT = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';
const ADEC = 'http://schemas.microsoft.com/office/drawing/2017/decorative';

function markDecorative(doc: Document, cNvPr: Element): void {
  cNvPr.removeAttribute('descr');
  let extLst = kids(cNvPr, 'a', 'extLst')[0];
  if (!extLst) {
    extLst = make(doc, 'a', 'extLst');
    cNvPr.appendChild(extLst);
  }
  const ext = make(doc, 'a', 'ext', { uri: DECORATIVE_EXT });
  const mark = doc.createElementNS(ADEC, 'adec:decorative');
  mark.setAttribute('val', '1');
  ext.appendChild(mark);
  extLst.appendChild(ext);
}

const textOf = (el: Element) =>
  all(el, 'a', 't')
    .map((t) => t.textContent)
    .join('')
    .trim();

/**
 * Marks the slide's decoration: background pictures without alt text, and the theme's shapes
 * that hold no text (bars, card backgrounds, lines); tables get a header row, which every
 * markdown table has.
 */
export function accessibleShapes(doc: Document): void {
  for (const pic of all(doc, 'p', 'pic')) {
    const cNvPr = all(pic, 'p', 'cNvPr')[0];
    if (cNvPr?.getAttribute('name') === DECORATIVE_PICTURE) markDecorative(doc, cNvPr);
  }
  for (const sp of [...all(doc, 'p', 'sp'), ...all(doc, 'p', 'cxnSp')]) {
    const cNvPr = all(sp, 'p', 'cNvPr')[0];
    if (!cNvPr || all(sp, 'p', 'ph').length || textOf(sp)) continue;
    markDecorative(doc, cNvPr);
  }
  for (const tblPr of all(doc, 'a', 'tblPr')) tblPr.setAttribute('firstRow', '1');
}

/**
 * A slide without a heading (a picture alone) gets a title all the same, for the outline,
 * the checker and a screen reader: `title`, in a title placeholder above the slide's top edge,
 * where the slide show does not draw it; it comes first, so it is read first.
 */
export function ensureTitle(doc: Document, title: string, lang: string): void {
  const tree = all(doc, 'p', 'spTree')[0];
  if (!tree || all(doc, 'p', 'ph').some((ph) => /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? '')))
    return;
  const box = { x: 0.8, y: -1, w: 10, h: 0.85 };
  const sp = titleShape(doc, { name: 'Title', type: 'title', lang, box, text: title });
  // After the group's own properties (nvGrpSpPr, grpSpPr), before every shape.
  const after = kids(tree, 'p', 'grpSpPr')[0];
  tree.insertBefore(sp, tree.childNodes[after ? tree.childNodes.indexOf(after) + 1 : 0] ?? null);
}
