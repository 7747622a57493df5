import { FONT, W, text, type Colours } from './pptx-layouts.js';
import type { FixedBody } from './pptx-fixed-text-layouts.js';
import { lead, line } from './training-parts.js';

// The fallback for the exercise, role-play and checklist layouts when a slide's measurements do
// not match what it says: the task, the steps, role cards or check boxes on a fixed grid.

/** The time box (练习 · 10 分钟) at the top right, as a pill in the darkened accent (white text on it keeps 4.5:1). */
export function fixedTimeBox({ pptx, slide }: FixedBody, timeBox: string, c: Colours): void {
  slide.addText(timeBox, {
    shape: pptx.ShapeType.roundRect,
    x: W - 4.2,
    y: 0.62,
    w: 3.4,
    h: 0.6,
    fontFace: FONT,
    fontSize: 18,
    bold: true,
    color: 'FFFFFF',
    align: 'center',
    fill: { color: c.accentInk },
    rectRadius: 0.3,
  });
}

/** Exercise and role-play: the task in a card with the accent bar, then the steps or the role cards. */
export function fixedTask({ slide, p, c, top, bottom }: FixedBody, roleplay: boolean): void {
  if (p.paragraphs.length) {
    slide.addShape('rect', { x: 0.8, y: top, w: 0.08, h: 0.7, fill: { color: c.accent } });
    slide.addText(p.paragraphs.join('\n'), {
      x: 1.0,
      y: top,
      w: W - 1.8,
      h: 0.7,
      fontFace: FONT,
      fontSize: 18,
      color: c.ink,
      fill: { color: c.card },
      margin: 8,
    });
  }
  const items = p.items.map(lead);
  if (!roleplay) {
    const steps = items.map((it, i) =>
      text(`${i + 1}.  ${it.name ? `${it.name}：` : ''}${it.rest}`, {
        fontSize: 22,
        color: c.ink,
        breakLine: true,
        paraSpaceAfter: 14,
      }),
    );
    if (steps.length)
      slide.addText(steps, {
        x: 0.8,
        y: top + 1.0,
        w: W - 1.6,
        h: bottom - top - 1.0,
        valign: 'top',
        fit: 'shrink',
      });
    return;
  }
  const w = (W - 1.6 - 0.3 * (items.length - 1)) / Math.max(items.length, 1);
  items.forEach((it, i) =>
    slide.addText(
      [
        text(it.name ?? '', {
          fontSize: 20,
          bold: true,
          color: c.primary,
          breakLine: true,
          paraSpaceAfter: 6,
        }),
        text(it.rest, { fontSize: 16, color: c.ink }),
      ],
      {
        x: 0.8 + i * (w + 0.3),
        y: top + 1.0,
        w,
        h: bottom - top - 1.2,
        fill: { color: c.card },
        valign: 'top',
        margin: 12,
      },
    ),
  );
}

/** Checklist: one card per item with an empty box to tick. */
export function fixedChecklist({ pptx, slide, p, c, top, bottom }: FixedBody): void {
  p.items.forEach((it, i, all) => {
    const h = Math.min(0.8, (bottom - top) / all.length - 0.12);
    const y = top + i * (h + 0.12);
    slide.addShape(pptx.ShapeType.rect, {
      x: 0.8,
      y,
      w: W - 1.6,
      h,
      fill: { color: c.card },
      line: { color: c.card },
    });
    slide.addShape(pptx.ShapeType.rect, {
      x: 1.0,
      y: y + h / 2 - 0.15,
      w: 0.3,
      h: 0.3,
      fill: { color: 'FFFFFF' },
      line: { color: c.primary, width: 2 },
    });
    slide.addText(line(it), {
      x: 1.5,
      y,
      w: W - 2.5,
      h,
      fontFace: FONT,
      fontSize: 20,
      color: c.ink,
      valign: 'middle',
    });
  });
}
