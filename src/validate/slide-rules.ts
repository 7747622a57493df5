import type { ChapterSource } from '../load/load-deck.js';
import type { SourceSlide } from '../load/split-slides.js';
import { error, warning, type FindingCode, type Problem } from '../core/problem.js';
import type { Rule } from './rule.js';

// The rules about each content slide: speaker notes, a heading, a valid time box.

/** A warning at each content slide for which `lacks` holds. */
function slideWarnings(
  chapters: ChapterSource[],
  lacks: (s: SourceSlide) => boolean,
  code: FindingCode,
  message: string,
  hint: string,
): Problem[] {
  return chapters.flatMap((c) =>
    c.slides
      .filter((s) => s.hasContent && !s.unread && lacks(s))
      .map((s) => warning(code, { file: c.shownAs, line: s.line }, message, hint)),
  );
}

export const slideRules: Rule[] = [
  {
    name: 'slide-notes',
    check: ({ chapters }) =>
      slideWarnings(
        chapters,
        (s) => s.notes.length === 0,
        'notes-missing',
        'slide has no speaker notes',
        'add what to say as an HTML comment: <!-- … -->',
      ),
  },
  {
    name: 'slide-heading',
    check: ({ chapters }) =>
      // A picture alone on its slide is a layout of its own, not a slide that forgot its title.
      slideWarnings(
        chapters,
        (s) => s.headings.length === 0 && !s.pictureOnly,
        'heading-missing',
        'slide has no heading',
        'start the slide with a title line such as `## 倾听的技巧`: the room and the PDF bookmarks need it',
      ),
  },
  {
    name: 'slide-minutes',
    check: ({ chapters }) =>
      chapters.flatMap((c) =>
        c.slides.flatMap((s) =>
          s.minutes && !(Number(s.minutes.value) > 0 && Number(s.minutes.value) <= 600)
            ? [
                error(
                  'slide-minutes',
                  { file: c.shownAs, line: s.minutes.line },
                  `minutes must be a positive number, not ${JSON.stringify(s.minutes.value)}`,
                  'write the time box in minutes, e.g. <!-- minutes: 10 -->',
                ),
              ]
            : [],
        ),
      ),
  },
  {
    name: 'image-alt',
    // A screen reader, the PDF's figure tags and the PPTX's alt text all read this text; a
    // background is decoration and needs none.
    check: ({ chapters }) =>
      chapters.flatMap((c) =>
        c.slides.flatMap((s) =>
          s.images
            .filter((img) => img.alt === '' && !img.background)
            .map((img) =>
              warning(
                'image-alt',
                { file: c.shownAs, line: img.line },
                `picture ${img.src} has no alt text`,
                'say what it shows for readers who cannot see it: ![通话流程图](…) (size keywords such as w:400 may stand beside it)',
              ),
            ),
        ),
      ),
  },
];
