import { clockText, type TimePlan } from '../../compose/time-plan.js';
import type { Labels } from '../../core/labels.js';
import { escapeHtml } from '../browser/print-html.js';

/** The time plan's look: a compact table, so a day of chapters fits under the title on page 1. */
export const TIME_PLAN_CSS = `
table.time-plan { width: 100%; border-collapse: collapse; margin: 0 0 8mm; font-size: 10pt; line-height: 1.45; break-inside: avoid; }
table.time-plan caption { text-align: left; font-size: 13pt; font-weight: 700; color: var(--print-primary); padding: 0 0 2mm; }
table.time-plan th { text-align: left; font-weight: 700; color: #555; border-bottom: 0.4mm solid var(--print-primary); padding: 1mm 2mm; }
table.time-plan td { border-bottom: 0.2mm solid #d5dbe3; padding: 1mm 2mm; vertical-align: top; }
table.time-plan td.time { white-space: nowrap; width: 30mm; font-variant-numeric: tabular-nums; }
table.time-plan td.length { white-space: nowrap; width: 36mm; text-align: right; }
table.time-plan th.length { text-align: right; }
table.time-plan tr.activity td { color: #555; border-bottom-style: dotted; }
table.time-plan tr.activity td.part { padding-left: 8mm; }
table.time-plan tr.total td { font-weight: 700; border-bottom: none; }
`;

/**
 * The speaker script's time plan as a table: each chapter's clock time and minutes, the
 * exercises and role-plays under their chapter with their time boxes, and the total. Its
 * caption is no heading, so the bookmarks stay the slides and chapters.
 */
export function timePlanHtml(plan: TimePlan, t: Labels): string {
  const span = (from?: number, to?: number) =>
    from === undefined
      ? ''
      : to === undefined
        ? clockText(from, plan.start)
        : t.timePlan.span(clockText(from, plan.start), clockText(to, plan.start));
  const minutes = (n?: number) => (n ? t.minutes(n) : '');
  const row = (cls: string, time: string, part: string, length: string) =>
    `<tr class="${cls}"><td class="time">${escapeHtml(time)}</td><td class="part">${escapeHtml(part)}</td><td class="length">${escapeHtml(length)}</td></tr>`;
  const rows = plan.chapters.flatMap((c) => [
    row('chapter', span(c.from, c.to), `${c.label} ${c.title}`, minutes(c.minutes)),
    // The slide as its entry is headed, its kind and time box as the slide shows them.
    ...c.activities.map((a) =>
      row(
        'activity',
        '',
        `${a.slide}${a.heading ? ` · ${a.heading}` : ''}`,
        a.minutes ? t.timeBox(a.kind, a.minutes) : t.timePlan.activity(a.kind),
      ),
    ),
  ]);
  if (plan.total) rows.push(row('total', span(0, plan.end), t.total(plan.total), ''));
  const head = `<tr><th>${escapeHtml(t.timePlan.time)}</th><th>${escapeHtml(t.timePlan.part)}</th><th class="length">${escapeHtml(t.timePlan.length)}</th></tr>`;
  return `<table class="time-plan"><caption>${escapeHtml(t.timePlan.caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
