import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// The same overflowing slide is the same finding with the same exit code wherever lectern
// meets it: check, build, build --quiet, an unchanged rebuild, and dev's page and terminal.
const FINDING = /overflow\/01-too-long\.md:14: error: slide 5 is about 21 lines too long\n/;
const dir = tempDir('lectern-severity-');
const deck = join(dir, 'overflow');
cpSync(join(FIXTURES, 'overflow'), deck, { recursive: true });

describe('an overflowing slide', () => {
  it('is the same error with exit 3 in check, check --json, build, build --quiet, a PPTX alone and a second build', () => {
    const check = lectern(['check', deck], { cwd: dir });
    expect(check.code).toBe(3);
    expect(check.stderr).toMatch(FINDING);
    const json = lectern(['check', deck, '--json'], { cwd: dir });
    expect(json.code).toBe(3);
    const finding = (
      JSON.parse(json.stdout) as { findings: { code: string; px?: number; line: number }[] }
    ).findings.find((f) => f.code === 'slide-overflow');
    expect(finding).toMatchObject({ line: 14 });
    expect(finding!.px).toBeGreaterThan(100);
    const out = join(dir, 'out');
    for (const args of [[], ['--quiet'], ['--format', 'pptx'], []]) {
      const build = lectern(['build', deck, '--out', out, ...args], { cwd: dir });
      expect(build.code, args.join(' ')).toBe(3);
      expect(build.stderr, args.join(' ')).toMatch(FINDING);
      expect(existsSync(join(out, 'overflow.pdf')), 'nothing written').toBe(false);
    }
  });
});

describe('a deck with standing warnings', () => {
  it('repeats them on an unchanged rebuild', () => {
    const warned = join(dir, 'warned');
    cpSync(join(FIXTURES, 'valid'), warned, { recursive: true });
    const chapter = join(warned, '02-speaking.md');
    // A slide without notes: a warning that stands until the source changes.
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(/<!--[^]*?-->/, ''));
    const out = join(dir, 'warned-out');
    const first = lectern(['build', warned, '--format', 'html', '--out', out], { cwd: dir });
    expect(first.code).toBe(0);
    const warnings = first.stderr.split('\n').filter((l) => l.includes(': warning: '));
    expect(warnings.length).toBeGreaterThan(0);
    const again = lectern(['build', warned, '--format', 'html', '--out', out], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(unchanged)');
    expect(again.stderr.split('\n').filter((l) => l.includes(': warning: '))).toEqual(warnings);
  });
});

describe('lectern dev on an overflowing slide', () => {
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    child?.kill('SIGINT');
    await browser?.close();
  });

  it('outlines it in red on the page and names it in the terminal', { timeout: 120_000 }, async () => {
    let stderr = '';
    child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'dev', deck, '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let stdout = '';
    const port = await new Promise<number>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (m) resolve(Number(m[1]));
      });
      setTimeout(() => reject(new Error(`dev server did not start: ${stderr}`)), 60_000);
    });
    browser = await startChromium();
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('body[data-fit-version]', { timeout: 30_000 });
    const outlined = await page.$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
      svgs.flatMap((s, i) => (s.classList.contains('lectern-misfit') ? [i + 1] : [])),
    );
    expect(outlined).toEqual([5]);
    expect(await page.$eval('#problems', (p) => p.textContent)).toMatch(FINDING);
    for (let i = 0; i < 50 && !FINDING.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(/1 slide\(s\) do not fit; the page outlines them in red/);
    expect(stderr).toMatch(FINDING);
  });
});
