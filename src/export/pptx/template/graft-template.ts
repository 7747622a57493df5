import { posix } from 'node:path';
import type { ComposedDeck, SlideInfo } from '../../../compose/compose-deck.js';
import { deckLabels } from '../../../core/label-overrides.js';
import type { DeckModel } from '../../../validate/deck-model.js';
import { zipBytes } from '../../output/zip-bytes.js';
import type { XmlDocument, XmlElement } from '../xml-tree.js';
import { all, kids } from '../pptx-xml.js';
import { slideLayouts } from './choose-layout.js';
import { REL, REL_NS, mergePackage, save, xmlOf } from './graft-package.js';
import { relsOf } from '../../../core/ooxml-names.js';
import { intoPlaceholder, placeholderShape } from './placeholder-shapes.js';
import { placeInLayout } from './place-frames.js';
import { bodyShape, placeholderBodies, type PlaceholderBody } from './body-placeholder.js';
import { footerShapes } from './footer-placeholders.js';
import { toSchemeColours } from './scheme-colours.js';
import {
  BODY_TYPES,
  TITLE_TYPES,
  type PptxTemplate,
  type TemplateLayout,
} from '../../../load/template/template-model.js';

// The editable PPTX on the company's template: the slides lectern drew, moved onto the
// template's masters and layouts (chosen by choose-layout.ts), each heading in its layout's
// title placeholder, the generated slides' words in the layout's placeholders, a slide that is
// a heading and one list or paragraph with its text in the layout's body placeholder
// (body-placeholder.ts), everything else placed from the measured slide inside the layout's
// content area.

const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;

export async function graftTemplate(pptx: Buffer, deck: DeckModel, composed: ComposedDeck): Promise<Buffer> {
  const template = deck.pptxTemplate!;
  const { default: JSZipClass } = await import('jszip');
  const ours = await JSZipClass.loadAsync(pptx);
  const slides = Object.keys(ours.files)
    .filter((n) => SLIDE.test(n))
    .sort((a, b) => Number(SLIDE.exec(a)![1]) - Number(SLIDE.exec(b)![1]));
  const ourPres = await xmlOf(ours, 'ppt/presentation.xml');
  const sz = ourPres.getElementsByTagNameNS(ourPres.documentElement.namespaceURI, 'sldSz')[0];
  const from = { cx: Number(sz?.getAttribute('cx')), cy: Number(sz?.getAttribute('cy')) };
  const zip = await mergePackage(template, ours, slides);
  const layouts = slideLayouts(deck, template, composed.slides);
  const bodies = placeholderBodies(composed.slides, layouts);
  for (const [i, part] of slides.entries()) {
    const info = composed.slides[i]!;
    const layout = layouts[i]!;
    const rels = await xmlOf(zip, relsOf(part));
    for (const r of rels.getElementsByTagNameNS(REL_NS, 'Relationship'))
      if (r.getAttribute('Type') === REL('slideLayout'))
        r.setAttribute('Target', posix.relative(posix.dirname(part), layout.part));
    const doc = await xmlOf(zip, part);
    onLayout(doc, info, layout, deck, from, template, bodies[i] && { ...bodies[i], link: linkIn(rels) });
    for (const shape of footerShapes(info, i + 1, layout, deck, nextId(doc)))
      all(doc, 'p', 'spTree')[0]!.appendChild(shape);
    toSchemeColours(doc, template.theme.colours);
    save(zip, relsOf(part), rels);
    save(zip, part, doc);
  }
  return zipBytes(zip);
}

