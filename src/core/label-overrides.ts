import { labelsFor, type Labels } from './labels.js';

// deck.md `labels:` rewords what lectern writes: `chapter: "Part {n}"`, `agendaKicker: CATALOGUE`
// (a zh-CN deck shows none unless asked). A label that depends on a number is a template of
// its placeholders; the others are plain text, and an empty one is left out where it can be.

/** The labels a deck may reword, each with the placeholders its template takes. */
export const LABEL_PLACEHOLDERS = {
  agenda: [],
  agendaContinued: [],
  agendaKicker: [],
  chapter: ['n'],
  presenter: [],
  date: [],
  minutes: ['n'],
  total: ['n'],
  plannedMinutes: ['n'],
  pageOf: ['n', 'of'],
  slidePage: ['n', 'of'],
  script: [],
  noNotes: [],
  scanFeedback: [],
  scanMaterials: [],
} as const satisfies Partial<Record<keyof Labels, readonly string[]>>;

export type LabelKey = keyof typeof LABEL_PLACEHOLDERS;
export type LabelOverrides = Partial<Record<LabelKey, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** A template with its `{name}` placeholders filled; an unknown one stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The placeholders a template uses that its label does not take. */
export function unknownPlaceholders(key: LabelKey, template: string): string[] {
  const known: readonly string[] = LABEL_PLACEHOLDERS[key];
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name));
}

/** The deck's labels: its language's, with deck.md's rewording. */
export function deckLabels(deck: { lang: string; labels?: LabelOverrides }): Labels {
  const base = labelsFor(deck.lang);
  const own = deck.labels ?? {};
  const number = (key: 'chapter' | 'minutes' | 'total' | 'plannedMinutes') => {
    const template = own[key];
    return template === undefined ? base[key] : (n: number) => fill(template, { n });
  };
  return {
    ...base,
    ...(Object.fromEntries(
      Object.entries(own).filter(([key]) => LABEL_PLACEHOLDERS[key as LabelKey].length === 0),
    ) as Partial<Labels>),
    ...(own.pageOf !== undefined ? { pageOf: own.pageOf } : {}),
    ...(own.slidePage !== undefined ? { slidePage: own.slidePage } : {}),
    chapter: number('chapter'),
    // `chapter: "Part {n}"` rewords the chapter in a one-line divider heading too.
    chapterTitle:
      own.chapter === undefined
        ? base.chapterTitle
        : (n: number, title: string) => base.field(fill(own.chapter!, { n }), title),
    minutes: number('minutes'),
    total: number('total'),
    plannedMinutes: number('plannedMinutes'),
  };
}
