import { plannedMinutes, type ChapterModel, type DeckModel } from '../deck-model.js';
import { resolve } from 'node:path';
import { normalizeImageSrc } from '../load/load-images.js';
import type { SourceSlide } from '../load/split-slides.js';
import { labelsFor, type Labels } from './labels.js';
import { directiveValue, escapeMarkdown, notesComment } from './markdown-text.js';
import { explicitClass, layoutClass, withoutCheckboxes } from './slide-layout.js';
import { DECK_THEME } from '../theme/deck-theme.js';
import { closingCodes, qrStyle } from './closing-codes.js';

export type SlideKind = 'title' | 'agenda' | 'divider' | 'content' | 'closing';

/** What lectern knows of each slide of the composed deck, in order. */
export interface SlideInfo {
  kind: SlideKind;
  /** The chapter a divider or content slide belongs to. */
  chapter?: { label: string; title: string; minutes?: number; isReview: boolean };
  /** The source the slide comes from, for file:line messages. */
  file: string;
  line: number;
  /** The slide's first heading, or the generated title. */
  heading?: string;
  notes: string;
  /** A content slide's own markdown, images embedded, directives and notes included. */
  body?: string;
  /** A content slide's time box (`<!-- minutes: 10 -->`), for exercises and role-plays. */
  minutes?: number;
  /** A content slide's theme layout: its explicit `_class` or the one its shape chose. */
  layout?: string;
}

export interface ComposedDeck {
  markdown: string;
  slides: SlideInfo[];
  /** The markdown as its front matter and one part per slide (joined by `---`), to find where Marp disagrees. */
  parts?: { head: string; slides: string[] };
}

/** Builds the whole Marp markdown: title, agenda, a divider before each chapter, the chapters, closing. Pure. */
export function composeDeck(deck: DeckModel): ComposedDeck {
  const t = labelsFor(deck.lang);
  const parts: { markdown: string; info: SlideInfo }[] = [
    titleSlide(deck, t),
    agendaSlide(deck, t),
    ...deck.chapters.flatMap((c) => [
      dividerSlide(deck, c, t),
      ...c.slides.map((s) => contentSlide(deck, c, s, t)),
    ]),
    closingSlide(deck, t),
  ];
  return {
    markdown: [frontMatter(deck), parts.map((p) => p.markdown).join('\n\n---\n\n')].join('\n'),
    slides: parts.map((p) => p.info),
    parts: { head: frontMatter(deck), slides: parts.map((p) => p.markdown) },
  };
}

function frontMatter(deck: DeckModel): string {
  const lines = [
    '---',
    'marp: true',
    `theme: ${DECK_THEME}`,
    `lang: ${JSON.stringify(deck.lang)}`,
    `title: ${JSON.stringify(deck.title)}`,
    deck.presenter ? `author: ${JSON.stringify(deck.presenter)}` : '',
    deck.size === '4:3' ? 'size: "4:3"' : '',
    'paginate: true',
    `footer: ${directiveValue(deck.title)}`,
    '---',
    '',
  ];
  return lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n');
}

const generated = (cls: string) => [
  `<!-- _class: ${cls} -->`,
  '<!-- _paginate: false -->',
  '<!-- _footer: "" -->',
];

function titleSlide(deck: DeckModel, t: Labels) {
  const meta = [
    deck.presenter && `${t.presenter}：${escapeMarkdown(deck.presenter)}`,
    deck.date && `${t.date}：${escapeMarkdown(deck.date)}`,
  ].filter(Boolean);
  const body = [
    ...generated('title'),
    '',
    `# ${escapeMarkdown(deck.title)}`,
    deck.subtitle ? `\n## ${escapeMarkdown(deck.subtitle)}` : '',
    meta.length ? `\n${meta.join('　　')}` : '',
    deck.organization ? `\n${escapeMarkdown(deck.organization)}` : '',
    '',
    notesComment(deck.titleNotes.join('\n\n')),
  ];
  return {
    markdown: body.filter((l) => l !== '').join('\n'),
    info: {
      kind: 'title' as const,
      file: deck.deckFile,
      line: 1,
      heading: deck.title,
      notes: deck.titleNotes.join('\n\n'),
    },
  };
}

function agendaSlide(deck: DeckModel, t: Labels) {
  const course = deck.course ?? deck.chapters;
  const items = course.map(
    (c) => `- **${c.label}** ${escapeMarkdown(c.title)}${c.minutes ? ` *${t.minutes(c.minutes)}*` : ''}`,
  );
  const total = plannedMinutes(course);
  const session = plannedMinutes(deck.chapters);
  const columns = course.length > 5 ? 'agenda two-columns' : 'agenda';
  const body = [
    ...generated(columns),
    ...(deck.course ? [sessionHighlight(course, deck.chapters)] : []),
    '',
    `# ${t.agenda}`,
    '',
    `###### ${t.agendaKicker}`,
    '',
    ...items,
    total > 0 ? `\n${deck.course ? t.sessionTotal(session, total) : t.total(total)}` : '',
    '',
    notesComment(deck.agendaNotes ?? ''),
  ];
  return {
    markdown: body.join('\n').trim(),
    info: {
      kind: 'agenda' as const,
      file: deck.deckFile,
      line: 1,
      heading: t.agenda,
      notes: deck.agendaNotes ?? '',
    },
  };
}

