import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const out = tempDir('lectern-share-');
let run: ReturnType<typeof lectern>;
let browser: Browser;
let page: Page;
const requests: string[] = [];
let notes: string[];

const visible = (p: Page) =>
  p.$$eval('svg[data-marpit-svg]', (ss) =>
    ss.flatMap((s, i) => (s.getBoundingClientRect().width > 0 ? [i + 1] : [])),
  );
const counter = (p: Page) => p.$eval('.lectern-share-page', (e) => e.textContent);

beforeAll(async () => {
  run = lectern(['build', join(FIXTURES, 'valid'), '--out', out, '--format', 'html,share']);
  browser = await startChromium();
  // Every note the trainer sees, as the presenter's HTML carries them: deck, agenda, dividers (with the planned minutes), slides, closing.
  const presenter = await browser.newPage();
  await presenter.goto(pathToFileURL(join(out, 'valid.html')).href, { waitUntil: 'load' });
  notes = await presenter.$$eval('.bespoke-marp-note', (ns) => ns.map((n) => n.textContent ?? ''));
  await presenter.close();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(out, 'valid-share.html')).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

describe('--format share: a notes-free copy for trainees', () => {
  it('holds no speaker note anywhere in the file', () => {
    expect(run.code).toBe(0);
    const lines = notes
      .flatMap((n) => n.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.length >= 4);
    expect(lines.length).toBeGreaterThan(8);
    expect(lines).toContain('欢迎来到沟通技巧训练营。');
    const share = readFileSync(join(out, 'valid-share.html'), 'utf8');
    for (const line of lines) {
      expect(share, line).not.toContain(line);
      // also not as HTML-escaped text
      expect(share, line).not.toContain(
        line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      );
    }
    expect(share).not.toMatch(/bespoke-marp-note|presenter/i);
  });

  it('shows one slide at a time and flips with the keyboard', async () => {
    expect(await visible(page)).toEqual([1]);
    expect(await counter(page)).toBe('1 / 10');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await visible(page)).toEqual([3]);
    expect(await counter(page)).toBe('3 / 10');
    await page.keyboard.press('ArrowLeft');
    expect(await visible(page)).toEqual([2]);
    await page.keyboard.press('End');
    expect(await visible(page)).toEqual([10]);
    await page.keyboard.press('Home');
    expect(await visible(page)).toEqual([1]);
  });

  it('flips with a swipe on a touch screen', async () => {
    const cdp = await page.createCDPSession();
    const swipe = async (from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y: 300 }] });
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: (from + to) / 2, y: 300 }],
      });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(900, 300);
    expect(await visible(page)).toEqual([2]);
    await swipe(300, 900);
    expect(await visible(page)).toEqual([1]);
  });

  it('has no presenter view: P opens no window and the page stays the slides', async () => {
    const before = (await browser.pages()).length;
    await page.keyboard.press('p');
    await new Promise((r) => setTimeout(r, 300));
    expect((await browser.pages()).length).toBe(before);
    await page.goto(`${pathToFileURL(join(out, 'valid-share.html')).href}?view=presenter#4`, {
      waitUntil: 'load',
    });
    expect(await visible(page)).toEqual([4]);
    expect(await page.$$('.bespoke-marp-presenter-container, .bespoke-marp-note')).toHaveLength(0);
  });

  it('is self-contained: nothing but the file itself is loaded', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });
});
