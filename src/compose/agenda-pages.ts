import type { ChapterModel } from '../validate/deck-model.js';

// How the agenda's chapters are spread over one or more agenda slides. The figures are the
// theme's (themes/corporate.css, "section.agenda"): compose lays the rows out before any
// browser runs, so it counts lines the way the theme sets them, and reckons every title on the
// wide side. `check` measures the result in Chromium like any other slide, so a change to the
// theme that these figures miss is an overflow the scaffold test reports.

/** Px the list may fill: 720 less the padding (70 + 64), the heading rows (118.5) and the total (52). */
const LIST_HEIGHT = 414;
/** One row: 8 + 8 padding, a 2 px rule, and lines of 26 px × 1.4. */
const ROW_CHROME = 18;
const LINE = 36.4;
const ROW_GAP = 10;
/** Badge (64), the minutes (up to 96 for "120 分钟" at 22 px) and the two 14 px gaps beside the title. */
const ROW_FIXED = 64 + 96 + 28;
const COLUMN_GAP = 40;
const TITLE_PX = 26;
/** Content width of the agenda slide: the slide less 80 px padding each side. */
const CONTENT_WIDTH = { '16:9': 1120, '4:3': 800 } as const;
/** One column while the chapters fit in this many one-line rows. */
const ONE_COLUMN_ROWS = 6;

export interface AgendaPage {
  chapters: ChapterModel[];
  columns: 1 | 2;
}

/** The width of a title in em, reckoned on the wide side: CJK and full-width forms 1 em, the rest 0.62. */
export function titleEm(text: string): number {
  let em = 0;
  for (const ch of text)
    em +=
      /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u.test(
        ch,
      )
        ? 1
        : 0.62;
  return em;
}

/** Lines a chapter's title takes in a row of this width (the minutes may be absent). */
function rowLines(c: ChapterModel, columnWidth: number): number {
  const room = columnWidth - ROW_FIXED;
  return Math.max(1, Math.ceil((titleEm(c.title) * TITLE_PX) / Math.max(room, TITLE_PX)));
}

const rowHeight = (lines: number) => ROW_CHROME + lines * LINE;

/**
 * The agenda's slides: one column for a short course, two for a longer one, and as many
 * slides as the rows need, so no course the validator accepts runs off the agenda. A title too
 * long for a whole slide still gets a slide of its own, where `check` reports it at its line.
 */
export function agendaPages(course: ChapterModel[], size: '16:9' | '4:3'): AgendaPage[] {
  const width = CONTENT_WIDTH[size];
  const oneColumn = pack(course, 1, width);
  if (course.length <= ONE_COLUMN_ROWS && oneColumn.length === 1) return oneColumn;
  return pack(course, 2, width);
}

function pack(course: ChapterModel[], columns: 1 | 2, width: number): AgendaPage[] {
  const columnWidth = columns === 1 ? width : (width - COLUMN_GAP) / 2;
  const pages: AgendaPage[] = [];
  let page: ChapterModel[] = [];
  let used = 0;
  for (let i = 0; i < course.length; i += columns) {
    const row = course.slice(i, i + columns);
    const h = rowHeight(Math.max(...row.map((c) => rowLines(c, columnWidth))));
    const need = page.length ? used + ROW_GAP + h : h;
    if (page.length && need > LIST_HEIGHT) {
      pages.push({ chapters: page, columns });
      page = [];
      used = h;
    } else used = need;
    page.push(...row);
  }
  if (page.length) pages.push({ chapters: page, columns });
  return pages;
}