function onLayout(
  doc: XmlDocument,
  info: SlideInfo,
  layout: TemplateLayout,
  deck: DeckModel,
  from: { cx: number; cy: number },
  template: PptxTemplate,
  body?: PlaceholderBody & { link: (url: string) => string },
): void {
  const cSld = all(doc, 'p', 'cSld')[0]!;
  // The template's background shows: the layout's, else its master's.
  for (const bg of kids(cSld, 'p', 'bg')) cSld.removeChild(bg);
  const tree = kids(cSld, 'p', 'spTree')[0]!;
  const shapes = tree.childNodes.filter(
    (n): n is XmlElement => n.nodeType === 1 && !['nvGrpSpPr', 'grpSpPr', 'extLst'].includes(n.localName),
  );
  const titlePh = layout.placeholders.find((p) => TITLE_TYPES.includes(p.type));
  const bodyPh = layout.placeholders.find((p) => BODY_TYPES.includes(p.type) || p.type === 'subTitle');
  const title = shapes.find((s) =>
    all(s, 'p', 'ph').some((ph) => TITLE_TYPES.includes(ph.getAttribute('type') ?? '')),
  );
  let id = nextId(doc);
  if (info.kind === 'content') {
    if (title && titlePh) intoPlaceholder(title, titlePh);
    // The text follows its heading, for the reading order (editable-pptx.ts drew no frame of it).
    if (body)
      tree.insertBefore(bodyShape(doc, body, id++, deck.lang, body.link), title ? nextOf(title) : null);
    placeInLayout(
      shapes.filter((s) => s !== title),
      layout,
      from,
      template.size,
    );
    return;
  }
  // A generated slide is its words in the layout's placeholders; the closing slide keeps its QR codes.
  for (const s of shapes)
    if (info.kind !== 'closing' || all(s, 'a', 't').length > 0 || s === title) tree.removeChild(s);
  const kept = tree.childNodes.filter(
    (n): n is XmlElement => n.nodeType === 1 && !['nvGrpSpPr', 'grpSpPr', 'extLst'].includes(n.localName),
  );
  if (kept.length) placeInLayout(kept, layout, from, template.size);
  const words = generatedWords(info, deck, !!bodyPh);
  if (titlePh) tree.appendChild(placeholderShape(doc, titlePh, id++, 'Title', [words.title], deck.lang));
  if (bodyPh && words.body.length)
    tree.appendChild(placeholderShape(doc, bodyPh, id++, 'Text', words.body, deck.lang));
}

/** A shape id the slide does not use yet. */
const nextId = (doc: XmlDocument) =>
  1 + Math.max(1, ...all(doc, 'p', 'cNvPr').map((c) => Number(c.getAttribute('id')) || 0));

const nextOf = (el: XmlElement) => {
  const siblings = el.parentNode!.childNodes;
  return siblings[siblings.indexOf(el) + 1] ?? null;
};

/** A hyperlink's relationship in a slide's rels, added once per URL: its id. */
function linkIn(rels: XmlDocument): (url: string) => string {
  const all = () => rels.getElementsByTagNameNS(REL_NS, 'Relationship');
  return (url) => {
    const known = all().find(
      (r) => r.getAttribute('Type') === REL('hyperlink') && r.getAttribute('Target') === url,
    );
    if (known) return known.getAttribute('Id')!;
    const n = Math.max(
      0,
      ...all().map((r) => Number(/^rId(\d+)$/.exec(r.getAttribute('Id') ?? '')?.[1] ?? 0)),
    );
    const el = rels.createElementNS(REL_NS, 'Relationship');
    el.setAttribute('Id', `rId${n + 1}`);
    el.setAttribute('Type', REL('hyperlink'));
    el.setAttribute('Target', url);
    el.setAttribute('TargetMode', 'External');
    rels.documentElement.appendChild(el);
    return `rId${n + 1}`;
  };
}

/** What a generated slide says: its title, and the lines under it (`hasBody`: where the layout has room for them). */
function generatedWords(
  info: SlideInfo,
  deck: DeckModel,
  hasBody: boolean,
): { title: string; body: string[] } {
  const t = deckLabels(deck);
  switch (info.kind) {
    case 'title':
      return {
        title: deck.title,
        body: [
          deck.subtitle,
          [deck.presenter, deck.date].filter(Boolean).join(' · '),
          deck.organization,
        ].filter((l): l is string => !!l),
      };
    case 'agenda':
      return {
        title: info.heading ?? t.agenda,
        body: (deck.course ?? deck.chapters).map((c) => `${c.label}  ${c.title}`),
      };
    case 'divider': {
      const title = info.chapter?.title ?? info.heading ?? '';
      const n = Number(info.chapter?.label);
      // A title-only layout (no section header in the template) takes 第 N 章 into the title.
      if (!info.chapter || !Number.isFinite(n)) return { title, body: [] };
      if (hasBody) return { title, body: [t.chapter(n)] };
      // A title that already says it (a scaffold's 第 1 章) is not said twice.
      return { title: title.startsWith(t.chapter(n)) ? title : t.chapterTitle(n, title), body: [] };
    }
    default:
      return { title: deck.closing, body: [] };
  }
}
