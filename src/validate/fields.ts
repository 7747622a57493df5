import { LABEL_PLACEHOLDERS, unknownPlaceholders, type LabelKey } from '../core/label-overrides.js';
import { withoutControlChars } from '../load/control-chars.js';

/** The front matter each kind of file accepts, and how to read a value as its type. */
export type FieldType =
  | 'text'
  | 'notes'
  | 'positive-number'
  | 'chapter-count'
  | 'brand'
  | 'size'
  | 'web-address'
  | 'percent'
  | 'clock-time'
  | 'handout'
  | 'labels'
  | 'template';

export const DECK_FIELDS: Record<string, FieldType> = {
  title: 'text',
  subtitle: 'text',
  presenter: 'text',
  date: 'text',
  organization: 'text',
  lang: 'text',
  theme: 'text',
  name: 'text',
  chapters: 'chapter-count',
  duration: 'positive-number',
  closing: 'notes',
  brand: 'brand',
  size: 'size',
  agendaNotes: 'notes',
  closingNotes: 'notes',
  feedback: 'web-address',
  materials: 'web-address',
  masteryScore: 'percent',
  handout: 'handout',
  labels: 'labels',
  start: 'clock-time',
  // Checked when the deck is read (load/pptx-template.ts) and in template-rules.ts.
  pptxTemplate: 'template',
  pptxLayouts: 'template',
};

/** The handout's slides a page (6 has no note lines) and the generated slides it may keep. */
export const HANDOUT_PER_PAGE = [1, 2, 3, 6] as const;
export const HANDOUT_EXTRAS = ['title', 'agenda'] as const;
export type HandoutExtra = (typeof HANDOUT_EXTRAS)[number];

export const CHAPTER_FIELDS: Record<string, FieldType> = {
  title: 'text',
  subtitle: 'text',
  minutes: 'positive-number',
  notes: 'notes',
};

/**
 * The longest text a front-matter field takes, in characters: a title or a name is a line on a
 * slide, notes are what a trainer says. A 100,000-character title made the PPTX measurement time out.
 */
export const TEXT_LIMITS = { text: 300, notes: 10_000 } as const;

/**
 * Marp's own directives, accepted and ignored in chapter front matter so a chapter file can
 * say `marp: true` and `theme: corporate` for the Marp for VS Code preview.
 */
export const MARP_PREVIEW_KEYS = [
  'marp',
  'theme',
  'paginate',
  'size',
  'class',
  'header',
  'footer',
  'style',
  'math',
  'headingDivider',
  'lang',
];

export const BRAND_FIELDS = ['primary', 'accent', 'logo', 'organization'] as const;

/** Colours go into the theme's CSS, so only plain colour syntax is let through. */
export const CSS_COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|hsl)a?\(\s*[\d.%,\s/]+\))$/;

/** Reads a value as text: YAML turns `date: 2026-12-01` into a Date and `presenter: 007` into a number. */
export function asText(v: unknown): string | undefined {
  // YAML escapes ("\v", "\uD800") can spell characters no output format may hold.
  if (typeof v === 'string') {
    const text = withoutControlChars(v).trim();
    return text === '' ? undefined : text;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

/** The reason a text value is too long for its field, or null. */
export function lengthError(type: FieldType, v: unknown): string | null {
  if ((type !== 'text' && type !== 'notes') || typeof v !== 'string') return null;
  const length = [...v].length;
  return length > TEXT_LIMITS[type]
    ? `is ${length.toLocaleString('en')} characters long (at most ${TEXT_LIMITS[type].toLocaleString('en')})`
    : null;
}

/** The reason a value does not fit its type, or null when it does. */
export function typeError(type: FieldType, v: unknown): string | null {
  switch (type) {
    case 'text':
    case 'notes':
      return asText(v) === undefined && v !== null && v !== '' ? `must be text, not ${describe(v)}` : null;
    case 'positive-number':
      return typeof v === 'number' && Number.isFinite(v) && v > 0
        ? null
        : `must be a positive number of minutes, not ${describe(v)}`;
    case 'chapter-count':
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 98
        ? null
        : `must be a whole number from 1 to 98, not ${describe(v)}`;
    case 'size':
      return v === '16:9' || v === '4:3' ? null : `must be "16:9" or "4:3", not ${describe(v)}`;
    case 'brand':
      return v !== null && typeof v === 'object' && !Array.isArray(v)
        ? null
        : `must be a mapping with primary, accent, logo, organization`;
    case 'percent':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100
        ? null
        : `must be a percentage from 0 to 100, not ${describe(v)}`;
    case 'web-address':
      return webAddress(v) ? null : `must be an http:// or https:// address, not ${describe(v)}`;
    case 'clock-time':
      return clockMinutes(v) === undefined
        ? `must be a time of day from 00:00 to 23:59, not ${describe(v)}`
        : null;
    case 'handout':
      return handoutError(v);
    case 'labels':
      return labelsError(v);
    case 'template':
      return null;
  }
}

/** What is wrong with deck.md `handout:` ({ perPage, include }), or null. */
function handoutError(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `must be a mapping with perPage and include, not ${describe(v)}`;
  const { perPage, include, ...rest } = v as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return `has an unknown key "${unknown}" (it takes perPage and include)`;
  if (perPage !== undefined && !(HANDOUT_PER_PAGE as readonly unknown[]).includes(perPage))
    return `perPage must be ${HANDOUT_PER_PAGE.join(', ')}, not ${describe(perPage)}`;
  if (include === undefined) return null;
  const items: unknown[] = Array.isArray(include) ? include : [include];
  const bad = items.find((i) => !(HANDOUT_EXTRAS as readonly unknown[]).includes(i));
  return bad === undefined ? null : `include takes ${HANDOUT_EXTRAS.join(' and ')}, not ${describe(bad)}`;
}

/** What is wrong with deck.md `labels:` (words lectern writes, reworded), or null. */
function labelsError(v: unknown): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `must be a mapping of labels to words, not ${describe(v)}`;
  for (const [key, value] of Object.entries(v)) {
    if (!(key in LABEL_PLACEHOLDERS))
      return `has an unknown label "${key}" (it takes ${Object.keys(LABEL_PLACEHOLDERS).join(', ')})`;
    if (value !== null && value !== '' && asText(value) === undefined)
      return `${key} must be text, not ${describe(value)}`;
    const known: readonly string[] = LABEL_PLACEHOLDERS[key as LabelKey];
    const stray = unknownPlaceholders(key as LabelKey, asText(value) ?? '')[0];
    if (stray !== undefined)
      return `${key} has {${stray}}, which it cannot fill (${known.length ? known.map((k) => `{${k}}`).join(', ') : 'it takes no placeholder'})`;
  }
  return null;
}

/**
 * deck.md `start: "09:00"` as minutes after midnight, or undefined when it is no time of day.
 * The value is one short token, hours and minutes, read by splitting at its colon; YAML 1.2
 * reads an unquoted `09:00` as that text too (1.1 would have read it as the number 540).
 */
export function clockMinutes(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const parts = v.trim().split(':');
  if (parts.length !== 2) return undefined;
  const [h, m] = parts as [string, string];
  const digits = (s: string, min: number, max: number) =>
    s.length >= min && s.length <= max && [...s].every((c) => c >= '0' && c <= '9');
  if (!digits(h, 1, 2) || !digits(m, 2, 2)) return undefined;
  const hours = Number(h);
  const minutes = Number(m);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

/** A QR code on the closing slide leads a phone to this address: only web pages, nothing a phone would run or dial. */
export function webAddress(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const url = new URL(v.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
