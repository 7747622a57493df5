import type { ComposedDeck } from '../../compose/compose-deck.js';
import { labelsFor } from '../../core/labels.js';

/** What the page script needs of each slide: its time box and its chapter. */
interface TimerData {
  /** Per slide: minutes of its time box (0 for none) and its chapter label ('' outside chapters). */
  slides: [number, string][];
  /** Planned minutes and title of each chapter, by label. */
  chapters: Record<string, { minutes: number; title: string }>;
  words: { exercise: string; chapter: string; chapterPlanned: string; keys: string };
  /** The deck's language and whether its clock counts 24 hours (bespoke shows the browser's format). */
  lang: string;
  clock24: boolean;
}

/**
 * Exercise timers for marp-cli's bespoke HTML, added to its page as one inline script and style:
 * - a slide with a time box (`<!-- minutes: 10 -->`) shows a countdown, in the audience view
 *   over the slide's top right corner and in the presenter view above the current slide; T starts and pauses it,
 *   Shift+T sets it back. Both windows read one state from localStorage (as bespoke syncs its
 *   own windows), so a key pressed in either runs the clock in both;
 * - the presenter view also shows the time spent in the current chapter against its planned
 *   minutes, and its clock in the deck's language (24-hour for Chinese, whatever the browser's).
 * No network, no library: plain DOM in the file itself.
 */
export function presenterTimers(composed: ComposedDeck, lang: string): string {
  const data: TimerData = {
    slides: composed.slides.map((s) => [s.minutes ?? 0, s.chapter?.label ?? '']),
    chapters: Object.fromEntries(
      composed.slides.flatMap((s) =>
        s.chapter ? [[s.chapter.label, { minutes: s.chapter.minutes ?? 0, title: s.chapter.title }]] : [],
      ),
    ),
    words: labelsFor(lang).timers,
    lang,
    clock24: labelsFor(lang).clock24,
  };
  // `<` escaped: the data sits inside a <script> element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<style>${TIMER_CSS}</style><script>(${timerScript.toString()})(${json});</script>`;
}

