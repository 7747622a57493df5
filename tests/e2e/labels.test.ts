import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The words lectern writes, as a zh-CN deck shows them (no English unless asked) and as
// deck.md's `labels:` rewords them, read from the built HTML in Chromium and the PDFs with poppler.

/** The valid fixture (zh-CN) built to HTML, handout and script, with `extra` in its deck.md. */
function build(extra: string): string {
  const deck = join(tempDir('lectern-labels-'), 'deck');
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  const file = join(deck, 'deck.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('agendaNotes:', `${extra}agendaNotes:`));
  const out = tempDir('lectern-labels-out-');
  const run = lectern(['build', deck, '--out', out, '--format', 'html,handout,script', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

const flat = (text: string) => text.replace(/\s+/g, '');

let browser: Browser;
beforeAll(async () => {
  browser = await startChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of each slide of the HTML's audience view. */
async function slideTexts(out: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(join(out, 'deck.html')).href, { waitUntil: 'load' });
    return await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (ss) =>
      ss.map((s) => (s.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  } finally {
    await page.close();
  }
}

describe('labels', () => {
  it('a zh-CN deck: generated slides hold no English, dividers say 第 N 章, pages 第 N 页 / 共 M 页', async () => {
    const out = build('');
    const texts = await slideTexts(out);
    const generated = [texts[1]!, texts[2]!, texts[5]!, texts.at(-1)!]; // agenda, two dividers, closing
    expect(texts[2]).toMatch(/^01 第 1 章 倾听的力量/);
    for (const text of generated) expect(text).not.toMatch(/[A-Za-z]/);
    // poppler drops the spaces between Chinese and digits.
    expect(flat(pdfText(join(out, 'deck-handout.pdf'), 1))).toContain('第1页/共2页');
    expect(flat(pdfText(join(out, 'deck-script.pdf'), 1))).toMatch(/第1页\/共\d+页/);
  });

  it("deck.md's labels reword the agenda's kicker, the dividers and the page numbers", async () => {
    const out = build(
      'labels:\n  agendaKicker: CATALOGUE\n  chapter: "PART {n}"\n  pageOf: "页 {n}（{of}）"\n',
    );
    const texts = await slideTexts(out);
    expect(texts[1]).toMatch(/^目录 CATALOGUE 01 倾听的力量/);
    expect(texts[2]).toMatch(/^01 PART 1 倾听的力量/);
    expect(flat(pdfText(join(out, 'deck-handout.pdf'), 2))).toContain('页2（2）');
  });
});

/** What marp-cli's controls say in one view of the HTML: every title, button text, page line, window title. */
async function controlWords(
  out: string,
  query: string,
  move = false,
): Promise<{ words: string[]; page: string; title: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${pathToFileURL(join(out, 'deck.html')).href}${query}`, { waitUntil: 'load' });
    // bespoke writes the page line again on each slide change.
    if (move) await page.keyboard.press('ArrowRight');
    return await page.evaluate(() => {
      const controls = document.querySelectorAll(
        '.bespoke-marp-osc [title], .bespoke-marp-osc button, [class^="bespoke-marp-presenter-"] [title], .bespoke-marp-overview-close',
      );
      const words = [...controls].flatMap((el) => [el.getAttribute('title') ?? '', el.textContent ?? '']);
      return {
        words: words.filter((w) => w.trim()),
        page: document.querySelector('[data-bespoke-marp-osc="page"]')?.textContent ?? '',
        title: document.title,
      };
    });
  } finally {
    await page.close();
  }
}

describe("marp-cli's on-screen controls", () => {
  it('a zh-CN deck: the audience view, overview and presenter view name their controls in Chinese', async () => {
    const out = build('');
    const audience = await controlWords(out, '', true);
    expect(audience.page).toBe('第 2 页 / 共 10 页');
    expect(audience.words).toEqual(expect.arrayContaining(['上一页', '下一页', '全屏 (f)', '总览 (o)']));
    const presenter = await controlWords(out, '?view=presenter');
    expect(presenter.title).toMatch(/^\[演讲者视图\] - /);
    expect(presenter.words).toEqual(expect.arrayContaining(['缩小备注文字', '当前时间']));
    const overview = await controlWords(out, '?view=overview');
    expect(overview.title).toMatch(/^\[总览\] - /);
    for (const view of [audience, presenter, overview])
      for (const word of view.words) expect(word, word).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('a page refused local storage (a sandboxed LMS frame) says why its presenter and overview buttons are off', async () => {
    const out = build('');
    const page = await browser.newPage();
    try {
      // What a browser does to a page it refuses storage: reading localStorage throws.
      await page.evaluateOnNewDocument(() => {
        Object.defineProperty(window, 'localStorage', {
          get: () => {
            throw new DOMException('denied', 'SecurityError');
          },
        });
      });
      await page.goto(pathToFileURL(join(out, 'deck.html')).href, { waitUntil: 'load' });
      const buttons = await page.$$eval(
        '[data-bespoke-marp-osc="presenter"], [data-bespoke-marp-osc="overview"]',
        (els) =>
          els.map((el) => ({
            disabled: (el as HTMLButtonElement).disabled,
            title: el.getAttribute('title'),
          })),
      );
      expect(buttons).toEqual([
        { disabled: true, title: '总览不可用：浏览器禁止此页使用本地存储' },
        { disabled: true, title: '演讲者视图不可用：浏览器禁止此页使用本地存储' },
      ]);
    } finally {
      await page.close();
    }
  });

  it("deck.md's slidePage rewords the page line", async () => {
    const out = build('labels:\n  slidePage: "{n}／{of}"\n');
    expect((await controlWords(out, '', true)).page).toBe('2／10');
  });
});

describe("marp-cli's controls in an English deck", () => {
  it('keep marp-cli’s own words, and the presenter view and overview still open', async () => {
    const out = tempDir('lectern-labels-en-');
    const run = lectern([
      'build',
      join(FIXTURES, 'themes-gaia'),
      '--out',
      out,
      '--format',
      'html',
      '--quiet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const page = await browser.newPage();
    try {
      const file = pathToFileURL(join(out, 'themes-gaia.html')).href;
      for (const [view, lead] of [
        ['presenter', '[Presenter view]'],
        ['overview', '[Overview]'],
      ] as const) {
        await page.goto(`${file}?view=${view}`, { waitUntil: 'load', timeout: 10_000 });
        expect(await page.title()).toMatch(new RegExp(`^\\${lead.slice(0, -1)}\\] - `));
      }
      await page.goto(file, { waitUntil: 'load', timeout: 10_000 });
      await page.keyboard.press('ArrowRight');
      expect(await page.$eval('[data-bespoke-marp-osc="page"]', (el) => el.textContent)).toMatch(
        /^Page 2 of \d+$/,
      );
    } finally {
      await page.close();
    }
  });
});
