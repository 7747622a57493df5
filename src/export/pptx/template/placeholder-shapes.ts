import { parseXml, type XmlDocument, type XmlElement } from '../xml-tree.js';
import { NS, all, kids } from '../pptx-xml.js';
import type { LayoutPlaceholder } from '../../../load/template/template-model.js';

// Text in the template's placeholders: a shape that names its layout's placeholder (type and
// index) and says nothing of its own place, font, size or colour, so the layout's apply, and
// "Reset slide" in PowerPoint puts it back where the template wants it.

/** Text or an attribute's value written into the XML of a new shape. */
export const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const escape = escapeXml;

const phAttrs = (ph: LayoutPlaceholder) =>
  `${ph.type === 'obj' ? '' : ` type="${ph.type}"`}${ph.idx === undefined ? '' : ` idx="${ph.idx}"`}`;

/** A new shape in placeholder `ph` holding `paragraphs` (`<a:p>` elements, as XML text). */
export function placeholderXmlShape(
  ph: LayoutPlaceholder,
  id: number,
  name: string,
  paragraphs: string,
): XmlElement {
  const xml =
    `<p:sp xmlns:p="${NS.p}" xmlns:a="${NS.a}"><p:nvSpPr><p:cNvPr id="${id}" name="${escape(name)}"/>` +
    `<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph${phAttrs(ph)}/></p:nvPr></p:nvSpPr>` +
    `<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs}</p:txBody></p:sp>`;
  const shape = parseXml(xml).documentElement;
  shape.removeAttribute('xmlns:p');
  shape.removeAttribute('xmlns:a');
  return shape;
}

/** A new placeholder shape holding one paragraph per line (an empty one for none). */
export function placeholderShape(
  doc: XmlDocument,
  ph: LayoutPlaceholder,
  id: number,
  name: string,
  lines: string[],
  lang: string,
): XmlElement {
  const paragraphs = (lines.length ? lines : [''])
    .map((l) =>
      l
        ? `<a:p><a:r><a:rPr lang="${escape(lang)}" altLang="en-US" dirty="0"/><a:t>${escape(l)}</a:t></a:r></a:p>`
        : `<a:p><a:endParaRPr lang="${escape(lang)}"/></a:p>`,
    )
    .join('');
  void doc;
  return placeholderXmlShape(ph, id, name, paragraphs);
}

/**
 * An existing text frame made the layout's placeholder: its place goes (the layout's holds),
 * and so do its runs' sizes, colours and faces and its paragraphs' spacing; bold, italic,
 * links and the text stay.
 */
export function intoPlaceholder(shape: XmlElement, ph: LayoutPlaceholder): void {
  const nv = kids(shape, 'p', 'nvSpPr')[0];
  const nvPr = nv && kids(nv, 'p', 'nvPr')[0];
  if (!nvPr) return;
  for (const old of kids(nvPr, 'p', 'ph')) nvPr.removeChild(old);
  const el = shape.ownerDocument.createElementNS(NS.p, 'p:ph');
  if (ph.type !== 'obj') el.setAttribute('type', ph.type);
  if (ph.idx !== undefined) el.setAttribute('idx', ph.idx);
  nvPr.insertBefore(el, nvPr.firstChild);
  const spPr = kids(shape, 'p', 'spPr')[0];
  if (spPr) for (const c of [...spPr.childNodes]) spPr.removeChild(c);
  const body = kids(shape, 'p', 'txBody')[0];
  if (!body) return;
  for (const bodyPr of kids(body, 'a', 'bodyPr')) {
    for (const c of [...bodyPr.childNodes]) bodyPr.removeChild(c);
    for (const k of [...bodyPr.attributes.keys()]) bodyPr.removeAttribute(k);
  }
  for (const style of kids(body, 'a', 'lstStyle'))
    for (const c of [...style.childNodes]) style.removeChild(c);
  for (const p of kids(body, 'a', 'p')) for (const ppr of kids(p, 'a', 'pPr')) p.removeChild(ppr);
  for (const rpr of [...all(shape, 'a', 'rPr'), ...all(shape, 'a', 'endParaRPr')]) {
    for (const k of ['sz', 'spc', 'baseline', 'kern']) rpr.removeAttribute(k);
    for (const c of [...rpr.childNodes])
      if (c.nodeType !== 1 || !['hlinkClick', 'hlinkMouseOver'].includes(c.localName)) rpr.removeChild(c);
  }
}
