import { labelsFor } from '../../core/labels.js';

export type ScormVersion = '1.2' | '2004';

/** What the SCO's tracking script is given. */
interface TrackingData {
  version: ScormVersion;
  /** Percentage of the quizzes' points that passes; null: completion only. */
  mastery: number | null;
  untracked: string;
}

/**
 * The SCORM tracking of the share copy inside a package, run in the SCO's page:
 * - finds the LMS's API by the standard discovery: `API` (1.2) or `API_1484_11` (2004) on this
 *   window, its parents (up to 10) and then its opener's chain;
 * - bookmark: the slide shown goes to `cmi.core.lesson_location` / `cmi.location`, and a
 *   relaunch (`entry` = resume) opens there again;
 * - `suspend_data` keeps the slides seen and the answers given (JSON), restored on resume;
 * - completion when every slide has been shown; the knowledge checks' score as raw/min/max
 *   in percent (and `scaled` in 2004); passed / failed against the deck's `masteryScore` once
 *   complete; `exit` = suspend until then; session time and a commit on every change and on
 *   leaving the page;
 * - with no API (the file opened by itself) the deck works as the share copy and says, in a
 *   line at the top, that nothing is recorded.
 */
export function scormTracking(version: ScormVersion, lang: string, masteryScore?: number): string {
  const data: TrackingData = {
    version,
    mastery: masteryScore ?? null,
    untracked: labelsFor(lang).quiz.untracked,
  };
  return `<script>(${trackingScript.toString()})(${JSON.stringify(data).replace(/</g, '\\u003c')});</script>`;
}

type Lms = Record<string, (...args: string[]) => string>;

/** Runs in the page; serialized with toString(), so it uses nothing from this module. */
function trackingScript(data: TrackingData): void {
  const v12 = data.version === '1.2';
  const name = v12 ? 'API' : 'API_1484_11';
  const find = (start: Window | null): Lms | null => {
    let w: Window | null = start;
    for (let hops = 0; w && hops <= 10; hops++) {
      try {
        const api = (w as unknown as Record<string, Lms | undefined>)[name];
        if (api) return api;
      } catch {
        // a frame of another origin: the LMS is not there
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  const api = find(window) ?? find(window.opener as Window | null);
  const slides = [...document.querySelectorAll('.lectern-share > div.marpit > svg[data-marpit-svg]')];
  if (!api) {
    const note = document.createElement('p');
    note.className = 'lectern-untracked';
    note.textContent = data.untracked;
    note.setAttribute(
      'style',
      'position:fixed;top:0;left:0;right:0;margin:0;padding:4px 12px;background:#fff3cd;color:#5c4400;font:14px system-ui,sans-serif;text-align:center;z-index:10',
    );
    document.body.append(note);
    return;
  }
  const call = (v12name: string, v2004name: string, ...args: string[]) =>
    String(api[v12 ? v12name : v2004name]?.(...args) ?? '');
  const get = (el: string) => call('LMSGetValue', 'GetValue', el);
  const set = (el: string, value: string) => call('LMSSetValue', 'SetValue', el, value);
  const commit = () => call('LMSCommit', 'Commit', '');
  const el = {
    location: v12 ? 'cmi.core.lesson_location' : 'cmi.location',
    entry: v12 ? 'cmi.core.entry' : 'cmi.entry',
    exit: v12 ? 'cmi.core.exit' : 'cmi.exit',
    sessionTime: v12 ? 'cmi.core.session_time' : 'cmi.session_time',
    score: v12 ? 'cmi.core.score' : 'cmi.score',
  };
  call('LMSInitialize', 'Initialize', '');
  const started = Date.now();
  type Saved = { seen?: string; answers?: Record<string, number[]> };
  let saved: Saved = {};
  if (get(el.entry) === 'resume') {
    try {
      saved = (JSON.parse(get('cmi.suspend_data') || '{}') as Saved) ?? {};
    } catch {
      saved = {};
    }
  }
  const seen = slides.map((_, i) => saved.seen?.[i] === '1');
  const quiz = (window as unknown as { lecternQuiz?: LecternQuiz }).lecternQuiz;
  type LecternQuiz = {
    answers(): Record<string, number[]>;
    restore(a: Record<string, number[]>): void;
    score(): { raw: number; max: number };
    onChange(f: () => void): void;
  };
  if (quiz && saved.answers) quiz.restore(saved.answers);
  let complete = false;

  const sessionTime = () => {
    const s = (Date.now() - started) / 1000;
    if (!v12) return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${(s % 60).toFixed(2)}S`;
    const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
    return `${pad(s / 3600, 4)}:${pad((s % 3600) / 60)}:${(s % 60).toFixed(2).padStart(5, '0')}`;
  };
  const record = () => {
    const at = slides.findIndex((s) => s.classList.contains('active'));
    if (at >= 0) {
      seen[at] = true;
      set(el.location, String(at + 1));
    }
    set(
      'cmi.suspend_data',
      JSON.stringify({ seen: seen.map((s) => (s ? '1' : '0')).join(''), answers: quiz?.answers() ?? {} }),
    );
    const score = quiz?.score();
    const percent = score && score.max ? Math.round((100 * score.raw) / score.max) : null;
    if (percent !== null) {
      set(`${el.score}.min`, '0');
      set(`${el.score}.max`, '100');
      set(`${el.score}.raw`, String(percent));
      if (!v12) set('cmi.score.scaled', String(score!.raw / score!.max));
    }
    complete = seen.every(Boolean);
    const result =
      !complete || data.mastery === null || percent === null
        ? null
        : percent >= data.mastery
          ? 'passed'
          : 'failed';
    if (v12) set('cmi.core.lesson_status', result ?? (complete ? 'completed' : 'incomplete'));
    else {
      set('cmi.completion_status', complete ? 'completed' : 'incomplete');
      set('cmi.success_status', result ?? 'unknown');
    }
    set(el.exit, complete ? (v12 ? '' : 'normal') : 'suspend');
    commit();
  };
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    set(el.sessionTime, sessionTime());
    set(el.exit, complete ? (v12 ? '' : 'normal') : 'suspend');
    commit();
    call('LMSFinish', 'Terminate', '');
  };
  const bookmark = Number(get(el.location));
  if (saved.seen && bookmark >= 1 && bookmark <= slides.length) location.hash = `#${bookmark}`;
  const observer = new MutationObserver(() => record());
  slides.forEach((s) => observer.observe(s, { attributes: true, attributeFilter: ['class'] }));
  quiz?.onChange(record);
  window.addEventListener('pagehide', end);
  window.addEventListener('beforeunload', end);
  // The slide the page opened on counts as shown; the bookmark's hash change follows.
  record();
}
