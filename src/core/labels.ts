/** Words lectern writes on generated slides, by the deck's language. */
export interface Labels {
  agenda: string;
  /** The heading of the agenda's later slides, when the chapters need more than one. */
  agendaContinued: string;
  /** The small line under the agenda's heading; empty: none (a zh-CN deck shows no English unless asked). */
  agendaKicker: string;
  /** The divider's line above the chapter title, by the chapter's number. */
  chapter: (n: number) => string;
  /** A divider's words as one heading, where a layout has room for no more (a template's title-only layout). */
  chapterTitle: (n: number, title: string) => string;
  review: string;
  presenter: string;
  date: string;
  /** The title slide's `演讲人：王芳` line: a label and its value, and what separates two of them. */
  field: (label: string, value: string) => string;
  fieldGap: string;
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
  /** The handout's and script's page numbers: a template of {n} and {of}. */
  pageOf: string;
  /** The speaker script's running title after the course title, and its line for a slide without notes. */
  script: string;
  noNotes: string;
  /** The script's line above notes that run on from the page before: `12 · 标题（续）`. */
  continued: (heading: string) => string;
  /** The script's time plan on its first page: caption, columns, an exercise's kind, a span of time. */
  timePlan: {
    caption: string;
    time: string;
    part: string;
    length: string;
    /** An exercise or role-play without a time box (one with a time box shows `timeBox`). */
    activity: (kind: 'exercise' | 'roleplay') => string;
    span: (from: string, to: string) => string;
  };
  /**
   * The HTML's exercise countdown and presenter chapter timer, and their keys. The chapter's
   * time is a template of {used} (whole minutes) and, when the chapter plans some, {plan}.
   */
  timers: { exercise: string; chapter: string; chapterPlanned: string; keys: string };
  /** The presenter view's clock: 24-hour (15:05:09) or the browser's own format. */
  clock24: boolean;
  /** What a screen reader hears on each slide change, and the share copy's buttons. */
  slideAnnouncement: (n: number, of: number, title: string) => string;
  previousSlide: string;
  nextSlide: string;
  /** The presenter view's frame that shows the next slide. */
  nextSlidePreview: string;
  /** The HTML's page line under the slides: a template of {n} and {of}. */
  slidePage: string;
  /** marp-cli's other on-screen controls, its overview and presenter view (control-labels.ts). */
  controls: {
    fullscreen: string;
    overview: string;
    presenter: string;
    /** The two buttons' titles when the browser refuses the page local storage (an LMS's sandboxed frame): bespoke then disables them. */
    overviewDisabled: string;
    presenterDisabled: string;
    closeOverview: string;
    overviewTitle: string;
    presenterTitle: string;
    smallerNotes: string;
    biggerNotes: string;
    currentTime: string;
    timer: string;
  };
  /** Knowledge checks: the slide's kind line, the notes' key and explanation, the share copy's words. */
  quiz: {
    single: string;
    multiple: string;
    key: (letters: string) => string;
    why: (text: string) => string;
    submit: string;
    right: string;
    wrong: string;
    answer: (letters: string) => string;
    score: (right: number, of: number) => string;
    untracked: string;
  };
  /** `lectern import`: a chapter without a heading, and the note on the review it drafts. */
  importedPart: (n: number) => string;
  importedReviewNote: string;
  /** The editable PPTX's slide layouts, as PowerPoint's layout gallery shows them, by lectern's master. */
  layouts: Record<string, string>;
}

