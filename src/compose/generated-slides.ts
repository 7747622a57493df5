import type { ChapterModel, DeckModel } from '../validate/deck-model.js';
import { plannedMinutes } from '../validate/deck-model.js';
import type { Labels } from '../core/labels.js';
import { escapeMarkdown, notesComment } from './markdown-text.js';
import { closingCodes, qrStyle } from './closing-codes.js';

// The slides lectern writes itself: title, agenda, a divider per chapter and the closing slide.

/**
 * A generated slide's own directives: its layout (with the deck's `class` in effect, as Marp
 * would give it), no page number, no footer, and no header when the deck writes its own.
 */
const generated = (cls: string, deck: DeckModel, inherited = deck.directives.class ?? '') => [
  `<!-- _class: ${[cls, inherited].filter(Boolean).join(' ')} -->`,
  '<!-- _paginate: false -->',
  '<!-- _footer: "" -->',
  ...(deck.ownsHeader ? ['<!-- _header: "" -->'] : []),
];

export function titleSlide(deck: DeckModel, t: Labels) {
  const meta = [
    deck.presenter && `${t.presenter}：${escapeMarkdown(deck.presenter)}`,
    deck.date && `${t.date}：${escapeMarkdown(deck.date)}`,
  ].filter(Boolean);
  const body = [
    ...generated('title', deck),
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

export function agendaSlide(deck: DeckModel, t: Labels) {
  const course = deck.course ?? deck.chapters;
  const items = course.map(
    (c) => `- **${c.label}** ${escapeMarkdown(c.title)}${c.minutes ? ` *${t.minutes(c.minutes)}*` : ''}`,
  );
  const total = plannedMinutes(course);
  const session = plannedMinutes(deck.chapters);
  const columns = course.length > 5 ? 'agenda two-columns' : 'agenda';
  const body = [
    ...generated(columns, deck),
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

export function dividerSlide(deck: DeckModel, c: ChapterModel, t: Labels, inherited?: string) {
  const notes = [c.notes, c.minutes ? t.plannedMinutes(c.minutes) : ''].filter(Boolean).join('\n\n');
  const body = [
    ...generated('divider', deck, inherited),
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

export function closingSlide(deck: DeckModel, t: Labels, inherited?: string) {
  const codes = closingCodes(deck, t);
  const body = [
    ...generated('closing', deck, inherited),
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

export function chapterRef(c: ChapterModel) {
  return { label: c.label, title: c.title, minutes: c.minutes, isReview: c.isReview };
}
