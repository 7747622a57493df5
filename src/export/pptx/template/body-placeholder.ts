import type { SlideInfo } from '../../../compose/composed-deck.js';
import type { Block, Run } from '../../../engine/slide-tokens.js';
import type { XmlDocument, XmlElement } from '../xml-tree.js';
import { make } from '../pptx-xml.js';
import { CODE_FONT } from '../pptx-runs.js';
import { hasFormulas } from '../pptx-formulas.js';
import { slideStructure } from '../slide-structure.js';
import { TRAINING_LAYOUTS } from '../pptx-training-layouts.js';
import {
  BODY_TYPES,
  type LayoutPlaceholder,
  type TemplateLayout,
} from '../../../load/template/template-model.js';

// A slide that is a heading and one list or paragraph, on a template: its text goes into the
// layout's body placeholder as PowerPoint's own slides hold it, so the template's fonts, sizes,
// bullets and autofit apply and a colleague edits it as any slide of theirs. Every other slide's
// body stays the measured frames placed in the layout's content area (place-frames.ts).

export type BodyText = Extract<Block, { kind: 'list' | 'paragraph' }>;

/** A slide's text and the placeholder it goes into. */
export interface PlaceholderBody {
  ph: LayoutPlaceholder;
  text: BodyText;
}

/**
 * The corporate theme's layouts that make a slide more than a title and its text (cards, a time
 * box, columns, a picture): their slides keep their measured frames. `bullets` and a class of the
 * author's own (`invert`) are text.
 */
const DRAWN_LAYOUTS = new Set<string>([
  ...TRAINING_LAYOUTS,
  'figure',
  'points',
  'quiz',
  'title',
  'agenda',
  'divider',
  'closing',
]);

/** The slide's one list or paragraph under its heading, when that is all it holds. */
export function bodyText(info: SlideInfo): BodyText | undefined {
  if (info.kind !== 'content' || info.minutes || info.quiz) return undefined;
  if ((info.layout ?? '').split(/\s+/).some((w) => DRAWN_LAYOUTS.has(w))) return undefined;
  const st = slideStructure(info.body ?? '');
  // A formula is pictured over its place in a measured frame (pptx-formulas.ts).
  if (
    st.unmappable ||
    st.heading === undefined ||
    st.points.length ||
    st.blocks.length !== 1 ||
    st.html ||
    hasFormulas(st)
  )
    return undefined;
  const [only] = st.blocks;
  return only?.kind === 'list' || only?.kind === 'paragraph' ? only : undefined;
}

/** Each slide's text for its layout's body placeholder, or undefined where it keeps its frames. */
export function placeholderBodies(
  slides: SlideInfo[],
  layouts: TemplateLayout[],
): (PlaceholderBody | undefined)[] {
  return slides.map((info, i) => {
    const ph = layouts[i]?.placeholders.find((p) => BODY_TYPES.includes(p.type));
    const text = ph && bodyText(info);
    return ph && text ? { ph, text } : undefined;
  });
}

/**
 * The body placeholder's shape: it names the layout's placeholder (type and index) and has no
 * place of its own; its runs carry their language and what the markdown means (bold, italic,
 * strike, code's face, links) but no size, colour or face, so the layout's apply. `link` gives
 * a URL's relationship id in the slide's part.
 */
export function bodyShape(
  doc: XmlDocument,
  body: PlaceholderBody,
  id: number,
  lang: string,
  link: (url: string) => string,
): XmlElement {
  const a = maker(doc, 'a');
  const p = maker(doc, 'p');
  const ph = p('ph', {
    ...(body.ph.type === 'obj' ? {} : { type: body.ph.type }),
    ...(body.ph.idx === undefined ? {} : { idx: body.ph.idx }),
  });
  const paragraphs =
    body.text.kind === 'paragraph'
      ? // A paragraph has no bullet, and no bullet's indent.
        [paragraph(a, lang, link, body.text.runs, a('pPr', { marL: '0', indent: '0' }, a('buNone')))]
      : body.text.items.map((it) =>
          paragraph(
            a,
            lang,
            link,
            it.runs,
            a(
              'pPr',
              { lvl: String(it.level) },
              // A numbered item keeps its number; a bullet is the layout's.
              ...(it.number === undefined
                ? []
                : [
                    a('buAutoNum', {
                      type: it.lettered ? 'alphaUcPeriod' : 'arabicPeriod',
                      ...(it.number === 1 ? {} : { startAt: String(it.number) }),
                    }),
                  ]),
            ),
          ),
        );
  return p(
    'sp',
    {},
    p(
      'nvSpPr',
      {},
      p('cNvPr', { id: String(id), name: 'Body' }),
      p('cNvSpPr', {}, a('spLocks', { noGrp: '1' })),
      p('nvPr', {}, ph),
    ),
    p('spPr'),
    // PowerPoint shrinks text that overflows the placeholder.
    p('txBody', {}, a('bodyPr', {}, a('normAutofit')), a('lstStyle'), ...paragraphs),
  );
}

type Make = (local: string, attrs?: Record<string, string>, ...children: XmlElement[]) => XmlElement;

const maker =
  (doc: XmlDocument, ns: 'a' | 'p'): Make =>
  (local, attrs = {}, ...children) => {
    const e = make(doc, ns, local, attrs);
    for (const c of children) e.appendChild(c);
    return e;
  };

/** One paragraph: its runs, a line break where the markdown breaks the line. */
function paragraph(
  a: Make,
  lang: string,
  link: (url: string) => string,
  runs: Run[],
  pPr: XmlElement,
): XmlElement {
  const para = a('p', {}, pPr);
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) para.appendChild(a('br', {}, a('rPr', { lang })));
      if (!part) return;
      const props = a('rPr', {
        lang,
        ...(r.bold ? { b: '1' } : {}),
        ...(r.italic ? { i: '1' } : {}),
        ...(r.strike ? { strike: 'sngStrike' } : {}),
        dirty: '0',
      });
      // Code is set in a monospace face, the one face the text keeps: it says "this is code".
      if (r.code) props.appendChild(a('latin', { typeface: CODE_FONT }));
      if (r.link) props.appendChild(a('hlinkClick', { 'r:id': link(r.link) }));
      const t = a('t');
      t.textContent = part;
      para.appendChild(a('r', {}, props, t));
    });
  }
  para.appendChild(a('endParaRPr', { lang, dirty: '0' }));
  return para;
}
