import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { readSlides } from '../../src/load/split-slides.js';
import { plain } from '../../src/engine/slide-tokens.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('lectern-quiz-unit-');
let decks = 0;

/** A deck of one chapter and the review, whose review body is `review`; deck.md's body and front matter as given. */
async function deckWith(review: string, deckExtra = '', deckBody = '') {
  const dir = join(root, `deck${++decks}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'deck.md'), `---\ntitle: 测验\nchapters: 1\n${deckExtra}---\n${deckBody}`);
  writeFileSync(join(dir, '01-one.md'), '---\ntitle: 第一章\n---\n\n## 要点\n\n- 一\n\n<!-- 讲稿 -->\n');
  writeFileSync(join(dir, '02-review.md'), `---\ntitle: 回顾\n---\n\n${review}`);
  return validateDeck(await loadDeck(dir, root));
}

const errors = (r: Awaited<ReturnType<typeof deckWith>>) =>
  r.problems.filter((p) => p.severity === 'error').map((p) => `${p.line} ${p.code} ${p.message}`);

describe('a knowledge check read from the tokens', () => {
  it('finds the question, the options with their key and lines, and the explanation', () => {
    const body = [
      '## 测验：第一步', // 10
      '',
      '客户激动时先做什么？',
      '',
      '- [ ] 解释政策',
      '- [x] **倾听**并确认感受',
      '- [ ] 挂断',
      '',
      '> 先处理情绪，',
      '> 再处理事情。',
      '',
      '<!-- 讲稿 -->',
    ].join('\n');
    const [slide] = readSlides(body, 10).slides;
    const quiz = slide!.quiz!;
    expect(quiz.line).toBe(10);
    expect(plain(quiz.question)).toBe('客户激动时先做什么？');
    expect(quiz.options.map((o) => [plain(o.runs), o.correct, o.line])).toEqual([
      ['解释政策', false, 14],
      ['倾听并确认感受', true, 15],
      ['挂断', false, 16],
    ]);
    expect(quiz.explanation.map(plain)).toEqual(['先处理情绪，再处理事情。']);
    expect(quiz.explanationLines).toEqual([18, 20]);
  });

  it('reads a quiz from its class or its heading only: a checklist stays a checklist', () => {
    const read = (body: string) => readSlides(body, 1).slides[0]!.quiz;
    expect(read('<!-- _class: quiz -->\n\n## 回应\n\n- [ ] 甲\n- [x] 乙')?.options).toHaveLength(2);
    expect(read('## Quiz 3: listening\n\n- [ ] a\n- [x] b')).toBeDefined();
    expect(read('## 小测验\n\n- [ ] a\n- [x] b')).toBeDefined();
    expect(read('## 知识检查\n\n- [ ] a\n- [X] b')?.options[1]?.correct).toBe(true);
    expect(read('## 我的行动计划\n\n- [ ] 每日自检\n- [ ] 每周复盘')).toBeUndefined();
    expect(read('## Quizzes we ran\n\n- [ ] a')).toBeUndefined();
  });

  it('composes the slide without the key: no box markers, no explanation, the key in the notes', async () => {
    const { model } = await deckWith(
      '## 测验：第一步\n\n- [ ] 甲\n- [x] 乙\n- [x] 丙\n\n> 乙和丙都对。\n\n<!-- 讲稿 -->\n',
    );
    const composed = composeDeck(model!);
    const slide = composed.slides.find((s) => s.quiz)!;
    expect(slide.layout).toBe('quiz');
    expect(slide.quiz).toEqual({
      question: '测验：第一步',
      options: ['甲', '乙', '丙'],
      correct: [1, 2],
      explanation: '乙和丙都对。',
    });
    expect(slide.notes).toBe('讲稿\n\n答案：B C\n解析：乙和丙都对。');
    const shown = slide.body!.replace(/<!--[\s\S]*?-->/g, '');
    expect(shown).not.toMatch(/\[[ xX]\]/);
    expect(shown).not.toContain('乙和丙都对');
    expect(shown).toContain('###### 多选题');
  });
});

describe('check: knowledge checks', () => {
  const cases: [string, string, string][] = [
    ['no [x]', '## 测验\n\n- [ ] 甲\n- [ ] 乙\n', '5 quiz-invalid quiz marks no option as right'],
    [
      'every option [x]',
      '## 测验\n\n- [x] 甲\n- [x] 乙\n',
      '5 quiz-invalid quiz marks every option as right',
    ],
    ['one option', '## 测验\n\n- [x] 甲\n', '5 quiz-invalid quiz has only one option'],
    [
      'no options',
      '<!-- _class: quiz -->\n\n## 回应的方式\n\n只有题目\n',
      '7 quiz-invalid quiz has no options',
    ],
    [
      'an item without a box',
      '## 测验\n\n- [ ] 甲\n- [x] 乙\n- 丙\n',
      '9 quiz-invalid quiz option has no box',
    ],
  ];
  it.each(cases)('a quiz with %s is an error at its line', async (_, review, expected) => {
    const r = await deckWith(review);
    expect(errors(r)).toEqual([expected]);
    expect(r.model).toBeUndefined();
  });

  it('a quiz in deck.md, outside any chapter, is an error at its line', async () => {
    const r = await deckWith('## 回顾\n\n- 一\n\n<!-- 讲稿 -->\n', '', '\n## 测验\n\n- [ ] 甲\n- [x] 乙\n');
    expect(errors(r)).toEqual([
      '6 quiz-outside knowledge check outside a chapter: deck.md holds settings and the title slide notes',
    ]);
  });

  it('masteryScore is a percentage', async () => {
    expect(errors(await deckWith('## 回顾\n\n- 一\n', 'masteryScore: 120\n'))).toEqual([
      '4 field-type masteryScore must be a percentage from 0 to 100, not 120',
    ]);
    const ok = await deckWith('## 测验\n\n- [ ] 甲\n- [x] 乙\n', 'masteryScore: 80\n');
    expect(errors(ok)).toEqual([]);
    expect(ok.model?.masteryScore).toBe(80);
  });
});
