import type { Labels } from '../../core/labels.js';

/** The words of marp-cli's on-screen controls, overview and presenter view, in the deck's language. */
interface ControlWords {
  /** The audience view's page line: a template of {n} and {of}. */
  page: string;
  /** Button titles (and names, for a screen reader) by marp-cli's `data-bespoke-marp-osc` value. */
  osc: Record<string, string>;
  /** Titles of the buttons bespoke disables where the page may not use local storage. */
  disabled: Record<string, string>;
  /** The presenter view's buttons and clocks, by the class bespoke gives them. */
  presenter: Record<string, string>;
  closeOverview: string;
  /** The window titles bespoke puts before the deck's title in those views. */
  titles: { overview: string; presenter: string };
}

/**
 * marp-cli's bespoke page writes English whatever the deck's language: "Page 28 of 42" under
 * the slides, "Previous slide", "Toggle overview view (o)", "[Presenter view] - …". This script
 * rewords them from labels.ts (with deck.md's `labels:`), and rewrites the page line each time
 * bespoke writes it again (it does so on every slide change).
 */
export function controlLabels(t: Labels): string {
  const c = t.controls;
  const words: ControlWords = {
    page: t.slidePage,
    osc: {
      prev: t.previousSlide,
      next: t.nextSlide,
      fullscreen: c.fullscreen,
      overview: c.overview,
      presenter: c.presenter,
    },
    disabled: { overview: c.overviewDisabled, presenter: c.presenterDisabled },
    presenter: {
      'bespoke-marp-presenter-note-smaller': c.smallerNotes,
      'bespoke-marp-presenter-note-bigger': c.biggerNotes,
      'bespoke-marp-presenter-info-page-prev': t.previousSlide,
      'bespoke-marp-presenter-info-page-next': t.nextSlide,
      'bespoke-marp-presenter-info-time': c.currentTime,
      'bespoke-marp-presenter-info-timer': c.timer,
    },
    closeOverview: c.closeOverview,
    titles: { overview: c.overviewTitle, presenter: c.presenterTitle },
  };
  // `<` escaped: the data sits inside a <script> element.
  const json = JSON.stringify(words).replace(/</g, '\\u003c');
  return `<script>(${controlScript.toString()})(${json});</script>`;
}

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function controlScript(words: ControlWords): void {
  const name = (el: Element, text: string) => {
    el.setAttribute('title', text);
    // A button's text is its name for a screen reader; a clock's text is its time.
    if (el.tagName === 'BUTTON') el.textContent = text;
  };
  for (const [key, text] of Object.entries(words.osc))
    for (const el of document.querySelectorAll(`[data-bespoke-marp-osc="${key}"]`))
      // A button bespoke disabled says why, not what it would do.
      name(el, (el as HTMLButtonElement).disabled ? (words.disabled[key] ?? text) : text);
  for (const [cls, text] of Object.entries(words.presenter))
    for (const el of document.getElementsByClassName(cls)) name(el, text);
  for (const el of document.getElementsByClassName('bespoke-marp-overview-close'))
    name(el, words.closeOverview);

  // The page line: bespoke writes "Page n of m" on each slide change; the numbers are taken
  // from its own text, so the two never disagree.
  const page = document.querySelector('[data-bespoke-marp-osc="page"]');
  if (page) {
    const reword = () => {
      const [n, of] = (page.textContent ?? '').match(/\d+/g) ?? [];
      if (n === undefined || of === undefined) return;
      const text = words.page.replace('{n}', n).replace('{of}', of);
      if (page.textContent !== text) page.textContent = text;
    };
    new MutationObserver(reword).observe(page, { childList: true, characterData: true, subtree: true });
    reword();
  }

  // The window title in the overview and presenter views: "[Overview] - 标题".
  const retitle = () => {
    const t = document.title;
    for (const [english, own] of [
      ['[Overview]', words.titles.overview],
      ['[Presenter view]', words.titles.presenter],
    ] as const)
      // Only a title not yet reworded: setting it, even to the same text, is a mutation too.
      if (t.startsWith(english) && !t.startsWith(own)) document.title = own + t.slice(english.length);
  };
  const titleEl = document.querySelector('title');
  if (titleEl)
    new MutationObserver(retitle).observe(titleEl, { childList: true, characterData: true, subtree: true });
  retitle();
}
