import type { ChapterModel, DeckModel } from '../validate/deck-model.js';
import { resolve } from 'node:path';
import { normalizeImageSrc } from '../load/load-images.js';
import type { SourceSlide } from '../load/split-slides.js';
import { deckLabels } from '../core/label-overrides.js';
import type { Labels } from '../core/labels.js';
import { directiveValue, escapeMarkdown } from './markdown-text.js';
import { directiveOf, explicitClass, layoutClass, localClass, withoutCheckboxes } from './slide-layout.js';
import { backgroundImageUrls } from '../load/background-directive.js';
import { DECK_THEME } from '../theme/deck-theme.js';
import { agendaSlides, chapterRef, closingSlide, dividerSlide, titleSlide } from './generated-slides.js';
import type { ComposedDeck, SlideInfo } from './composed-deck.js';
import { quizBody, quizNotes, slideQuiz } from './quiz-slide.js';

export type { ComposedDeck, SlideInfo, SlideKind, SlideQuiz } from './composed-deck.js';

/** Builds the whole Marp markdown: title, agenda, a divider before each chapter, the chapters, closing. Pure. */
export function composeDeck(deck: DeckModel): ComposedDeck {
  const t = deckLabels(deck);
  // The `class` in effect, as Marp carries a local directive on to the slides after it: a
  // layout class lectern adds keeps it (a deck's `class: invert` stays on every slide).
  let inherited = deck.directives.class ?? '';
  // Likewise the deck's own header, for the outputs that draw it themselves (the editable PPTX).
  let header: string | undefined = deck.directives.header;
  const parts: { markdown: string; info: SlideInfo }[] = [titleSlide(deck, t), ...agendaSlides(deck, t)];
  for (const c of deck.chapters) {
    parts.push(dividerSlide(deck, c, t, inherited));
    for (const s of c.slides) {
      const sets = (name: string) => s.directives.some((d) => d.name === name);
      header = sets('header') ? directiveOf(s.markdown, 'header') : header;
      const shown = sets('_header') ? directiveOf(s.markdown, '_header') : header;
      const part = contentSlide(deck, c, s, t, inherited);
      parts.push({
        ...part,
        info: { ...part.info, header: deck.ownsHeader ? shown || undefined : part.info.header },
      });
      if (sets('class')) inherited = localClass(s.markdown) ?? inherited;
    }
  }
  parts.push(closingSlide(deck, t, inherited));
  return {
    markdown: [frontMatter(deck), parts.map((p) => p.markdown).join('\n\n---\n\n')].join('\n'),
    slides: parts.map((p) => p.info),
    parts: { head: frontMatter(deck), slides: parts.map((p) => p.markdown) },
  };
}

/**
 * The footer every content slide shows: deck.md's `footer:` (Marp's inline markdown), else the
 * deck title (plain text) unless some slide sets a footer of its own.
 */
export function deckFooter(deck: DeckModel): { text: string; isTitle: boolean } | undefined {
  if (deck.directives.footer !== undefined) return { text: deck.directives.footer, isTitle: false };
  return deck.ownsFooter ? undefined : { text: deck.title, isTitle: true };
}

/**
 * The composed deck's front matter: lectern's settings, then deck.md's Marp directives for every
 * slide, each value quoted (JSON is YAML) so Marpit reads it as the text deck.md gave. The page
 * number is on unless the deck says otherwise; the deck title is the footer only when the deck
 * sets no footer anywhere.
 */
function frontMatter(deck: DeckModel): string {
  const { paginate, footer: _footer, backgroundImage, ...rest } = deck.directives;
  const footer = deckFooter(deck);
  const ownFooter = footer && (footer.isTitle ? escapeMarkdown(footer.text) : footer.text);
  const directives = {
    ...rest,
    ...(backgroundImage === undefined ? {} : { backgroundImage: embedCssUrls(deck, backgroundImage) }),
    ...(ownFooter === undefined ? {} : { footer: ownFooter }),
  };
  const lines = [
    '---',
    'marp: true',
    `theme: ${DECK_THEME}`,
    `lang: ${JSON.stringify(deck.lang)}`,
    `title: ${JSON.stringify(deck.title)}`,
    deck.presenter ? `author: ${JSON.stringify(deck.presenter)}` : '',
    deck.size === '4:3' ? 'size: "4:3"' : '',
    `paginate: ${paginate === undefined ? 'true' : JSON.stringify(paginate)}`,
    ...Object.entries(directives).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
    '---',
    '',
  ];
  return lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n');
}

/** A CSS value with each url() of a deck file replaced by the file as a data: URI. */
function embedCssUrls(deck: DeckModel, value: string): string {
  let css = value;
  for (const url of backgroundImageUrls(value)) {
    const asset = deck.assets.get(resolve(deck.dir, normalizeImageSrc(url)));
    if (asset) css = css.split(url).join(`data:${asset.mime};base64,${asset.bytes.toString('base64')}`);
  }
  return css;
}

function contentSlide(deck: DeckModel, c: ChapterModel, s: SourceSlide, t: Labels, inherited: string) {
  const cls = layoutClass(s.markdown);
  const layout = cls ?? explicitClass(s.markdown);
  const head = [
    cls ? `<!-- _class: ${[cls, inherited].filter(Boolean).join(' ')} -->` : '',
    // The chapter in the header, unless the deck writes its own headers.
    deck.ownsHeader ? '' : `<!-- _header: ${directiveValue(`${c.label} · ${c.title}`)} -->`,
  ].filter(Boolean);
  const minutes = s.minutes ? Number(s.minutes.value) : undefined;
  // The time box is lectern's setting, a directive to Marp (not a note): it is shown as the
  // slide's last line, which the exercise and role-play layouts pin top right.
  let body = cls === 'checklist' ? withoutCheckboxes(embedImages(deck, s)) : embedImages(deck, s);
  const quiz = s.quiz ? slideQuiz(s.quiz) : undefined;
  if (s.quiz) body = quizBody(body, s.line, s.quiz, t);
  if (minutes) {
    const kind = layout?.split(/\s+/).includes('roleplay') ? 'roleplay' : 'exercise';
    body = `${body.trimEnd()}\n\n###### ${t.timeBox(kind, minutes)}`;
  }
  return {
    markdown: [...head, '', body].join('\n'),
    info: {
      kind: 'content' as const,
      chapter: chapterRef(c),
      header: `${c.label} · ${c.title}`,
      file: c.file,
      line: s.line,
      heading: s.headings[0],
      notes: [...s.notes, ...(quiz ? [quizNotes(quiz, t)] : [])].join('\n\n'),
      body,
      layout,
      ...(minutes ? { minutes } : {}),
      ...(quiz ? { quiz } : {}),
    },
  };
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
