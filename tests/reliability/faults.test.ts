import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern, treeHash } from '../helpers/cli.js';
import { pdfInfo, pdfText, readPptx } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { strictXmlParts } from '../helpers/xml-parts.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const tmp = () => tempDir('lectern-fault-');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

function fakeBrowser(dir: string, body: string): string {
  const path = join(dir, 'fake-chrome');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Every output of a deck opens with a real reader and is complete. */
async function expectWhole(out: string, name: string, slides: number) {
  expect(readFileSync(join(out, `${name}.html`), 'utf8')).toMatch(/<\/html>\s*$/);
  expect(pdfInfo(join(out, `${name}.pdf`)).Pages).toBe(String(slides));
  // The handout prints the content slides (four of the valid deck's ten), three a page.
  expect(pdfInfo(join(out, `${name}-handout.pdf`)).Pages).toBe('2');
  expect(pdfText(join(out, `${name}-script.pdf`))).toContain('请每位学员写下自己的行动计划');
  expect((await readPptx(join(out, `${name}.pptx`))).slides).toBe(slides);
}

/** Command lines of the Chromium processes one lectern process started (profile lectern-chromium-<pid>-*). */
function browsersOf(lecternPid: number): string[] {
  return readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes(`lectern-chromium-${lecternPid}-`)
        ? [cmdline.replace(/\0/g, ' ').slice(0, 160)]
        : [];
    } catch {
      return [];
    }
  });
}

function startBuild(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, done, output: () => ({ stderr, stdout }) };
}

/** Waits until a build has staged at least one file, i.e. it is midway. */
async function waitForStaging(out: string, timeoutMs = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const staging = existsSync(out) ? readdirSync(out).filter((n) => n.startsWith('.lectern-tmp-')) : [];
    if (staging.some((d) => readdirSync(join(out, d)).some((f) => f.endsWith('.css')))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the build never reached its output stage');
}

describe('faults', () => {
  it('a browser that crashes at start: exit 6, clear message, nothing written', () => {
    const dir = tmp();
    const r = lectern(['build', 'tests/fixtures/valid', '--out', join(dir, 'out'), '--format', 'pdf'], {
      env: { CHROME_PATH: fakeBrowser(dir, 'exit 1') },
    });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/lectern: the browser at .*fake-chrome did not start/);
    expect(r.stderr).toMatch(/hint: the browser crashed or timed out/);
    noStack(r.stderr);
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([]);
  });

  it('a browser that hangs: a timeout with a clear message, exit 6', () => {
    const dir = tmp();
    const r = lectern(['build', 'tests/fixtures/valid', '--out', join(dir, 'out'), '--format', 'pdf'], {
      env: { CHROME_PATH: fakeBrowser(dir, 'exec sleep 600'), LECTERN_BROWSER_TIMEOUT_MS: '3000' },
    });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/did not start: .*[Tt]imed out/);
    noStack(r.stderr);
  });

  it('--debug shows the stack that users are otherwise spared', () => {
    const dir = tmp();
    const r = lectern(
      ['build', 'tests/fixtures/valid', '--out', join(dir, 'out'), '--format', 'pdf', '--debug'],
      { env: { CHROME_PATH: fakeBrowser(dir, 'exit 1') } },
    );
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it('SIGKILL midway: the previous outputs stay whole, and the next build cleans up', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(lectern(['build', 'tests/fixtures/valid', '--out', out]).code).toBe(0);
    const before = Object.fromEntries(
      readdirSync(out)
        .filter((f) => !f.startsWith('.'))
        .map((f) => [f, readFileSync(join(out, f))]),
    );
    const build = startBuild(['build', 'tests/fixtures/valid', '--out', out, '--force']);
    await waitForStaging(out);
    process.kill(-build.child.pid!, 'SIGKILL');
    await build.done;
    // Chromium talks to lectern over a pipe: it must not outlive the killed build.
    const t0 = Date.now();
    while (browsersOf(build.child.pid!).length > 0 && Date.now() - t0 < 30_000)
      await new Promise((r) => setTimeout(r, 200));
    expect(browsersOf(build.child.pid!)).toEqual([]);
    // The killed build could not remove its browser profile: the test does.
    for (const name of readdirSync(tmpdir()).filter((n) =>
      n.startsWith(`lectern-chromium-${build.child.pid}-`),
    ))
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    for (const [f, bytes] of Object.entries(before))
      expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
    await expectWhole(out, 'valid', 10);
    expect(lectern(['build', 'tests/fixtures/valid', '--out', out, '--format', 'html', '--force']).code).toBe(
      0,
    );
    expect(readdirSync(out).filter((f) => f.startsWith('.lectern-tmp-'))).toEqual([]);
  });

  it('Ctrl-C during a build: exit 130, temporary files removed, previous outputs untouched', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(lectern(['build', 'tests/fixtures/valid', '--out', out, '--format', 'html']).code).toBe(0);
    const html = readFileSync(join(out, 'valid.html'));
    const build = startBuild(['build', 'tests/fixtures/valid', '--out', out, '--force']);
    await waitForStaging(out);
    build.child.kill('SIGINT');
    const { code } = await build.done;
    expect(code).toBe(130);
    expect(build.output().stderr).toMatch(/interrupted; temporary files removed/);
    expect(readdirSync(out).filter((f) => f.startsWith('.lectern-tmp-'))).toEqual([]);
    expect(readFileSync(join(out, 'valid.html')).equals(html)).toBe(true);
  });

  it('Ctrl-C during a library build stops it: exit 130, no later deck, no temporary folder, no browser', async () => {
    const dir = tmp();
    for (const name of ['first', 'second'])
      cpSync(join(FIXTURES, 'valid'), join(dir, name), { recursive: true });
    const out = join(dir, 'out');
    const build = startBuild(['build', join(dir, 'first'), join(dir, 'second'), '--out', out]);
    await waitForStaging(join(out, 'first'));
    build.child.kill('SIGINT');
    const { code } = await build.done;
    expect(code, build.output().stderr).toBe(130);
    expect(build.output().stderr).toMatch(/interrupted; temporary files removed/);
    expect(build.output().stdout).not.toMatch(/decks built/);
    expect(readdirSync(out)).toEqual(['first']);
    expect(readdirSync(join(out, 'first'))).toEqual([]);
    expect(browsersOf(build.child.pid!)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`lectern-chromium-${build.child.pid}-`))).toEqual(
      [],
    );
  });

  it('two builds into the same folder at once both end well, with whole outputs', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const a = startBuild(['build', 'tests/fixtures/valid', '--out', out, '--force']);
    const b = startBuild(['build', 'tests/fixtures/valid', '--out', out, '--force']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code], a.output().stderr + b.output().stderr).toEqual([0, 0]);
    await expectWhole(out, 'valid', 10);
    expect(readdirSync(out).filter((f) => f.startsWith('.lectern-tmp-'))).toEqual([]);
  });

  it('sources are never modified by a build', () => {
    const before = treeHash(join(FIXTURES, 'valid'));
    expect(
      lectern(['build', 'tests/fixtures/valid', '--out', join(tmp(), 'out'), '--format', 'html,handout'])
        .code,
    ).toBe(0);
    expect(treeHash(join(FIXTURES, 'valid'))).toBe(before);
  });
});