/**
 * A part-day session's agenda shows the whole course; the chapters of this session keep full
 * strength and the others fade. A style scoped to this one slide: the theme stays as it is.
 */
function sessionHighlight(course: ChapterModel[], chosen: ChapterModel[]): string {
  const faded = course.flatMap((c, i) => (chosen.includes(c) ? [] : [`li:nth-child(${i + 1})`]));
  return faded.length ? `<style scoped>${faded.join(', ')} { opacity: 0.3; }</style>` : '';
}

function dividerSlide(deck: DeckModel, c: ChapterModel, t: Labels) {
  const notes = [c.notes, c.minutes ? t.plannedMinutes(c.minutes) : ''].filter(Boolean).join('\n\n');
  const body = [
    ...generated('divider'),
    '',
    `# ${c.label}`,
    '',
    `###### ${t.chapter}`,
    '',
    `## ${escapeMarkdown(c.title)}`,
    c.subtitle ? `\n${escapeMarkdown(c.subtitle)}` : '',
    '',
    notesComment(notes),
  ];
  return {
    markdown: body.join('\n').trim(),
    info: {
      kind: 'divider' as const,
      chapter: chapterRef(c),
      file: c.file,
      line: 1,
      heading: c.title,
      notes,
    },
  };
}

function contentSlide(deck: DeckModel, c: ChapterModel, s: SourceSlide, t: Labels) {
  const cls = layoutClass(s.markdown);
  const layout = cls ?? explicitClass(s.markdown);
  const head = [
    cls ? `<!-- _class: ${cls} -->` : '',
    `<!-- _header: ${directiveValue(`${c.label} · ${c.title}`)} -->`,
  ].filter(Boolean);
  const minutes = s.minutes ? Number(s.minutes.value) : undefined;
  // The time box is lectern's setting, a directive to Marp (not a note): it is shown as the
  // slide's last line, which the exercise and role-play layouts pin top right.
  let body = cls === 'checklist' ? withoutCheckboxes(embedImages(deck, s)) : embedImages(deck, s);
  if (minutes) {
    const kind = layout?.split(/\s+/).includes('roleplay') ? 'roleplay' : 'exercise';
    body = `${body.trimEnd()}\n\n###### ${t.timeBox(kind, minutes)}`;
  }
  return {
    markdown: [...head, '', body].join('\n'),
    info: {
      kind: 'content' as const,
      chapter: chapterRef(c),
      file: c.file,
      line: s.line,
      heading: s.headings[0],
      notes: s.notes.join('\n\n'),
      body,
      layout,
      ...(minutes ? { minutes } : {}),
    },
  };
}

function closingSlide(deck: DeckModel, t: Labels) {
  const codes = closingCodes(deck, t);
  const body = [
    ...generated('closing'),
    '',
    `# ${escapeMarkdown(deck.closing)}`,
    '',
    `## ${escapeMarkdown(deck.title)}`,
    deck.organization ? `\n${escapeMarkdown(deck.organization)}` : '',
    codes.length
      ? `\n${qrStyle(codes.map((c) => c.url))}\n\n${codes.map((c) => `- ${c.caption}`).join('\n')}`
      : '',
    '',
    notesComment(deck.closingNotes ?? ''),
  ];
  return {
    markdown: body.join('\n').trim(),
    info: {
      kind: 'closing' as const,
      file: deck.deckFile,
      line: 1,
      heading: deck.closing,
      notes: deck.closingNotes ?? '',
    },
  };
}

function chapterRef(c: ChapterModel) {
  return { label: c.label, title: c.title, minutes: c.minutes, isReview: c.isReview };
}

/**
 * Replaces each local image link with a data: URI so every output is one self-contained file:
 * the link as written (`img.written`, `<my pic.png>`, `%E6…` or `流程.png`), in a markdown image or
 * a quoted `src`.
 */
function embedImages(deck: DeckModel, s: SourceSlide): string {
  let md = s.markdown;
  for (const img of s.images) {
    const asset = deck.assets.get(resolve(deck.dir, normalizeImageSrc(img.src)));
    if (!asset) continue;
    const uri = `data:${asset.mime};base64,${asset.bytes.toString('base64')}`;
    const written = img.written ?? img.src;
    md = md
      .split(`(${written}`)
      .join(`(${uri}`)
      .split(`"${written}"`)
      .join(`"${uri}"`)
      .split(`'${written}'`)
      .join(`'${uri}'`);
  }
  return md;
}
