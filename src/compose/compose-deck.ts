import type { ChapterModel, DeckModel } from '../validate/deck-model.js';
import { resolve } from 'node:path';
import { normalizeImageSrc } from '../load/load-images.js';
import type { SourceSlide } from '../load/split-slides.js';
import { labelsFor, type Labels } from '../core/labels.js';
import { directiveValue } from './markdown-text.js';
import { explicitClass, layoutClass, withoutCheckboxes } from './slide-layout.js';
import { DECK_THEME } from '../theme/deck-theme.js';
import { agendaSlides, chapterRef, closingSlide, dividerSlide, titleSlide } from './generated-slides.js';
import type { ComposedDeck, SlideInfo } from './composed-deck.js';

export type { ComposedDeck, SlideInfo, SlideKind } from './composed-deck.js';

/** Builds the whole Marp markdown: title, agenda, a divider before each chapter, the chapters, closing. Pure. */
export function composeDeck(deck: DeckModel): ComposedDeck {
  const t = labelsFor(deck.lang);
  const parts: { markdown: string; info: SlideInfo }[] = [
    titleSlide(deck, t),
    ...agendaSlides(deck, t),
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
