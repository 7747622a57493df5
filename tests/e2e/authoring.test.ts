import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startChromium } from '../helpers/chromium.js';
import { ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const tmp = () => tempDir('lectern-author-');

describe('lectern new', () => {
  it('scaffolds a deck that checks clean and builds', () => {
    const dir = join(tmp(), 'course');
    const made = lectern(['new', dir, '--title', '新人入职培训', '--chapters', '3']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/created .*04-review\.md/);
    const check = lectern(['check', dir, '--json']);
    expect(check.code).toBe(0);
    // The placeholders lectern new wrote are warnings until replaced; nothing else is found.
    const report = JSON.parse(check.stdout) as { errors: number; findings: { code: string }[] };
    expect(report.errors).toBe(0);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['placeholder']));
    const out = join(dir, '..', 'out');
    const built = lectern(['build', dir, '--format', 'html', '--out', out]);
    expect(built.code).toBe(0);
    const html = readFileSync(join(out, 'course.html'), 'utf8');
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(1 + 1 + 4 * 2 + 1);
    expect(html).toContain('新人入职培训');
  });

  it('refuses a folder that is not empty, and writes nothing there', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = lectern(['new', dir]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is not empty; lectern new never overwrites files/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('lectern dev', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('updates the open page on save, shows errors in the page, and stops cleanly on Ctrl-C', async () => {
    const dir = join(tmp(), 'deck');
    expect(lectern(['new', dir, '--chapters', '2']).code).toBe(0);
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'dev', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const t = setInterval(() => {
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
          if (m) {
            clearInterval(t);
            resolve(m[0]);
          }
        }, 50);
        setTimeout(() => reject(new Error(`dev server did not start: ${stderr}`)), 30_000);
      });
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelectorAll('#deck svg[data-marpit-svg]').length === 9);

      const chapter = join(dir, '01-chapter-1.md');
      const original = readFileSync(chapter, 'utf8');
      writeFileSync(chapter, original.replace('## 本章的第一页', '## 改过的标题'));
      await page.waitForFunction(() => document.querySelector('#deck')?.textContent?.includes('改过的标题'), {
        timeout: 10_000,
      });

      writeFileSync(chapter, original.replace('minutes: 10', 'minutes: [10'));
      await page.waitForFunction(
        () =>
          /01-chapter-1\.md:\d+: error: front matter is not valid YAML/.test(
            document.querySelector('#problems')?.textContent ?? '',
          ),
        { timeout: 10_000 },
      );
      expect(await page.$eval('#deck', (d) => d.textContent?.includes('改过的标题'))).toBe(true);
      expect(stderr).toMatch(/the deck has errors/);

      writeFileSync(chapter, original);
      await page.waitForFunction(
        () =>
          document.querySelector('#problems')?.textContent === '' &&
          document.querySelector('#deck')?.textContent?.includes('本章的第一页'),
        { timeout: 10_000 },
      );
      await page.close();
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/lectern dev: stopped/);
  });
});