const zh: Labels = {
  agenda: '目录',
  agendaContinued: '目录（续）',
  agendaKicker: '',
  chapter: (n) => `第 ${n} 章`,
  chapterTitle: (n, title) => `第 ${n} 章：${title}`,
  review: '总结',
  presenter: '演讲人',
  date: '日期',
  field: (label, value) => `${label}：${value}`,
  fieldGap: '　　',
  minutes: (n) => `${n} 分钟`,
  total: (n) => `合计 ${n} 分钟`,
  sessionTotal: (n, all) => `本场 ${n} 分钟 · 全课 ${all} 分钟`,
  plannedMinutes: (n) => `⏱ 本章计划 ${n} 分钟`,
  timeBox: (kind, n) => `${kind === 'roleplay' ? '角色扮演' : '练习'} · ${n} 分钟`,
  scanFeedback: '扫码填写课程反馈',
  scanMaterials: '扫码获取课程资料',
  closing: '谢谢',
  pageOf: '第 {n} 页 / 共 {of} 页',
  script: '讲师讲稿',
  noNotes: '（本页无讲稿）',
  continued: (heading) => `${heading}（续）`,
  timePlan: {
    caption: '时间安排',
    time: '时间',
    part: '内容',
    length: '时长',
    activity: (kind) => (kind === 'roleplay' ? '角色扮演' : '练习'),
    span: (from, to) => `${from}–${to}`,
  },
  timers: {
    exercise: '练习计时',
    chapter: '本章 {used} 分钟',
    chapterPlanned: '本章 {used} 分钟 / 计划 {plan} 分钟',
    keys: 'T 开始/暂停 · Shift+T 重置',
  },
  clock24: true,
  slideAnnouncement: (n, of, title) => `幻灯片 ${n} / ${of}${title ? `：${title}` : ''}`,
  previousSlide: '上一页',
  nextSlide: '下一页',
  nextSlidePreview: '下一张幻灯片预览',
  slidePage: '第 {n} 页 / 共 {of} 页',
  controls: {
    fullscreen: '全屏 (f)',
    overview: '总览 (o)',
    presenter: '打开演讲者视图 (p)',
    overviewDisabled: '总览不可用：浏览器禁止此页使用本地存储',
    presenterDisabled: '演讲者视图不可用：浏览器禁止此页使用本地存储',
    closeOverview: '关闭总览',
    overviewTitle: '[总览]',
    presenterTitle: '[演讲者视图]',
    smallerNotes: '缩小备注文字',
    biggerNotes: '放大备注文字',
    currentTime: '当前时间',
    timer: '已用时间',
  },
  quiz: {
    single: '单选题',
    multiple: '多选题 · 选出所有正确项',
    key: (l) => `答案：${l}`,
    why: (text) => `解析：${text}`,
    submit: '提交',
    right: '回答正确',
    wrong: '回答错误',
    answer: (l) => `正确答案：${l}`,
    score: (r, n) => `知识检查得分：${r} / ${n}`,
    untracked: '本课件未连接学习平台，学习记录不会上报',
  },
  importedPart: (n) => `第 ${n} 部分`,
  importedReviewNote: 'lectern import 根据各章标题起草了这页回顾：请在授课前修改。',
  layouts: {
    DEFAULT: '空白',
    CONTENT: '内容',
    AGENDA: '目录',
    COVER: '封面',
    DIVIDER: '章节页',
    CASE: '案例',
    EXERCISE: '练习',
    ROLEPLAY: '角色扮演',
    STATEMENT: '金句',
    COMPARE: '对比',
    CHECKLIST: '清单',
    SPLIT: '图文',
    TABLE: '表格',
  },
};

