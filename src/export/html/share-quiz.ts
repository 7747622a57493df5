import type { ComposedDeck } from '../../compose/compose-deck.js';
import { labelsFor } from '../../core/labels.js';
import { quizKeys, type QuizKeys } from './quiz-reveal.js';

/** What the share copy's quiz script is given. */
export interface ShareQuizData {
  /** The keys, base64 of their JSON: the page's text and markup hold no answer before one is submitted. */
  keys: string;
  words: { submit: string; right: string; wrong: string; answer: string; score: string };
}

/**
 * Self-study knowledge checks in the share copy: on a quiz slide the trainee picks options
 * (click or tap, or 1–9), submits (the button or Enter) and sees right or wrong, the right
 * options and the explanation; the score so far shows on the last slide. Nothing is sent
 * anywhere; `window.lecternQuiz` lets the SCORM tracking read and restore the answers.
 * Undefined for a deck without quizzes.
 */
export function shareQuiz(composed: ComposedDeck, lang: string): string {
  const keys = quizKeys(composed, lang);
  if (keys.every((k) => k === null)) return '';
  const t = labelsFor(lang).quiz;
  const data: ShareQuizData = {
    keys: Buffer.from(JSON.stringify(keys)).toString('base64'),
    words: {
      submit: t.submit,
      right: t.right,
      wrong: t.wrong,
      answer: t.answer('{}'),
      score: t.score(-1, -2),
    },
  };
  return `<script>(${quizScript.toString()})(${JSON.stringify(data).replace(/</g, '\\u003c')});</script>`;
}

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function quizScript(data: ShareQuizData): void {
  const bytes = Uint8Array.from(atob(data.keys), (c) => c.charCodeAt(0));
  const keys = JSON.parse(new TextDecoder().decode(bytes)) as QuizKeys;
  const slides = [
    ...document.querySelectorAll<SVGElement>('.lectern-share > div.marpit > svg[data-marpit-svg]'),
  ];
  const picked = new Map<number, Set<number>>();
  /** Submitted answers by slide: the options chosen. */
  const answers = new Map<number, number[]>();
  const listeners: (() => void)[] = [];
  const letter = (n: number) => String.fromCharCode(65 + n);
  const optionsOf = (i: number) =>
    [...(slides[i]?.querySelectorAll('section > ul > li, section > ol > li') ?? [])] as HTMLElement[];
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  const score = () => ({
    raw: [...answers].filter(([i, a]) => same(a, keys[i]!.correct)).length,
    max: keys.filter(Boolean).length,
  });
  const scoreBox = document.createElement('p');
  scoreBox.className = 'lectern-quiz-score';
  slides.at(-1)?.querySelector('section')?.append(scoreBox);

  const draw = (i: number) => {
    const key = keys[i];
    const section = slides[i]?.querySelector('section');
    if (!key || !section) return;
    const done = answers.get(i);
    const chosen = done ?? [...(picked.get(i) ?? [])];
    optionsOf(i).forEach((li, n) => {
      li.classList.toggle('lectern-chosen', !done && chosen.includes(n));
      li.classList.toggle('lectern-right', !!done && key.correct.includes(n));
      li.classList.toggle('lectern-wrong', !!done && chosen.includes(n) && !key.correct.includes(n));
      li.setAttribute('aria-checked', String(chosen.includes(n)));
    });
    let button = section.querySelector<HTMLButtonElement>(':scope > .lectern-quiz-submit');
    let result = section.querySelector<HTMLElement>(':scope > .lectern-quiz-why');
    if (!done) {
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'lectern-quiz-submit';
        button.textContent = data.words.submit;
        button.addEventListener('click', () => submit(i));
        section.querySelector(':scope > ul, :scope > ol')?.after(button);
      }
      button.disabled = chosen.length === 0;
      return;
    }
    button?.remove();
    if (!result) {
      result = document.createElement('div');
      result.className = 'lectern-quiz-why';
      section.querySelector(':scope > ul, :scope > ol')?.after(result);
    }
    const right = same(done, key.correct);
    const verdict = document.createElement('strong');
    verdict.textContent = right ? data.words.right : data.words.wrong;
    const answer = right ? '' : data.words.answer.replace('{}', key.correct.map(letter).join(' '));
    result.replaceChildren(verdict, [answer, key.why].filter(Boolean).join(' · '));
    result.dataset.result = right ? 'right' : 'wrong';
  };
  const drawScore = () => {
    const { raw, max } = score();
    scoreBox.textContent = data.words.score.replace('-1', String(raw)).replace('-2', String(max));
  };
  const changed = () => {
    drawScore();
    listeners.forEach((f) => f());
  };
  const submit = (i: number) => {
    const chosen = [...(picked.get(i) ?? [])].sort((a, b) => a - b);
    if (!keys[i] || answers.has(i) || chosen.length === 0) return;
    answers.set(i, chosen);
    draw(i);
    changed();
  };
  const toggle = (i: number, n: number) => {
    const key = keys[i];
    if (!key || answers.has(i) || n >= optionsOf(i).length) return;
    const set = picked.get(i) ?? new Set<number>();
    if (key.correct.length > 1) {
      if (set.has(n)) set.delete(n);
      else set.add(n);
    } else {
      set.clear();
      set.add(n);
    }
    picked.set(i, set);
    draw(i);
  };
  const current = () => slides.findIndex((s) => s.classList.contains('active'));

  slides.forEach((_, i) => {
    if (!keys[i]) return;
    optionsOf(i).forEach((li, n) => {
      li.setAttribute('role', keys[i]!.correct.length > 1 ? 'checkbox' : 'radio');
      li.addEventListener('click', () => toggle(i, n));
    });
    draw(i);
  });
  // Before the page's own keys: on a quiz slide 1–9 pick and Enter submits; elsewhere they do what they did.
  window.addEventListener(
    'keydown',
    (e) => {
      const i = current();
      if (!keys[i] || e.altKey || e.ctrlKey || e.metaKey) return;
      if (/^[1-9]$/.test(e.key)) toggle(i, Number(e.key) - 1);
      else if (e.key === 'Enter' && !answers.has(i)) submit(i);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    },
    true,
  );
  drawScore();
  (window as unknown as { lecternQuiz: unknown }).lecternQuiz = {
    answers: () => Object.fromEntries(answers),
    restore: (saved: Record<string, number[]>) => {
      for (const [i, a] of Object.entries(saved)) if (keys[Number(i)]) answers.set(Number(i), a);
      slides.forEach((_, i) => draw(i));
      drawScore();
    },
    score,
    onChange: (f: () => void) => listeners.push(f),
  };
}
