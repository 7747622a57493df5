import type { SlideInfo } from '../../../compose/composed-deck.js';
import type { DeckModel } from '../../../validate/deck-model.js';
import type { LayoutKind } from '../../../validate/template-rules.js';
import {
  BODY_TYPES,
  TITLE_TYPES,
  countType,
  hasType,
  type PptxTemplate,
  type TemplateLayout,
} from '../../../load/template/template-model.js';

// Which of the template's layouts each slide takes, chosen by the placeholders a layout holds,
// never by its name: a layout renamed 标题幻灯片 or Titelfolie is found as well as "Title Slide".
// `<!-- _pptxLayout: 名称 -->` on a slide, then deck.md `pptxLayouts:` for its kind, win.

/** The kind of slide a composed slide is, for the mapping (README: "Use your company's PowerPoint template"). */
export function layoutKind(info: SlideInfo): LayoutKind {
  if (info.kind !== 'content') return info.kind;
  if (info.layout === 'compare') return 'comparison';
  if (info.layout === 'split' || info.layout === 'figure') return 'picture';
  return 'content';
}

const only = (l: TemplateLayout, types: readonly string[]) =>
  l.placeholders
    .filter((p) => !['dt', 'ftr', 'sldNum', 'hdr'].includes(p.type))
    .every((p) => types.includes(p.type));

/** Ways to find each kind's layout, best first; each finds layouts by what they hold. */
const WANTS: Record<LayoutKind, ((l: TemplateLayout) => boolean)[]> = {
  title: [
    (l) => hasType(l, ['ctrTitle']) && hasType(l, ['subTitle']),
    (l) => hasType(l, TITLE_TYPES) && hasType(l, ['subTitle']),
  ],
  divider: [
    (l) =>
      hasType(l, ['title']) && l.placeholders.some((p) => p.type === 'body') && /secHead/.test(l.type ?? ''),
  ],
  agenda: [
    (l) => hasType(l, ['title']) && countType(l, BODY_TYPES) === 1 && only(l, ['title', ...BODY_TYPES]),
  ],
  content: [
    (l) => hasType(l, ['title']) && countType(l, BODY_TYPES) === 1 && only(l, ['title', ...BODY_TYPES]),
  ],
  comparison: [
    (l) => hasType(l, ['title']) && countType(l, BODY_TYPES) === 2 && only(l, ['title', ...BODY_TYPES]),
  ],
  picture: [(l) => hasType(l, ['title']) && hasType(l, ['pic'])],
  closing: [],
};

/** A layout with a title and nothing else to fill: where measured frames go. */
const titleOnly = (l: TemplateLayout) => hasType(l, ['title']) && only(l, ['title']);
const FALLBACK: Record<LayoutKind, LayoutKind | undefined> = {
  title: undefined,
  divider: undefined,
  agenda: 'content',
  content: undefined,
  comparison: 'content',
  picture: 'content',
  closing: undefined,
};

export function chooseLayout(template: PptxTemplate, kind: LayoutKind): TemplateLayout {
  // The first master's layouts are the template's own look; the others only when it lacks one.
  const first = template.layouts.filter((l) => l.master === template.masters[0]);
  for (const pool of [first, template.layouts]) {
    for (const want of WANTS[kind]) {
      const found = pool.find(want);
      if (found) return found;
    }
  }
  const next = FALLBACK[kind];
  if (next) return chooseLayout(template, next);
  return (
    first.find(titleOnly) ??
    template.layouts.find(titleOnly) ??
    first.find((l) => hasType(l, TITLE_TYPES)) ??
    template.layouts.find((l) => hasType(l, TITLE_TYPES))!
  );
}

/** Each slide's layout: its `_pptxLayout`, its kind's `pptxLayouts:` entry, else the one its kind wants. */
export function slideLayouts(deck: DeckModel, template: PptxTemplate, slides: SlideInfo[]): TemplateLayout[] {
  const byName = (name: string | undefined) =>
    name === undefined ? undefined : template.layouts.find((l) => l.name === name);
  const own = (info: SlideInfo) =>
    deck.chapters.find((c) => c.file === info.file)?.slides.find((s) => s.line === info.line)?.pptxLayout
      ?.value;
  return slides.map((info) => {
    const kind = layoutKind(info);
    return byName(own(info)) ?? byName(deck.pptxLayouts[kind]) ?? chooseLayout(template, kind);
  });
}
