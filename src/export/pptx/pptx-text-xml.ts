import type { XmlDocument as Document, XmlElement as Element } from './xml-tree.js';
import { all, insertInOrder, kids, make, type PartDocuments } from './pptx-xml.js';

// What every PPTX lectern writes (editable and pictures) needs after pptxgenjs, so Microsoft's
// Open XML SDK validator finds nothing and PowerPoint reads every run in the deck's language.

/** `p:presentation`'s children in the schema's order (ECMA-376 CT_Presentation). */
export const PRESENTATION = [
  'sldMasterIdLst',
  'notesMasterIdLst',
  'handoutMasterIdLst',
  'sldIdLst',
  'sldSz',
  'notesSz',
  'smartTags',
  'embeddedFontLst',
  'custShowLst',
  'photoAlbum',
  'custDataLst',
  'kinsoku',
  'defaultTextStyle',
  'modifyVerifier',
  'extLst',
];

/** A run's properties' children in the schema's order (CT_TextCharacterProperties). */
const RUN_PROPS = [
  'ln',
  'noFill',
  'solidFill',
  'gradFill',
  'blipFill',
  'pattFill',
  'grpFill',
  'effectLst',
  'effectDag',
  'highlight',
  'uLnTx',
  'uLn',
  'uFillTx',
  'uFill',
  'latin',
  'ea',
  'cs',
  'sym',
  'hlinkClick',
  'hlinkMouseOver',
  'rtl',
  'extLst',
];

/** What PowerPoint caches in a master's or layout's slide-number field: a mark, not a number. */
const NUMBER_MARK = '‹#›';

/**
 * pptxgenjs writes `notesMasterIdLst` after `sldIdLst` (the validator's one error on its
 * files); the schema wants it right after the slide masters.
 */
export async function inSchemaOrder(parts: PartDocuments): Promise<void> {
  await parts.edit(
    (n) => n === 'ppt/presentation.xml',
    (doc) => {
      const root = doc.documentElement!;
      for (const list of kids(root, 'p', 'notesMasterIdLst')) {
        root.removeChild(list);
        insertInOrder(root, list, PRESENTATION);
      }
    },
  );
}

const TEXT_PART =
  /^ppt\/(slides\/slide|slideLayouts\/slideLayout|slideMasters\/slideMaster|notesSlides\/notesSlide|notesMasters\/notesMaster)\d+\.xml$/;

/**
 * Every run in the deck's language with its Latin, East Asian and complex-script faces named
 * (`font` where pptxgenjs named none; code's East Asian face is `eastAsian`, since a monospace
 * face has no Chinese), and the slide-number field of masters and layouts caching PowerPoint's
 * mark instead of pptxgenjs's "null".
 */
export async function finishText(
  parts: PartDocuments,
  lang: string,
  font: string,
  codeFont?: string,
): Promise<void> {
  await parts.edit(
    (n) => TEXT_PART.test(n),
    (doc, name) => {
      for (const run of [...all(doc, 'a', 'r'), ...all(doc, 'a', 'fld')])
        runFaces(doc, run, lang, font, codeFont);
      for (const end of all(doc, 'a', 'endParaRPr')) end.setAttribute('lang', lang);
      for (const def of all(doc, 'a', 'defRPr')) if (def.hasAttribute('lang')) def.setAttribute('lang', lang);
      if (/slideLayout|slideMaster/.test(name))
        for (const field of all(doc, 'a', 'fld').filter((f) => f.getAttribute('type') === 'slidenum'))
          for (const t of kids(field, 'a', 't')) t.textContent = NUMBER_MARK;
    },
  );
}

function runFaces(doc: Document, run: Element, lang: string, font: string, codeFont?: string): void {
  let props = kids(run, 'a', 'rPr')[0];
  if (!props) {
    props = make(doc, 'a', 'rPr');
    run.insertBefore(props, run.firstChild);
  }
  props.setAttribute('lang', lang);
  if (props.getAttribute('altLang') === lang) props.removeAttribute('altLang');
  const latin = kids(props, 'a', 'latin')[0]?.getAttribute('typeface') || font;
  for (const face of ['latin', 'ea', 'cs'] as const) {
    let el = kids(props, 'a', face)[0];
    if (!el) {
      el = make(doc, 'a', face, { typeface: face === 'cs' ? latin : face === 'ea' ? font : latin });
      insertInOrder(props, el, RUN_PROPS);
    }
    if (face === 'ea' && codeFont && el.getAttribute('typeface') === codeFont) {
      el.setAttribute('typeface', font);
      el.setAttribute('pitchFamily', '34');
      el.setAttribute('charset', '-122');
    }
  }
}
