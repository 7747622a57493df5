import type { ChapterModel, DeckModel } from '../validate/deck-model.js';
import { plannedMinutes } from '../validate/deck-model.js';
import type { Labels } from '../core/labels.js';
import { escapeMarkdown, notesComment } from './markdown-text.js';
import { closingCodes, qrStyle } from './closing-codes.js';
import { agendaPages, titleEm } from './agenda-pages.js';

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

/**
 * A generated slide's big line keeps its size while it wraps to a few lines, then steps down
 * (the theme's `fit-1`, `fit-2`): a long course title stays on the slide instead of running off
 * it. Widths are the slides' text widths in px, sizes the theme's font sizes.
 */
interface Fit {
  width: Record<'16:9' | '4:3', number>;
  sizes: [number, number, number];
  lines: number;
}
const TITLE_FIT: Fit = { width: { '16:9': 1090, '4:3': 770 }, sizes: [72, 56, 44], lines: 2 };
const DIVIDER_FIT: Fit = { width: { '16:9': 1060, '4:3': 740 }, sizes: [60, 48, 40], lines: 2 };
const CLOSING_FIT: Fit = { width: { '16:9': 1120, '4:3': 800 }, sizes: [96, 64, 48], lines: 1 };

function fitClass(text: string, size: '16:9' | '4:3', fit: Fit): string {
  const em = titleEm(text);
  const step = fit.sizes.findIndex((px) => Math.ceil((em * px) / fit.width[size]) <= fit.lines);
  if (step === 0) return '';
  return ` fit-${step === -1 ? 2 : step}`;
}

export function titleSlide(deck: DeckModel, t: Labels) {
  const meta = [
    deck.presenter && t.field(t.presenter, escapeMarkdown(deck.presenter)),
    deck.date && t.field(t.date, escapeMarkdown(deck.date)),
  ].filter(Boolean);
  const body = [
    ...generated(`title${fitClass(deck.title, deck.size, TITLE_FIT)}`, deck),
    '',
    `# ${escapeMarkdown(deck.title)}`,
    deck.subtitle ? `\n## ${escapeMarkdown(deck.subtitle)}` : '',
    meta.length ? `\n${meta.join(t.fieldGap)}` : '',
    deck.organization ? `\n${escapeMarkdown(deck.organization)}` : '',
    '',
    notesComment(deck.titleNotes.join('\n\n')),
  ];
  return {
    markdown: body.filter((l) => l !== '').join('\n'),
    info: {
      kind: 'title' as const,
      file: deck.deckFile,
      line: deck.keyLines.title ?? 1,
      generatedFrom: '`title:` in deck.md',
      heading: deck.title,
      notes: deck.titleNotes.join('\n\n'),
    },
  };
}

/**
 * The agenda: one slide, or several when the course has more rows than one slide holds (the
 * later ones titled 目录（续）, the total on the last). Each points at its longest chapter
 * title, the key that makes it long.
 */
export function agendaSlides(deck: DeckModel, t: Labels) {
  const course = deck.course ?? deck.chapters;
  const pages = agendaPages(course, deck.size);
  const total = plannedMinutes(course);
  const session = plannedMinutes(deck.chapters);
  return pages.map((page, p) => {
    const items = page.chapters.map(
      (c) => `- **${c.label}** ${escapeMarkdown(c.title)}${c.minutes ? ` *${t.minutes(c.minutes)}*` : ''}`,
    );
    const last = p === pages.length - 1;
    const body = [
      ...generated(page.columns === 2 ? 'agenda two-columns' : 'agenda', deck),
      ...(deck.course ? [sessionHighlight(page.chapters, deck.chapters)] : []),
      '',
      `# ${p === 0 ? t.agenda : t.agendaContinued}`,
      '',
      t.agendaKicker ? `###### ${escapeMarkdown(t.agendaKicker)}\n` : '',
      ...items,
      last && total > 0 ? `\n${deck.course ? t.sessionTotal(session, total) : t.total(total)}` : '',
      '',
      p === 0 ? notesComment(deck.agendaNotes ?? '') : '',
    ];
    const longest = page.chapters.reduce((a, b) => (titleEm(b.title) > titleEm(a.title) ? b : a));
    return {
      markdown: body.join('\n').trim(),
      info: {
        kind: 'agenda' as const,
        file: longest.file,
        line: longest.keyLines.title ?? 1,
        heading: p === 0 ? t.agenda : t.agendaContinued,
        notes: p === 0 ? (deck.agendaNotes ?? '') : '',
        generatedFrom: 'the chapter titles on the agenda',
      },
    };
  });
}

/**
 * A part-day session's agenda shows the whole course; the chapters of this session keep full
 * strength and the others fade. A style scoped to this one slide: the theme stays as it is.
 */
function sessionHighlight(shown: ChapterModel[], chosen: ChapterModel[]): string {
  const faded = shown.flatMap((c, i) => (chosen.includes(c) ? [] : [`li:nth-child(${i + 1})`]));
  return faded.length ? `<style scoped>${faded.join(', ')} { opacity: 0.3; }</style>` : '';
}

export function dividerSlide(deck: DeckModel, c: ChapterModel, t: Labels, inherited?: string) {
  const notes = [c.notes, c.minutes ? t.plannedMinutes(c.minutes) : ''].filter(Boolean).join('\n\n');
  const body = [
    ...generated(`divider${fitClass(c.title, deck.size, DIVIDER_FIT)}`, deck, inherited),
    '',
    `# ${c.label}`,
    '',
    t.chapter(c.number) ? `###### ${escapeMarkdown(t.chapter(c.number))}\n` : '',
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
      line: c.keyLines.title ?? 1,
      generatedFrom: "the chapter's `title:`",
      heading: c.title,
      notes,
    },
  };
}

export function closingSlide(deck: DeckModel, t: Labels, inherited?: string) {
  const codes = closingCodes(deck, t);
  const body = [
    ...generated(`closing${fitClass(deck.closing, deck.size, CLOSING_FIT)}`, deck, inherited),
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
      line: deck.keyLines.closing ?? deck.keyLines.title ?? 1,
      generatedFrom: deck.keyLines.closing ? '`closing:` in deck.md' : '`title:` in deck.md',
      heading: deck.closing,
      notes: deck.closingNotes ?? '',
    },
  };
}

export function chapterRef(c: ChapterModel) {
  return { label: c.label, title: c.title, minutes: c.minutes, isReview: c.isReview };
}
