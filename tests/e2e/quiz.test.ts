import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The quiz fixture's knowledge checks in every output: what the room, the trainee and the
// trainer each see. Slide 6: 测验 (B right), 7: 知识检查 (A and C right), 8: the class form (B).

const out = tempDir('lectern-quiz-');
const OPTIONS = ['立即解释公司政策', '先倾听并确认客户的感受', '打断客户，提出还款方案', '挂断电话稍后再打'];
const WHY = '先处理情绪，再处理事情';
let browser: Browser;

beforeAll(() => {
  const run = lectern(['build', join(FIXTURES, 'quiz'), '--out', out, '--format', 'all,share']);
  expect(run.code, run.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const open = async (file: string, slide: number, query = ''): Promise<Page> => {
  browser ??= await startChromium();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${pathToFileURL(join(out, file)).href}${query}#${slide}`, { waitUntil: 'load' });
  return page;
};
const classes = (page: Page, slide: number) =>
  page.$$eval(`svg[data-marpit-svg]:nth-of-type(${slide}) section > ul > li`, (ls) =>
    ls.map((l) => l.className),
  );

describe('knowledge checks in the printed outputs', () => {
  it('the handout shows the question with empty boxes and no key', () => {
    const text = pdfText(join(out, 'quiz-handout.pdf')).replace(/\s+/g, '');
    for (const o of OPTIONS) expect(text).toContain(o);
    expect(text).toContain('客户情绪激动时，坐席首先应该怎么做？');
    expect(text).not.toMatch(/\[[xX ]\]/);
    expect(text).not.toContain('答案');
    expect(text).not.toContain('解析');
    expect(text).not.toContain(WHY);
    expect(text).not.toContain('✓');
  });

  it('the speaker script gives the key and the explanation', () => {
    const text = pdfText(join(out, 'quiz-script.pdf')).replace(/\s+/g, '');
    // pdftotext interleaves the thumbnail's lines with the notes beside it.
    expect(text).toContain('答案：B');
    expect(text).toContain(`解析：${WHY}`);
    expect(text).toContain('答案：AC');
  });

  it('the editable PPTX has the question and the options after their letters as text, the key in the notes only', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'quiz.pptx')));
    const slide = await zip.file('ppt/slides/slide6.xml')!.async('string');
    const notes = await zip.file('ppt/notesSlides/notesSlide6.xml')!.async('string');
    const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('|');
    for (const o of OPTIONS) expect(texts(slide)).toContain(o);
    expect(texts(slide)).toContain('客户情绪激动时，坐席首先应该怎么做？');
    // Each option after its letter, the letter the theme's `::before` badge (a box with its text).
    const shown = texts(slide).split('|');
    for (const [n, o] of OPTIONS.entries()) expect(shown[shown.indexOf(o) - 1]).toBe('ABCD'[n]);
    expect(texts(slide)).not.toContain('答案');
    expect(texts(notes).replace(/\r\n/g, '\n')).toContain(`答案：B\n解析：${WHY}`);
  });
});

describe('knowledge checks in the presenting HTML', () => {
  it('R reveals the key and the explanation to the room, R again hides them', async () => {
    const page = await open('quiz.html', 6);
    expect(await classes(page, 6)).toEqual(['', '', '', '']);
    expect(await page.$('.lectern-quiz-why')).toBeNull();
    await page.keyboard.press('r');
    expect(await classes(page, 6)).toEqual(['', 'lectern-right', '', '']);
    expect(await page.$eval('svg.bespoke-marp-active .lectern-quiz-why', (e) => e.textContent)).toContain(
      WHY,
    );
    // Another slide's key is not shown by this one's R.
    expect(await classes(page, 7)).toEqual(['', '', '']);
    await page.keyboard.press('r');
    expect(await classes(page, 6)).toEqual(['', '', '', '']);
    await page.close();
  });

  it('the presenter view shows every key at once', async () => {
    const page = await open('quiz.html', 7, '?view=presenter');
    expect(await classes(page, 7)).toEqual(['lectern-right', '', 'lectern-right']);
    expect(await classes(page, 6)).toEqual(['', 'lectern-right', '', '']);
    await page.close();
  });
});

describe('knowledge checks in the share copy', () => {
  it('shows no answer before one is submitted, then right or wrong with the explanation', async () => {
    const page = await open('quiz-share.html', 6);
    // The whole document (markup, scripts' text, attributes), not only what is visible.
    const html = await page.content();
    expect(html.includes(WHY), 'explanation in the DOM').toBe(false);
    expect(/答案：[A-D]|\[[xX]\]/.test(html), 'key in the DOM').toBe(false);
    expect(await page.$$('.lectern-right, .lectern-wrong, .lectern-quiz-why')).toHaveLength(0);
    expect(await page.$eval('body', (b) => b.innerText)).not.toContain(WHY);
    // 1–9 pick, Enter submits: C is wrong.
    await page.keyboard.press('1');
    await page.keyboard.press('3');
    expect(await classes(page, 6)).toEqual(['', '', 'lectern-chosen', '']);
    await page.keyboard.press('Enter');
    expect(await classes(page, 6)).toEqual(['', 'lectern-right', 'lectern-wrong', '']);
    const result = await page.$eval('svg.active .lectern-quiz-why', (e) => e.textContent ?? '');
    expect(result).toContain('回答错误');
    expect(result).toContain('正确答案：B');
    expect(result).toContain(WHY);
    // The other quizzes stay unanswered and unmarked.
    expect(await classes(page, 7)).toEqual(['', '', '']);
    await page.close();
  });

  it('takes clicks and the submit button; other slides keep their keys; the score shows at the end', async () => {
    const page = await open('quiz-share.html', 7);
    const options = await page.$$('svg.active section > ul > li');
    await options[0]!.click();
    await options[2]!.click();
    await page.click('svg.active .lectern-quiz-submit');
    expect(await classes(page, 7)).toEqual(['lectern-right', '', 'lectern-right']);
    expect(await page.$eval('svg.active .lectern-quiz-why', (e) => e.textContent)).toContain('回答正确');
    // On a slide that is no quiz, digits do nothing and the arrows still flip.
    await page.goto(`${pathToFileURL(join(out, 'quiz-share.html')).href}#4`);
    await page.keyboard.press('2');
    expect(await page.$eval('.lectern-share-page', (e) => e.textContent)).toBe('4 / 9');
    await page.keyboard.press('ArrowRight');
    expect(await page.$eval('.lectern-share-page', (e) => e.textContent)).toBe('5 / 9');
    // A fresh page: answer two of three, one right, and read the score on the last slide.
    await page.goto(`${pathToFileURL(join(out, 'quiz-share.html')).href}#6`);
    await page.reload();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    expect(await page.$eval('svg.active .lectern-quiz-score', (e) => e.textContent)).toBe(
      '知识检查得分：1 / 3',
    );
    await page.close();
  });
});
