import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { pdfInfo, pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const out = tempDir('lectern-chapters-');
const deck = join(FIXTURES, 'valid');
let full: ReturnType<typeof lectern>;
let part: ReturnType<typeof lectern>;
let fullPdfTime: number;
let browser: Browser;

beforeAll(async () => {
  full = lectern(['build', deck, '--out', out, '--format', 'html,pdf']);
  fullPdfTime = statSync(join(out, 'valid.pdf')).mtimeMs;
  part = lectern(['build', deck, '--out', out, '--format', 'html,pdf', '--chapters', '02']);
  browser = await startChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('lectern build --chapters (a part-day session)', () => {
  it('writes <name>-ch02.* beside the full deck, which stays', () => {
    expect(full.code).toBe(0);
    expect(part.stderr).not.toMatch(/error/i);
    expect(part.code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['valid-ch02.html', 'valid-ch02.pdf', 'valid.html', 'valid.pdf']);
    expect(statSync(join(out, 'valid.pdf')).mtimeMs).toBe(fullPdfTime);
    expect(pdfInfo(join(out, 'valid.pdf')).Pages).toBe('10');
  });

  it('has title, agenda, the chapter divider and its slides, and the closing', () => {
    // valid: chapter 02 has one content slide.
    const file = join(out, 'valid-ch02.pdf');
    expect(pdfInfo(file).Pages).toBe('5');
    expect(pdfText(file, 1)).toContain('沟通技巧训练营');
    expect(pdfText(file, 3).replace(/\s+/g, ' ')).toMatch(/02 第 ?2 ?章 清晰表达/);
    expect(pdfText(file, 4)).toContain('02 · 清晰表达');
    expect(pdfText(file, 5)).toContain('谢谢');
    expect(pdfText(file)).not.toContain('倾听三要点');
  });

  it('shows the whole course on the agenda, with this session’s chapter highlighted and its minutes', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'valid-ch02.html')).href, { waitUntil: 'load' });
    const items = await page.$$eval('svg[data-marpit-svg] > foreignObject > section.agenda li', (lis) =>
      lis.map((li) => ({
        text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
        opacity: getComputedStyle(li).opacity,
      })),
    );
    expect(items).toEqual([
      { text: '01 倾听的力量 10 分钟', opacity: '0.3' },
      { text: '02 清晰表达 12 分钟', opacity: '1' },
      { text: '03 总结回顾 8 分钟', opacity: '0.3' },
    ]);
    const agenda = await page.$eval('section.agenda', (s) => (s.textContent ?? '').replace(/\s+/g, ' '));
    expect(agenda).toContain('本场 12 分钟 · 全课 30 分钟');
    // The full deck's agenda is unchanged: nothing faded.
    await page.goto(pathToFileURL(join(out, 'valid.html')).href, { waitUntil: 'load' });
    expect(
      await page.$$eval('section.agenda li', (lis) => lis.map((li) => getComputedStyle(li).opacity)),
    ).toEqual(['1', '1', '1']);
    await page.close();
  });

  it('takes a list and a range: 01,03 and 01-02', () => {
    const list = lectern(['build', deck, '--out', out, '--format', 'html', '--chapters', '01,03']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/valid-ch01_03\.html/);
    // title, agenda, divider 01 + 2 slides, divider 03 + 1 slide, closing
    expect(list.stdout).toMatch(/^8 slides/m);
    const range = lectern(['build', deck, '--out', out, '--format', 'html', '--chapters', '01-02']);
    expect(range.stdout).toMatch(/valid-ch01-02\.html/);
    expect(range.stdout).toMatch(/^8 slides/m);
  });

  it('refuses a chapter the deck does not have, with exit 2 and nothing written', () => {
    const bad = lectern(['build', deck, '--out', out, '--format', 'html', '--chapters', '05']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no chapter 05/);
    expect(bad.stderr).toMatch(/hint: --chapters takes chapter numbers from 01 to 03/);
    expect(readdirSync(out).some((f) => f.includes('ch05'))).toBe(false);
  });

  it('check understands the same flag', () => {
    const ok = lectern(['check', deck, '--chapters', '02']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/0 error\(s\)/);
    const bad = lectern(['check', deck, '--chapters', '2-9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no chapter 04/);
  });
});
