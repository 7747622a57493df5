// What lectern reads of a company's PowerPoint template (deck.md `pptxTemplate:`): its layouts
// by what they hold, its theme's colours and fonts, its slide size, and the bytes the editable
// PPTX is grafted onto (graft-template.ts).

/** A placeholder of a layout: its type (`obj` when the part names none, as the schema says) and index. */
export interface LayoutPlaceholder {
  type: string;
  idx?: string;
  /** Where it lies in EMU: its own `a:xfrm`, else its master's placeholder of that kind. */
  box?: Box;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TemplateLayout {
  /** The layout's name in the template (`p:cSld/@name`), as PowerPoint shows it. */
  name: string;
  /** Its part, `ppt/slideLayouts/slideLayout3.xml`. */
  part: string;
  /** The layout's own type (`p:sldLayout/@type`: title, secHead, twoObj, …), a hint PowerPoint writes. */
  type?: string;
  /** Its slide master's part. */
  master: string;
  placeholders: LayoutPlaceholder[];
}

export interface TemplateTheme {
  /** dk1, lt1, dk2, lt2, accent1 … accent6, hlink, folHlink as six hex digits, upper case. */
  colours: Record<string, string>;
  /** The major (headings) and minor (body) fonts: Latin and East Asian faces. */
  major: { latin?: string; ea?: string };
  minor: { latin?: string; ea?: string };
}

/** The picture a template's master (or title layout) carries as its logo. */
export interface TemplateLogo {
  /** Its part in the template, `ppt/media/image3.png`. */
  part: string;
  mime: string;
  bytes: Buffer;
}

/**
 * The key the template's logo has among the deck's pictures (`LoadedDeck.assets`, whose other
 * keys are absolute paths): the template as deck.md names it, and the part inside it.
 */
export const templateLogoKey = (file: string, logo: TemplateLogo) => `${file}#${logo.part}`;

export interface PptxTemplate {
  /** The file as deck.md names it, and the line that names it. */
  file: string;
  line: number;
  bytes: Buffer;
  /** The presentation part, `ppt/presentation.xml`. */
  presentation: string;
  /** Slide masters' parts in the presentation's order, each layout in its master's order. */
  masters: string[];
  layouts: TemplateLayout[];
  theme: TemplateTheme;
  /** The slide size in EMU. */
  size: { cx: number; cy: number };
  logo?: TemplateLogo;
}

/** Roles a placeholder plays for lectern: the title (`title` or `ctrTitle`), a subtitle, a body. */
export const TITLE_TYPES = ['title', 'ctrTitle'];
export const BODY_TYPES = ['body', 'obj'];

export const hasType = (l: TemplateLayout, types: readonly string[]) =>
  l.placeholders.some((p) => types.includes(p.type));
export const countType = (l: TemplateLayout, types: readonly string[]) =>
  l.placeholders.filter((p) => types.includes(p.type)).length;
