/** Words lectern writes on generated slides, by the deck's language. */
export interface Labels {
  agenda: string;
  /** The heading of the agenda's later slides, when the chapters need more than one. */
  agendaContinued: string;
  agendaKicker: string;
  chapter: string;
  review: string;
  presenter: string;
  date: string;
  minutes: (n: number) => string;
  total: (n: number) => string;
  /** A part-day session's minutes against the whole course's. */
  sessionTotal: (n: number, all: number) => string;
  plannedMinutes: (n: number) => string;
  /** The time box of an exercise or role-play slide. */
  timeBox: (kind: 'exercise' | 'roleplay', n: number) => string;
  /** Captions under the closing slide's QR codes. */
  scanFeedback: string;
  scanMaterials: string;
  /** The closing slide's text when deck.md sets no `closing`. */
  closing: string;
  /** The speaker script's running title after the course title, and its line for a slide without notes. */
  script: string;
  noNotes: string;
  /** The HTML's exercise countdown and presenter chapter timer, and their keys. */
  timers: { exercise: string; chapter: string; keys: string };
}

const zh: Labels = {
  agenda: '目录',
  agendaContinued: '目录（续）',
  agendaKicker: 'CATALOGUE',
  chapter: 'CHAPTER',
  review: '总结',
  presenter: '演讲人',
  date: '日期',
  minutes: (n) => `${n} 分钟`,
  total: (n) => `合计 ${n} 分钟`,
  sessionTotal: (n, all) => `本场 ${n} 分钟 · 全课 ${all} 分钟`,
  plannedMinutes: (n) => `⏱ 本章计划 ${n} 分钟`,
  timeBox: (kind, n) => `${kind === 'roleplay' ? '角色扮演' : '练习'} · ${n} 分钟`,
  scanFeedback: '扫码填写课程反馈',
  scanMaterials: '扫码获取课程资料',
  closing: '谢谢',
  script: '讲师讲稿',
  noNotes: '（本页无讲稿）',
  timers: { exercise: '练习计时', chapter: '本章用时', keys: 'T 开始/暂停 · Shift+T 重置' },
};

const en: Labels = {
  agenda: 'Agenda',
  agendaContinued: 'Agenda (continued)',
  agendaKicker: 'CONTENTS',
  chapter: 'CHAPTER',
  review: 'Review',
  presenter: 'Presenter',
  date: 'Date',
  minutes: (n) => `${n} min`,
  total: (n) => `${n} min in all`,
  sessionTotal: (n, all) => `This session: ${n} min of ${all}`,
  plannedMinutes: (n) => `⏱ Planned for this chapter: ${n} min`,
  timeBox: (kind, n) => `${kind === 'roleplay' ? 'Role-play' : 'Exercise'} · ${n} min`,
  scanFeedback: 'Scan to give feedback',
  scanMaterials: 'Scan for the course materials',
  closing: 'Thank you',
  script: 'Speaker script',
  noNotes: '(no notes)',
  timers: { exercise: 'Exercise', chapter: 'Chapter', keys: 'T start/pause · Shift+T reset' },
};

/** Closing texts for languages that otherwise get the English words. */
const CLOSING_ONLY: Record<string, string> = { ja: 'ありがとうございました' };

export function labelsFor(lang: string): Labels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}

/** The closing slide's default text in the deck's language. */
export function defaultClosing(lang: string): string {
  return CLOSING_ONLY[lang.toLowerCase().split('-')[0] ?? ''] ?? labelsFor(lang).closing;
}

/**
 * Words lectern writes outside the slides' markdown (the script's pages, the HTML's timers),
 * in every language: the embedded font keeps their characters, since no deck text brings them.
 */
export function wordsOutsideSlides(): string {
  return [zh, en].flatMap((t) => [t.script, t.noNotes, ...Object.values(t.timers)]).join('');
}

/**
 * The placeholder text `lectern new` writes, which `check` and `build` warn about until the
 * trainer replaces it: the title slide's fields and the sample slide's point and notes.
 */
export const SCAFFOLD_PLACEHOLDERS = {
  fields: { subtitle: '副标题', presenter: '讲师姓名', date: '日期', organization: '部门名称' },
  point: '用一两句话说明这个要点。',
  notes: '讲师备注：这里写页面之外要讲的内容（2–4 句）。',
} as const;