const TIMER_CSS = `
.lectern-countdown { position: fixed; top: 14px; right: 14px; z-index: 100; padding: 6px 16px; border-radius: 10px; background: rgba(20, 24, 31, 0.78); color: #fff; font: 700 40px/1.1 ui-monospace, Menlo, Consolas, monospace; font-variant-numeric: tabular-nums; pointer-events: none; }
.lectern-countdown[hidden], .lectern-presenter-timers [hidden] { display: none; }
.lectern-countdown.paused { opacity: 0.55; }
.lectern-countdown.over, .lectern-presenter-timers .over { color: #ff6b6b; }
.lectern-presenter-timers { position: fixed; top: 14px; left: 20px; z-index: 100; display: flex; gap: 20px; align-items: center; white-space: nowrap; color: #ddd; font: 18px system-ui, 'Lectern Sans', sans-serif; font-variant-numeric: tabular-nums; }
.lectern-presenter-timers .lectern-countdown { position: static; padding: 2px 12px; font-size: 30px; }
.lectern-presenter-timers small { color: #999; font-size: 14px; }
body[data-bespoke-view="presenter"] > .lectern-countdown { display: none; }`;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function timerScript(data: TimerData): void {
  const view = new URLSearchParams(location.search).get('view') ?? '';
  // The presenter view's next-slide preview is the same file in a frame: it gets no timers.
  if (view === 'next') return;
  const presenter = view === 'presenter';
  const store = `lectern-timers:${location.pathname}`;
  const spentStore = `lectern-chapter-time:${location.pathname}`;
  type Timer = { left: number; since: number | null };
  const read = <T>(key: string, fallback: T): T => {
    try {
      return (JSON.parse(localStorage.getItem(key) ?? 'null') as T) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage refused (private mode): the clock still runs in this window
    }
  };
  const clock = (ms: number) => {
    const s = Math.ceil(Math.abs(ms) / 1000);
    return `${ms < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };
  const current = () => {
    const slides = document.querySelectorAll('svg[data-marpit-svg]');
    for (let i = 0; i < slides.length; i++)
      if (slides[i]!.classList.contains('bespoke-marp-active')) return i;
    return 0;
  };
  const timers = () => read<Record<string, Timer>>(store, {});
  const remaining = (t: Timer) => t.left - (t.since === null ? 0 : Date.now() - t.since);

  const countdown = document.createElement('div');
  countdown.className = 'lectern-countdown';
  countdown.hidden = true;
  countdown.title = data.words.keys;
  let chapterTime: HTMLElement | undefined;
  if (presenter) {
    const box = document.createElement('div');
    box.className = 'lectern-presenter-timers';
    chapterTime = document.createElement('span');
    chapterTime.className = 'lectern-chapter-time';
    const hint = document.createElement('small');
    hint.className = 'lectern-timer-keys';
    hint.textContent = data.words.keys;
    box.append(countdown, chapterTime, hint);
    // Above the current slide, where bespoke's presenter layout leaves room.
    document.body.appendChild(box);
  } else {
    document.body.appendChild(countdown);
  }

  document.addEventListener('keydown', (e) => {
    if (e.key.toLowerCase() !== 't' || e.altKey || e.ctrlKey || e.metaKey) return;
    const i = current();
    const minutes = data.slides[i]?.[0] ?? 0;
    if (!minutes) return;
    const all = timers();
    const t = all[i] ?? { left: minutes * 60_000, since: null };
    if (e.shiftKey) delete all[i];
    else
      all[i] = t.since === null ? { left: t.left, since: Date.now() } : { left: remaining(t), since: null };
    write(store, all);
    e.preventDefault();
    render();
  });

  let last = Date.now();
  const render = () => {
    const i = current();
    const [minutes, chapter] = data.slides[i] ?? [0, ''];
    countdown.hidden = !minutes;
    if (minutes) {
      const t = timers()[i] ?? { left: minutes * 60_000, since: null };
      const ms = remaining(t);
      countdown.textContent = clock(ms);
      countdown.classList.toggle('paused', t.since === null);
      countdown.classList.toggle('over', ms <= 0);
      countdown.dataset.running = String(t.since !== null);
    }
    if (chapterTime) {
      // Time spent in a chapter counts while the presenter view shows one of its slides.
      const now = Date.now();
      const spent = read<Record<string, number>>(spentStore, {});
      if (chapter) {
        spent[chapter] = (spent[chapter] ?? 0) + (now - last);
        write(spentStore, spent);
      }
      last = now;
      const plan = data.chapters[chapter];
      chapterTime.hidden = !chapter;
      if (chapter && plan) {
        const used = spent[chapter] ?? 0;
        const words = plan.minutes ? data.words.chapterPlanned : data.words.chapter;
        chapterTime.textContent = words
          .replace('{used}', String(Math.floor(used / 60_000)))
          .replace('{plan}', String(plan.minutes));
        chapterTime.title = `${chapter} ${plan.title}: ${clock(used)}`;
        chapterTime.classList.toggle('over', plan.minutes > 0 && used > plan.minutes * 60_000);
      }
    }
  };
  // bespoke builds the presenter view's clock when it starts, which may be after this script.
  let clockKept = !(presenter && data.clock24);
  const tick = () => {
    render();
    if (!clockKept) clockKept = keepClock24(data.lang);
  };
  tick();
  setInterval(tick, 250);

  /** bespoke writes the time every 250 ms in the browser's format; each write is rewritten at once. */
  function keepClock24(lang: string): boolean {
    const format = new Intl.DateTimeFormat(lang, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const time = document.querySelector('.bespoke-marp-presenter-info-time');
    if (!time) return false;
    const rewrite = () => {
      const text = format.format(new Date());
      if (time.textContent !== text) time.textContent = text;
    };
    new MutationObserver(rewrite).observe(time, { childList: true, characterData: true, subtree: true });
    rewrite();
    return true;
  }
}
