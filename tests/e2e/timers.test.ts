import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { lectern } from '../helpers/cli.js';
import { fixtureDeck } from '../helpers/fixture-decks.js';
import { tempDir } from '../helpers/temp.js';

const out = tempDir('lectern-timers-');
let run: ReturnType<typeof lectern>;
let browser: Browser;
let audience: Page;
let presenter: Page;
const requests: string[] = [];
const url = () => pathToFileURL(join(out, 'timers.html')).href;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (clock: string) => Number(clock.split(':')[0]) * 60 + Number(clock.split(':')[1]);
const countdown = (p: Page) =>
  p.$eval('.lectern-countdown', (e) => ({
    shown: !(e as HTMLElement).hidden && (e as HTMLElement).getBoundingClientRect().width > 0,
    text: e.textContent ?? '',
    running: (e as HTMLElement).dataset.running,
  }));

beforeAll(async () => {
  // timers: slide 5 (练习材料, chapter 01 of 10 minutes) has <!-- minutes: 2 -->.
  run = lectern(['build', fixtureDeck('timers'), '--out', out, '--format', 'html']);
  browser = await startChromium();
  audience = await browser.newPage();
  await audience.setViewport({ width: 1280, height: 720 });
  audience.on('request', (r) => requests.push(r.url()));
  await audience.goto(`${url()}#4`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

describe('exercise timers in the HTML', () => {
  it('shows no countdown on a slide without a time box, and the full time on one with it', async () => {
    expect(run.code).toBe(0);
    expect((await countdown(audience)).shown).toBe(false);
    await audience.keyboard.press('ArrowRight');
    await wait(300);
    expect(await countdown(audience)).toEqual({ shown: true, text: '2:00', running: 'false' });
  });

  it('T starts the countdown in the audience view and it ticks; T again pauses it', async () => {
    await audience.keyboard.press('t');
    await wait(2300);
    const running = await countdown(audience);
    expect(running.running).toBe('true');
    expect(seconds(running.text)).toBeLessThanOrEqual(118);
    expect(seconds(running.text)).toBeGreaterThanOrEqual(110);
    await audience.keyboard.press('t');
    const paused = (await countdown(audience)).text;
    await wait(1500);
    expect(await countdown(audience)).toEqual({ shown: true, text: paused, running: 'false' });
    await audience.keyboard.press('t');
  });

  it('the presenter view shows the same countdown, and a key pressed there runs it in both windows', async () => {
    presenter = await browser.newPage();
    await presenter.setViewport({ width: 1280, height: 720 });
    presenter.on('request', (r) => requests.push(r.url()));
    await presenter.goto(`${url()}?view=presenter#5`, { waitUntil: 'load' });
    await wait(400);
    const shown = await presenter.$eval('.lectern-presenter-timers .lectern-countdown', (e) => ({
      text: e.textContent ?? '',
      visible: (e as HTMLElement).getBoundingClientRect().width > 0,
    }));
    expect(shown.visible).toBe(true);
    expect(Math.abs(seconds(shown.text) - seconds((await countdown(audience)).text))).toBeLessThanOrEqual(1);
    // Shift+T in the presenter view sets it back to the full time; T starts it again, seen in the audience view.
    await presenter.keyboard.down('Shift');
    await presenter.keyboard.press('T');
    await presenter.keyboard.up('Shift');
    await wait(400);
    expect(await countdown(audience)).toEqual({ shown: true, text: '2:00', running: 'false' });
    await presenter.keyboard.press('t');
    await wait(1800);
    const after = await countdown(audience);
    expect(after.running).toBe('true');
    expect(seconds(after.text)).toBeLessThan(120);
  });

  it('the presenter view shows the chapter’s time as a duration against its planned minutes', async () => {
    const first = await presenter.$eval('.lectern-chapter-time', (e) => ({
      text: e.textContent ?? '',
      title: (e as HTMLElement).title,
    }));
    expect(first.text).toBe('本章 0 分钟 / 计划 10 分钟');
    await wait(1600);
    // Whole minutes on screen; the exact time under the pointer.
    const later = await presenter.$eval('.lectern-chapter-time', (e) => (e as HTMLElement).title);
    const spent = (title: string) => seconds(title.slice(title.lastIndexOf(' ') + 1));
    expect(first.title).toMatch(/^01 倾听的力量: 0:0\d$/);
    expect(spent(later)).toBeGreaterThan(spent(first.title));
    // The next-slide preview (the same file in a frame) carries no timers of its own.
    const next = presenter.frames().find((f) => f.url().includes('view=next'));
    expect(next).toBeDefined();
    expect(await next!.$$('.lectern-countdown, .lectern-presenter-timers')).toHaveLength(0);
  });

  it('the presenter view’s clock counts 24 hours for a Chinese deck, whatever the browser’s locale', async () => {
    // Chromium here runs in en-US, where bespoke's own clock reads "3:05:09 PM".
    for (let i = 0; i < 3; i++) {
      const clock = await presenter.$eval('.bespoke-marp-presenter-info-time', (e) => e.textContent ?? '');
      expect(clock).toMatch(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
      await wait(300);
    }
  });

  it('works offline: nothing but the file itself is loaded', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });
});
