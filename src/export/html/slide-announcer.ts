import type { ComposedDeck } from '../../compose/compose-deck.js';
import { labelsFor } from '../../core/labels.js';

/**
 * A live region that tells a screen reader which slide is shown ("幻灯片 3 / 31：催收定义与目的"),
 * for marp-cli's bespoke page and the share copy alike. It watches the slides' class attribute
 * (bespoke marks the shown slide `bespoke-marp-active`, the share copy `active`), so it needs
 * nothing from either page's own script. The presenter view's next-slide frame stays silent.
 */
export function slideAnnouncer(composed: ComposedDeck, lang: string): string {
  const t = labelsFor(lang);
  const of = composed.slides.length;
  const words = {
    slides: composed.slides.map((s, i) => t.slideAnnouncement(i + 1, of, s.heading ?? '')),
    preview: t.nextSlidePreview,
  };
  // `<` escaped: the data sits inside a <script> element.
  const json = JSON.stringify(words).replace(/</g, '\\u003c');
  return `<style>${SR_ONLY}</style><script>(${announcerScript.toString()})(${json});</script>`;
}

/** Visually hidden, still read: the usual clip pattern (display:none would silence it too). */
const SR_ONLY = `.lectern-sr-only { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }`;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function announcerScript(words: { slides: string[]; preview: string }): void {
  if (new URLSearchParams(location.search).get('view') === 'next') return;
  const region = document.createElement('div');
  region.className = 'lectern-sr-only';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.appendChild(region);
  const slides = [...document.querySelectorAll('svg[data-marpit-svg]')];
  // marp-cli's next-slide frame has no name of its own (a comment here lands in the page).
  for (const f of document.querySelectorAll('iframe[src="?view=next"]'))
    if (!f.getAttribute('title')) f.setAttribute('title', words.preview);
  let last = -1;
  const announce = () => {
    const at = slides.findIndex(
      (s) => s.classList.contains('bespoke-marp-active') || s.classList.contains('active'),
    );
    if (at < 0 || at === last) return;
    last = at;
    region.textContent = words.slides[at] ?? '';
  };
  const watch = new MutationObserver(announce);
  for (const s of slides) watch.observe(s, { attributes: true, attributeFilter: ['class'] });
  announce();
}
