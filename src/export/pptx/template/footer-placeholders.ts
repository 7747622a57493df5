import { deckFooter, type SlideInfo } from '../../../compose/compose-deck.js';
import type { TemplateLayout } from '../../../load/template/template-model.js';
import type { DeckModel } from '../../../validate/deck-model.js';
import type { XmlElement } from '../xml-tree.js';
import { escapeXml as escape, placeholderXmlShape } from './placeholder-shapes.js';

// The template's footer, date and slide-number placeholders on lectern's content slides, where
// the HTML shows a footer and a page number: PowerPoint draws a layout's `ftr`, `dt` and
// `sldNum` only on slides that hold a placeholder of that kind, so without these the template's
// own footer line, date and number (in its place, face and colour) never appear. The date is
// the deck's `date:`, where it has one. Generated slides (title, agenda, dividers, closing) show
// none of them, as in the HTML.

/** PowerPoint's field id for a slide number (any GUID will do; PowerPoint writes this one). */
const SLIDE_NUMBER_FIELD = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';

/** The footer, date and slide-number shapes slide `number` (1-based) gets on `layout`, ids from `firstId`. */
export function footerShapes(
  info: SlideInfo,
  number: number,
  layout: TemplateLayout,
  deck: DeckModel,
  firstId: number,
): XmlElement[] {
  if (info.kind !== 'content') return [];
  const lang = escape(deck.lang);
  const out: XmlElement[] = [];
  const footer = deckFooter(deck)?.text;
  const ftr = layout.placeholders.find((p) => p.type === 'ftr');
  if (ftr && footer)
    out.push(
      placeholderXmlShape(
        ftr,
        firstId + out.length,
        'Footer',
        `<a:p><a:r><a:rPr lang="${lang}"/><a:t>${escape(footer)}</a:t></a:r></a:p>`,
      ),
    );
  // The deck's date, as written in deck.md (a fixed date, not PowerPoint's date field, which
  // would show the day the file is opened).
  const dt = layout.placeholders.find((p) => p.type === 'dt');
  if (dt && deck.date)
    out.push(
      placeholderXmlShape(
        dt,
        firstId + out.length,
        'Date',
        `<a:p><a:r><a:rPr lang="${lang}"/><a:t>${escape(deck.date)}</a:t></a:r></a:p>`,
      ),
    );
  const sldNum = layout.placeholders.find((p) => p.type === 'sldNum');
  if (sldNum && deck.directives.paginate !== 'false')
    out.push(
      placeholderXmlShape(
        sldNum,
        firstId + out.length,
        'Slide Number',
        `<a:p><a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="${lang}"/><a:t>${number}</a:t></a:fld></a:p>`,
      ),
    );
  return out;
}
