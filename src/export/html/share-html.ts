import type { DeckModel } from '../../validate/deck-model.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import type { ComposedDeck } from '../../compose/compose-deck.js';
import { escapeHtml } from '../browser/print-html.js';
import { deckLabels } from '../../core/label-overrides.js';
import { slideAnnouncer } from './slide-announcer.js';
import { shareQuiz } from './share-quiz.js';

/**
 * The copy trainees keep after class: the slides alone in one self-contained file, flipped with
 * the keyboard, a swipe, a tap or the buttons. It is built from marp-core's render, which keeps
 * speaker notes out of its HTML (they are its `comments`), and it has no presenter view at all:
 * unlike marp-cli's bespoke page there is no notes element and no script that could open one.
 */
export function shareDocument(
  deck: DeckModel,
  rendered: RenderedDeck,
  composed: ComposedDeck,
  /** More of the page: the SCORM package's tracking script. */
  extra = '',
): string {
  const t = deckLabels(deck);
  const ratio = `${rendered.width} / ${rendered.height}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(deck.lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(deck.title)}</title>`,
    `<style>${rendered.css}</style>`,
    `<style>${SHARE_CSS.replace('RATIO', ratio)}</style>`,
    '</head><body>',
    `<main class="lectern-share">${rendered.html}</main>`,
    // The page number is for the eye; the announcer tells a screen reader the slide and its title.
    `<nav class="lectern-share-nav"><button type="button" data-go="-1" aria-label="${escapeHtml(t.previousSlide)}">‹</button>`,
    `<span class="lectern-share-page" aria-hidden="true">1 / ${rendered.slideSvgs.length}</span>`,
    `<button type="button" data-go="1" aria-label="${escapeHtml(t.nextSlide)}">›</button></nav>`,
    `<script>${SHARE_SCRIPT}</script>`,
    slideAnnouncer(composed, deck.lang),
    shareQuiz(composed, deck.lang),
    extra,
    '</body></html>',
  ].join('\n');
}

const SHARE_CSS = `
html, body { margin: 0; height: 100%; background: #1b1b1f; overflow: hidden; touch-action: pan-y; }
.lectern-share { position: fixed; inset: 0 0 48px 0; display: flex; align-items: center; justify-content: center; }
.lectern-share > div.marpit { width: min(100vw, calc((100vh - 48px) * RATIO)); aspect-ratio: RATIO; }
.lectern-share > div.marpit > svg[data-marpit-svg] { display: none; width: 100%; height: 100%; }
.lectern-share > div.marpit > svg[data-marpit-svg].active { display: block; }
.lectern-share-nav { position: fixed; left: 0; right: 0; bottom: 0; height: 48px; display: flex; gap: 24px; align-items: center; justify-content: center; color: #eee; font: 16px system-ui, sans-serif; }
.lectern-share-nav button { font-size: 24px; width: 48px; height: 36px; border: 0; border-radius: 6px; background: #333; color: #eee; cursor: pointer; }
@media print {
  html, body { height: auto; overflow: visible; background: #fff; }
  .lectern-share { position: static; display: block; }
  .lectern-share > div.marpit { width: 100%; }
  .lectern-share > div.marpit > svg[data-marpit-svg] { display: block; break-after: page; height: auto; }
  .lectern-share-nav { display: none; }
}`;

/** Keys, swipes, taps and #N in the address, so a slide can be linked to. */
const SHARE_SCRIPT = `(() => {
  const slides = [...document.querySelectorAll('.lectern-share > div.marpit > svg[data-marpit-svg]')];
  const page = document.querySelector('.lectern-share-page');
  let at = 0;
  const show = (n) => {
    at = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach((s, i) => s.classList.toggle('active', i === at));
    page.textContent = (at + 1) + ' / ' + slides.length;
    history.replaceState(null, '', '#' + (at + 1));
  };
  const fromHash = () => show((parseInt(location.hash.slice(1), 10) || 1) - 1);
  const keys = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, Enter: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Backspace: -1 };
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(slides.length - 1);
    else if (keys[e.key]) show(at + (e.shiftKey && e.key === ' ' ? -1 : keys[e.key]));
    else return;
    e.preventDefault();
  });
  document.querySelectorAll('[data-go]').forEach((b) => b.addEventListener('click', () => show(at + Number(b.dataset.go))));
  let start = null;
  document.addEventListener('touchstart', (e) => { start = e.touches.length === 1 ? e.touches[0] : null; }, { passive: true });
  document.addEventListener('touchend', (e) => {
    const end = e.changedTouches[0];
    if (!start || !end) return;
    const dx = end.clientX - start.clientX, dy = end.clientY - start.clientY;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(at + (dx < 0 ? 1 : -1));
    start = null;
  });
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();`;
