import type { ComposedDeck } from '../../compose/compose-deck.js';
import { labelsFor } from '../../core/labels.js';

/** Per slide: the right options' indices and the explanation line, or null for a slide that is no quiz. */
export type QuizKeys = ({ correct: number[]; why: string } | null)[];

/** The key of every quiz slide, with the explanation as the slide shows it. */
export function quizKeys(composed: ComposedDeck, lang: string): QuizKeys {
  const t = labelsFor(lang);
  return composed.slides.map((s) =>
    s.quiz
      ? { correct: s.quiz.correct, why: s.quiz.explanation ? t.quiz.why(s.quiz.explanation) : '' }
      : null,
  );
}

/**
 * The presenting HTML's knowledge checks, added to marp-cli's page like the timers: the room
 * sees the question and options; R marks the right options and shows the explanation (R again
 * hides them), in the audience window and the presenter view alike through localStorage; the
 * presenter view shows the key at once. The trainer's HTML holds the key anyway (in the notes).
 */
export function quizReveal(composed: ComposedDeck, lang: string): string {
  const keys = quizKeys(composed, lang);
  if (keys.every((k) => k === null)) return '';
  // `<` escaped: the data sits inside a <script> element.
  const json = JSON.stringify(keys).replace(/</g, '\\u003c');
  return `<script>(${revealScript.toString()})(${json});</script>`;
}

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function revealScript(keys: QuizKeys): void {
  const view = new URLSearchParams(location.search).get('view') ?? '';
  const presenter = view === 'presenter' || view === 'next';
  const store = `lectern-quiz-revealed:${location.pathname}`;
  const slides = () => [...document.querySelectorAll('svg[data-marpit-svg]')];
  const revealed = (): number[] => {
    try {
      return (JSON.parse(localStorage.getItem(store) ?? '[]') as number[]) ?? [];
    } catch {
      return [];
    }
  };
  // What this window shows; the other window's presses arrive through the storage event.
  let local = revealed();
  const shown = (i: number) => presenter || local.includes(i);
  const render = () => {
    slides().forEach((svg, i) => {
      const key = keys[i];
      const section = svg.querySelector('section');
      if (!key || !section) return;
      const on = shown(i);
      const options = section.querySelectorAll(':scope > ul > li, :scope > ol > li');
      options.forEach((li, n) => li.classList.toggle('lectern-right', on && key.correct.includes(n)));
      let why = section.querySelector<HTMLElement>(':scope > .lectern-quiz-why');
      if (on && key.why && !why) {
        why = document.createElement('div');
        why.className = 'lectern-quiz-why';
        why.textContent = key.why;
        section.querySelector(':scope > ul, :scope > ol')?.after(why);
      } else if (!on && why) why.remove();
    });
  };
  document.addEventListener('keydown', (e) => {
    if (e.key.toLowerCase() !== 'r' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const i = slides().findIndex((s) => s.classList.contains('bespoke-marp-active'));
    if (i < 0 || !keys[i]) return;
    local = local.includes(i) ? local.filter((n) => n !== i) : [...local, i];
    try {
      localStorage.setItem(store, JSON.stringify(local));
    } catch {
      // storage refused: this window still shows it
    }
    e.preventDefault();
    render();
  });
  window.addEventListener('storage', (e) => {
    if (e.key === store) {
      local = revealed();
      render();
    }
  });
  render();
}
