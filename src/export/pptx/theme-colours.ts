import type { SlideBoxes } from './block-boxes.js';
import type { Colours, Pptx } from './pptx-layouts.js';
import { TRAINING_LAYOUTS } from './pptx-training-layouts.js';

// Every theme, lectern's own too, reaches the PPTX through what the slides document shows:
// its colours are measured, and its masters are plain pages in its colour (the slides draw
// what the theme paints, as measured).

/** The value most slides show, or `fallback` when none shows one. */
function commonest(values: (string | undefined)[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

/**
 * The theme's colours as its slides show them: the page colour most slides have (generated ones
 * too: a deck of four content slides in four colours would otherwise take any of them), and from
 * the content slides the text colour most have, the headings' colour as primary, the list
 * markers' as accent, code's background as card.
 */
export function measuredColours(
  content: SlideBoxes[],
  all: SlideBoxes[] = content,
): Colours & { page: string } {
  const page = commonest(
    all.map((m) => (m.background.a > 0.5 ? m.background.hex : 'FFFFFF')),
    'FFFFFF',
  );
  const ink = commonest(
    content.map((m) => m.ink),
    '000000',
  );
  const blocks = content.flatMap((m) => m.blocks);
  const primary = commonest(
    blocks.filter((b) => /^H[12]$/.test(b.tag)).map((b) => b.color),
    ink,
  );
  const accent = commonest(
    blocks.flatMap((b) => b.items ?? []).map((it) => it.marker),
    primary,
  );
  const card = commonest(
    blocks.filter((b) => b.tag === 'PRE').map((b) => b.deco?.bg),
    page,
  );
  return { primary, accent, ink, muted: ink, card, page };
}

/** The masters lectern's slides use, each a plain page in the theme's colour. */
export function definePlainMasters(pptx: Pptx, page: string): void {
  const names = ['CONTENT', 'AGENDA', 'COVER', 'DIVIDER', ...TRAINING_LAYOUTS.map((l) => l.toUpperCase())];
  for (const name of names)
    pptx.defineSlideMaster({ title: `LECTERN_${name}`, background: { color: page }, objects: [] });
}
