import type { XmlDocument as Document, XmlElement as Element } from './xml-tree.js';
import { TITLE_NAME } from './measured-text.js';
import { all, kids, make } from './pptx-xml.js';

// Titles as PowerPoint keeps them: each slide's heading frame is its layout's title
// placeholder, and every layout has one, so the outline view, the slide sorter, the
// accessibility checker and "Reset slide" find the titles.

export type TitleType = 'title' | 'ctrTitle';

/** A slide's part in the package, with its number. */
export const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/;

/** Makes the slide's first frame named TITLE_NAME its title placeholder of `type`. */
export function titlePlaceholder(doc: Document, type: TitleType): void {
  const shape = all(doc, 'p', 'sp').find((sp) =>
    all(sp, 'p', 'cNvPr').some((n) => n.getAttribute('name') === TITLE_NAME),
  );
  if (shape) placeholder(doc, shape, type);
}

/** The slide's number (1-based) from its part name. */
export const slideNumber = (name: string) => Number(SLIDE_PART.exec(name)?.[1] ?? 0);

/**
 * A layout named in the deck's language, with a title placeholder where content slides put
 * their heading (the cover's is `ctrTitle`): a placeholder of a layout shows only while editing.
 */
export function layoutTitle(
  doc: Document,
  names: Record<string, string>,
  box: { x: number; y: number; w: number; h: number },
  lang: string,
): void {
  const cSld = all(doc, 'p', 'cSld')[0];
  const tree = cSld && kids(cSld, 'p', 'spTree')[0];
  if (!cSld || !tree) return;
  const master = (cSld.getAttribute('name') ?? '').replace(/^LECTERN_/, '');
  if (names[master]) cSld.setAttribute('name', names[master]);
  const type = master === 'COVER' ? 'ctrTitle' : 'title';
  tree.appendChild(titleShape(doc, { name: 'Title Placeholder', type, lang, box }));
}

/**
 * A title placeholder shape of `type` (its id the next free one in the part) in `box`
 * (inches, as pptxgenjs places shapes), holding `text` in one run, or an empty paragraph for
 * a layout's title.
 */
export function titleShape(
  doc: Document,
  at: {
    name: string;
    type: TitleType;
    lang: string;
    box: { x: number; y: number; w: number; h: number };
    text?: string;
  },
): Element {
  const ids = all(doc, 'p', 'cNvPr').map((n) => Number(n.getAttribute('id')) || 0);
  const sp = make(doc, 'p', 'sp');
  const nv = make(doc, 'p', 'nvSpPr');
  nv.appendChild(make(doc, 'p', 'cNvPr', { id: String(Math.max(1, ...ids) + 1), name: at.name }));
  nv.appendChild(make(doc, 'p', 'cNvSpPr'));
  nv.appendChild(make(doc, 'p', 'nvPr'));
  sp.appendChild(nv);
  const spPr = make(doc, 'p', 'spPr');
  const xfrm = make(doc, 'a', 'xfrm');
  const emu = (inches: number) => String(Math.round(inches * 914400));
  xfrm.appendChild(make(doc, 'a', 'off', { x: emu(at.box.x), y: emu(at.box.y) }));
  xfrm.appendChild(make(doc, 'a', 'ext', { cx: emu(at.box.w), cy: emu(at.box.h) }));
  spPr.appendChild(xfrm);
  sp.appendChild(spPr);
  const body = make(doc, 'p', 'txBody');
  body.appendChild(make(doc, 'a', 'bodyPr'));
  body.appendChild(make(doc, 'a', 'lstStyle'));
  const p = make(doc, 'a', 'p');
  if (at.text !== undefined) {
    const r = make(doc, 'a', 'r');
    r.appendChild(make(doc, 'a', 'rPr', { lang: at.lang }));
    const t = make(doc, 'a', 't');
    t.textContent = at.text;
    r.appendChild(t);
    p.appendChild(r);
  } else p.appendChild(make(doc, 'a', 'endParaRPr', { lang: at.lang }));
  body.appendChild(p);
  sp.appendChild(body);
  placeholder(doc, sp, at.type);
  return sp;
}

/** `p:ph` in the shape's `p:nvPr` (its first child), and the lock PowerPoint gives placeholders. */
function placeholder(doc: Document, shape: Element, type: TitleType): void {
  const nv = kids(shape, 'p', 'nvSpPr')[0];
  const nvPr = nv && kids(nv, 'p', 'nvPr')[0];
  const cNvSpPr = nv && kids(nv, 'p', 'cNvSpPr')[0];
  if (!nvPr || kids(nvPr, 'p', 'ph').length) return;
  nvPr.insertBefore(make(doc, 'p', 'ph', { type }), nvPr.firstChild);
  if (cNvSpPr && !kids(cNvSpPr, 'a', 'spLocks').length) {
    const locks = make(doc, 'a', 'spLocks', { noGrp: '1' });
    cNvSpPr.insertBefore(locks, cNvSpPr.firstChild);
  }
}