describe('untrusted markdown', () => {
  let browser: Browser;
  let out: string;
  // One construct a slide: together they overflow one slide, which `build` refuses.
  const hostile = [
    '<script>window.__lecternPwned = "script"</script>',
    // Inline: an <img> straight in the section is stretched to the slide's width by its flex
    // column, and a 16 px dot drawn 1120 px tall overflows (check is right to refuse it).
    '图标：<img src="assets/dot.png" onerror="window.__lecternPwned = \'onerror\'" onload="window.__lecternPwned = \'onload\'">',
    '<a href="javascript:window.__lecternPwned=\'link\'">点我</a> [也点我](javascript:alert(1))',
    '<iframe src="https://example.com"></iframe>',
  ]
    .map((part) => `## 恶意内容测试\n\n${part}\n\n<!-- 备注 -->`)
    .join('\n\n---\n\n');

  beforeAll(async () => {
    const dir = tmp();
    const deck = join(dir, 'hostile');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const file = join(deck, '02-speaking.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n---\n\n${hostile}\n`);
    out = join(dir, 'out');
    const r = lectern(['build', deck, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    browser = await startChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is inert in the HTML: no script runs, no handler fires, no javascript: link, no request', async () => {
    const html = readFileSync(join(out, 'hostile.html'), 'utf8');
    expect(html).not.toMatch(/onerror=|onload="window|href="javascript:|<iframe/i);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(out, 'hostile.html')).href, { waitUntil: 'load' });
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await new Promise((r) => setTimeout(r, 300));
    expect(
      await page.evaluate(() => (window as unknown as { __lecternPwned?: string }).__lecternPwned),
    ).toBeUndefined();
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    await page.close();
  });

  it('is inert in the PDFs and the PPTX: shown as text at most, never as a link', async () => {
    for (const pdf of ['hostile.pdf', 'hostile-handout.pdf', 'hostile-script.pdf']) {
      const raw = readFileSync(join(out, pdf), 'latin1');
      expect(raw, pdf).not.toMatch(/\/JavaScript|\/JS\s|javascript:/i);
    }
    expect(await ooxmlErrors(join(out, 'hostile.pptx'))).toEqual([]);
    // The slides draw what the browser shows: a link Marp refused stays its words, and the
    // markdown it did not read as a link (`[也点我](javascript:…)`) is text, as on the slide.
    // No relationship, attribute or element of any part may carry a script.
    const found: string[] = [];
    const parts = await strictXmlParts(join(out, 'hostile.pptx'));
    for (const [name, doc] of parts) {
      const walk = (el: Element) => {
        if (/^script$/i.test(el.localName)) found.push(`${name}: <${el.localName}>`);
        for (const attr of [...el.attributes])
          if (/javascript:/i.test(attr.value)) found.push(`${name}: ${attr.name}="${attr.value}"`);
        for (const child of [...el.childNodes]) if (child.nodeType === 1) walk(child as Element);
      };
      walk(doc.documentElement);
    }
    expect(found).toEqual([]);
    // Text at most: the words stay, with no hyperlink on them.
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const runs = [...parts.values()]
      .flatMap((doc) => [...doc.getElementsByTagNameNS(A, 'r')])
      .filter((r) => (r.textContent ?? '').includes('点我'));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.flatMap((r) => [...r.getElementsByTagNameNS(A, 'hlinkClick')])).toEqual([]);
  });
});