const en: Labels = {
  agenda: 'Agenda',
  agendaContinued: 'Agenda (continued)',
  agendaKicker: 'CONTENTS',
  chapter: () => 'CHAPTER',
  chapterTitle: (n, title) => `Chapter ${n}: ${title}`,
  review: 'Review',
  presenter: 'Presenter',
  date: 'Date',
  // English sets a colon and a space; the full-width colon is Chinese (LibreOffice also draws
  // it a full em wide, where the slides' browser trims it).
  field: (label, value) => `${label}: ${value}`,
  fieldGap: '\u2003\u2003',
  minutes: (n) => `${n} min`,
  total: (n) => `${n} min in all`,
  sessionTotal: (n, all) => `This session: ${n} min of ${all}`,
  plannedMinutes: (n) => `⏱ Planned for this chapter: ${n} min`,
  timeBox: (kind, n) => `${kind === 'roleplay' ? 'Role-play' : 'Exercise'} · ${n} min`,
  scanFeedback: 'Scan to give feedback',
  scanMaterials: 'Scan for the course materials',
  closing: 'Thank you',
  pageOf: '{n} / {of}',
  script: 'Speaker script',
  noNotes: '(no notes)',
  continued: (heading) => `${heading} (continued)`,
  timePlan: {
    caption: 'Time plan',
    time: 'Time',
    part: 'Part',
    length: 'Length',
    activity: (kind) => (kind === 'roleplay' ? 'Role-play' : 'Exercise'),
    span: (from, to) => `${from}–${to}`,
  },
  timers: {
    exercise: 'Exercise',
    chapter: 'This chapter: {used} min',
    chapterPlanned: 'This chapter: {used} of {plan} min',
    keys: 'T start/pause · Shift+T reset',
  },
  clock24: false,
  slideAnnouncement: (n, of, title) => `Slide ${n} of ${of}${title ? `: ${title}` : ''}`,
  previousSlide: 'Previous slide',
  nextSlide: 'Next slide',
  nextSlidePreview: 'Next slide preview',
  // marp-cli's own words.
  slidePage: 'Page {n} of {of}',
  controls: {
    fullscreen: 'Toggle fullscreen (f)',
    overview: 'Toggle overview view (o)',
    presenter: 'Open presenter view (p)',
    overviewDisabled: 'Overview view is disabled due to restricted localStorage.',
    presenterDisabled: 'Presenter view is disabled due to restricted localStorage.',
    closeOverview: 'Close overview',
    overviewTitle: '[Overview]',
    presenterTitle: '[Presenter view]',
    smallerNotes: 'Smaller notes font size',
    biggerNotes: 'Bigger notes font size',
    currentTime: 'Current time',
    timer: 'Timer',
  },
  quiz: {
    single: 'Choose one',
    multiple: 'Choose all that apply',
    key: (l) => `Answer — ${l}`,
    why: (text) => `Why — ${text}`,
    submit: 'Submit',
    right: 'Right',
    wrong: 'Not quite',
    answer: (l) => `Right answer — ${l}`,
    score: (r, n) => `Knowledge check score — ${r} / ${n}`,
    untracked: 'Not connected to a learning platform: progress is not recorded',
  },
  importedPart: (n) => `Part ${n}`,
  importedReviewNote:
    'lectern import drafted this review from the chapter headings: edit it before you teach.',
  layouts: {
    DEFAULT: 'Blank',
    CONTENT: 'Content',
    AGENDA: 'Agenda',
    COVER: 'Title slide',
    DIVIDER: 'Chapter divider',
    CASE: 'Case',
    EXERCISE: 'Exercise',
    ROLEPLAY: 'Role-play',
    STATEMENT: 'Statement',
    COMPARE: 'Compare',
    CHECKLIST: 'Checklist',
    SPLIT: 'Picture and text',
    TABLE: 'Table',
  },
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
  const quiz = (t: Labels) => [
    t.quiz.submit,
    t.quiz.right,
    t.quiz.wrong,
    t.quiz.answer('ABCDEFGHI'),
    t.quiz.score(0, 0),
    t.quiz.untracked,
    '0123456789/ ,.✓✗',
  ];
  const script = (t: Labels) => [
    t.script,
    t.noNotes,
    t.continued(''),
    t.total(0),
    t.minutes(0),
    ...[t.timePlan.caption, t.timePlan.time, t.timePlan.part, t.timePlan.length],
    t.timeBox('exercise', 0),
    t.timeBox('roleplay', 0),
    t.timePlan.span('+0:00', '0'),
  ];
  const controls = (t: Labels) => [t.slidePage, t.previousSlide, t.nextSlide, ...Object.values(t.controls)];
  return [zh, en]
    .flatMap((t) => [...script(t), t.pageOf, ...Object.values(t.timers), ...quiz(t), ...controls(t)])
    .join('');
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
