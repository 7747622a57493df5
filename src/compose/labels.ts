/** Words lectern writes on generated slides, by the deck's language. */
export interface Labels {
  agenda: string;
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
}

const zh: Labels = {
  agenda: '目录',
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
};

const en: Labels = {
  agenda: 'Agenda',
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
};

export function labelsFor(lang: string): Labels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
