import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.js';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// WCAG 2.1 AA as axe-core checks it, on the course and the gallery and layouts decks: the
// audience view, the presenter view and the share copy; and what a screen reader hears on
// each slide change.
const DECKS = [
  { name: 'slides', dir: join(ROOT, 'slides') },
  { name: 'gallery', dir: join(FIXTURES, 'gallery') },
  { name: 'layouts', dir: join(FIXTURES, 'layouts') },
];

let browser: Browser;
const out = tempDir('lectern-a11y-');

beforeAll(async () => {
  for (const d of DECKS) {
    const r = lectern(['build', d.dir, '--out', join(out, d.name), '--format', 'html,share']);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await startChromium();
});
afterAll(() => browser?.close());

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const status = (page: Page) =>
  page.$$eval('[role="status"][aria-live]', (els) => els.map((e) => e.textContent ?? ''));

describe.each(DECKS)('$name: accessible HTML', ({ name }) => {
  const file = (suffix: string) => `file://${join(out, name, `${name}${suffix}.html`)}`;

  it('audience view: 0 axe violations, and each slide change is announced with its title', async () => {
    const page = await open(file(''));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await axeViolations(page)).toEqual([]);
    expect(await status(page)).toEqual([expect.stringMatching(/^(幻灯片 3 \/ \d+|Slide 3 of \d+)/)]);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^(zh-CN|en)/);
    await page.close();
  });

  it('presenter view: 0 axe violations', async () => {
    const page = await open(`${file('')}?view=presenter#2`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.$eval('iframe', (f) => f.title)).not.toBe('');
    await page.close();
  });

  it('share copy: 0 axe violations, named buttons, and the announcement follows the keys', async () => {
    const page = await open(file('-share'));
    await page.keyboard.press('ArrowRight');
    expect(await axeViolations(page)).toEqual([]);
    // Every button has a name: its label, or its text (a quiz's options and submit button).
    const names = await page.$$eval('button', (bs) =>
      bs.map((b) => b.getAttribute('aria-label') || (b.textContent ?? '').trim()),
    );
    expect(names.every(Boolean)).toBe(true);
    expect((await status(page))[0]).toMatch(/^(幻灯片 2 \/ \d+|Slide 2 of \d+)/);
    await page.close();
  });
});

it('a button with neither label nor text is a violation (the check can fail)', async () => {
  const shared = join(out, 'gallery', 'gallery-share.html');
  const broken = join(out, 'broken-share.html');
  writeFileSync(broken, readFileSync(shared, 'utf8').replace(/ aria-label="[^"]*">‹/, '>'));
  const page = await open(`file://${broken}`);
  expect((await axeViolations(page)).map((v) => v.id)).toContain('button-name');
  await page.close();
});

describe('check: pictures without alt text', () => {
  it('names a picture with only size keywords and no words at its file and line; backgrounds need none', () => {
    const deck = join(tempDir('lectern-a11y-check-'), 'gallery');
    cpSync(join(FIXTURES, 'gallery'), deck, { recursive: true });
    const chapter = join(deck, '01-pictures.md');
    const source = readFileSync(chapter, 'utf8').replace('![w:400 本季度回款柱状图]', '![w:400]');
    writeFileSync(chapter, source);
    const r = lectern(['check', deck, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { code: string; file: string; line?: number }[] };
    expect(report.findings.filter((f) => f.code === 'image-alt')).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/01-pictures\.md$/),
        line: source.split('\n').indexOf('![w:400](assets/chart.png)') + 1,
      }),
    ]);
  });
});
