// Marp's directives by kind, as Marpit and marp-core define them: the keys deck.md may set for
// the whole deck, and the ones Marpit reads loosely (a value such as `CS571 | Lecture 08: React 2`
// is a string, not a YAML error).

/** Directives that hold for the whole deck (Marpit's globals and marp-core's metadata). */
export const MARP_GLOBAL_DIRECTIVES = [
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'lang',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
] as const;

/** Directives that hold for a slide and the ones after it (front matter: every slide). */
export const MARP_LOCAL_DIRECTIVES = [
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  // marp-cli's bespoke HTML reads it as a local directive.
  'transition',
] as const;

/** Every key a Marp file's front matter may hold, `marp: true` included. */
export const MARP_DIRECTIVES: readonly string[] = [
  'marp',
  ...MARP_GLOBAL_DIRECTIVES,
  ...MARP_LOCAL_DIRECTIVES,
];

/**
 * A directive's value as Marpit reads it: Marpit parses directives with YAML's failsafe schema,
 * so every scalar is a string (`paginate: true` is "true"), and a list is a list of strings.
 */
export function directiveText(value: unknown): string | string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return undefined;
  return String(value);
}

/**
 * The heading levels a `headingDivider` value starts slides at, as Marpit reads it: `2` is
 * levels 1 and 2, a list is those levels; anything else (`false`, a typo) is none. `undefined`
 * when the value is not one Marpit accepts, so validation can say so.
 */
export function headingLevels(value: unknown): number[] | undefined {
  const text = directiveText(value);
  if (text === undefined) return [];
  if (Array.isArray(text)) {
    const levels = text.map((v) => Number.parseInt(v, 10));
    return levels.every((l) => l >= 1 && l <= 6) ? [...new Set(levels)].sort() : undefined;
  }
  if (text === 'false') return [];
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? Array.from({ length: n }, (_, i) => i + 1) : undefined;
}
