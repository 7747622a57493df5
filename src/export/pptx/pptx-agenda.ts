import type { MeasuredBlock } from './block-boxes.js';
import { bar, blend, placeText } from './measured-text.js';
import { placeRuns } from './pptx-measured-cards.js';
import type { Pptx, Slide } from './pptx-layouts.js';

// The agenda's chapter list, each item laid out as the theme lays it out. Every choice is read
// from the measurement, so lectern's grid and any theme that never heard of an agenda both come
// out as the slides show them.

type Item = NonNullable<MeasuredBlock['items']>[number];

/**
 * Each chapter of the agenda on a slide whose background is `bg`. A label the theme draws as a
 * badge (a `strong` with a background: lectern's grid) gets its box, with the title and the
 * minutes beside it; a label without one flows inline with its title, as any theme shows a list
 * it does not style: the item's runs where its text is. The rule under an item is its bottom
 * border, drawn only when the theme draws one.
 */
export function placeAgendaItems(pptx: Pptx, slide: Slide, list: MeasuredBlock, bg: string): void {
  (list.items ?? []).forEach((item, n) => {
    if (item.strong?.deco?.bg) badgeRow(pptx, slide, list, item, bg);
    else if (item.textBox && item.runs) {
      placeRuns(slide, item.textBox, item.runs, list, bg);
      // The list's own bullet or number, just before the text, where the theme shows one.
      const size = item.runs[0]?.sizePx ?? list.fontPx;
      if (item.markerW)
        placeRuns(
          slide,
          { ...item.textBox, x: item.textBox.x - item.markerW, w: item.markerW },
          [
            {
              text: list.tag === 'OL' ? `${n + 1}.` : '\u2022',
              color: item.marker ?? list.color,
              bold: false,
              sizePx: size,
            },
          ],
          list,
          bg,
        );
    }
    const rule = item.deco?.border[2];
    if (rule && rule.w > 0)
      bar(pptx, slide, { x: item.x, y: item.y + item.h - rule.w, w: item.w, h: rule.w }, rule.color);
  });
}

/** A row of lectern's agenda grid: the label's badge, the title after it, the minutes at the right. */
function badgeRow(pptx: Pptx, slide: Slide, list: MeasuredBlock, item: Item, bg: string): void {
  const { strong, em } = item;
  if (!strong?.deco?.bg) return;
  const badge = strong.deco.bg;
  bar(pptx, slide, strong, blend(badge, 1, bg), strong.deco.radius[0] ?? 0);
  placeText(
    slide,
    { ...strong, y: strong.y + (strong.h - strong.lineHeightPx) / 2 },
    { ...strong, align: 'center' },
    strong.sizePx,
    badge,
  );
  // The title between the badge and the minutes, a little in from both (the row's gaps).
  const left = strong.x + strong.w + 18;
  const right = em ? em.x - 12 : item.x + item.w;
  placeText(
    slide,
    { x: left, y: item.y + (item.h - list.lineHeightPx) / 2, w: right - left, h: list.lineHeightPx },
    { ...list, text: item.rest, bold: false },
    list.fontPx,
    bg,
  );
  if (em) placeText(slide, { ...em, x: em.x - 20, w: em.w + 20 }, { ...em, align: 'right' }, em.sizePx, bg);
}
