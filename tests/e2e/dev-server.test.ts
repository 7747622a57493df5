import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { pdfInfo } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

/** A page's words: the last-line tie (engine/last-line-keep.ts) puts a text's last two characters in spans. */
const shown = (html: string) => html.replace(/<\/?span[^>]*>/g, '');

/** A raw request, so the Host, Origin and Sec-Fetch-Site headers are exactly what a test says. */
function get(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: Node 20's global agent keeps sockets alive, and one the
    // server closed while this process was blocked (the synchronous build below takes longer
    // than the server's 5 s keep-alive on a busy machine) fails as "socket hang up".
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
        // The event stream never ends: its first event is enough.
        if (path.endsWith('/events')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('lectern dev: only its own browser can read it', () => {
  let child: ChildProcess;
  let port: number;
  let deck: string;
  let stderr = '';
  let browser: Browser;
  let other: Server;

  beforeAll(async () => {
    deck = join(tempDir('lectern-dev-'), 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'main.js'), 'dev', deck, '--port', '0', '--host-allow', 'slides.test'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let stdout = '';
    port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
        if (m) resolve(Number(m[1]));
      });
      setTimeout(() => reject(new Error(`dev server did not start: ${stderr}`)), 60_000);
    });
    browser = await startChromium();
    // A page of another site, as a rebinding attacker would serve it.
    other = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>other</title>'),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  }, 120_000);
  afterAll(async () => {
    child?.kill('SIGINT');
    await browser?.close();
    other?.close();
  });

  it('answers loopback names and --host-allow names, and 403 to any other Host', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `slides.test:${port}`]) {
      const r = await get(port, '/__lectern/state', { host });
      expect(r.status, host).toBe(200);
      expect(shown(JSON.parse(r.body).html)).toContain('表达两原则');
    }
    for (const host of [
      'evil.example.com',
      `evil.example.com:${port}`,
      `127.0.0.1.evil.example.com:${port}`,
      `localhost:${port + 1}`,
      `localhost.evil.example.com:${port}`,
    ]) {
      for (const path of ['/', '/__lectern/state', '/__lectern/events', '/__lectern/font/400.woff2']) {
        const r = await get(port, path, { host });
        expect(r.status, `${host} ${path}`).toBe(403);
        expect(shown(r.body)).not.toContain('表达两原则');
      }
    }
  });

  it('sends no CORS headers and refuses cross-site Origin or Sec-Fetch-Site on the deck endpoints', async () => {
    const host = `127.0.0.1:${port}`;
    const ok = await get(port, '/__lectern/state', {
      host,
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    for (const path of ['/__lectern/state', '/__lectern/events']) {
      expect((await get(port, path, { host, origin: 'http://evil.example.com' })).status, path).toBe(403);
      expect((await get(port, path, { host, origin: 'null' })).status, path).toBe(403);
      expect((await get(port, path, { host, 'sec-fetch-site': 'cross-site' })).status, path).toBe(403);
      expect((await get(port, path, { host, 'sec-fetch-site': 'same-site' })).status, path).toBe(403);
    }
  });

  it('decides on the normalized target: dot segments, %-escapes and absolute-form never reach the deck', async () => {
    const host = `127.0.0.1:${port}`;
    // The probe of issue 24: each of these returned 200 and the deck's state to another site.
    for (const path of [
      '/x/../__lectern/state',
      '/__lectern/font/../state',
      '/__lectern/font/%2e%2e/state',
      '/__lectern/font/%2E%2E/events',
      '/__lectern/font/..%2fstate',
      '/__lectern/./state',
      '//__lectern/state',
      '/__lectern//state',
      '/__lectern/%73tate',
      '/__lectern/font\\..\\state',
      'http://evil.com/__lectern/state',
      `http://${host}/__lectern/state`,
    ]) {
      for (const headers of [{ host, origin: 'http://evil.com' }, { host }]) {
        const r = await get(port, path, headers);
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(400);
        expect(shown(r.body)).not.toContain('表达两原则');
      }
    }
    // What the dev page itself asks for still works, with and without a query.
    expect((await get(port, '/__lectern/state?v=2', { host })).status).toBe(200);
    expect((await get(port, '/__lectern/font/400.woff2', { host })).status).toBe(200);
    expect((await get(port, '/', { host })).status).toBe(200);
  });

  it('a page on another origin cannot read the deck', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const result = await page.evaluate(async (url) => {
        try {
          return `read: ${await (await fetch(url)).text()}`;
        } catch (err) {
          return `refused: ${String(err)}`;
        }
      }, `http://127.0.0.1:${port}/__lectern/state`);
      expect(result).toMatch(/^refused/);
      expect(shown(result)).not.toContain('表达两原则');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('on a save, replaces only the slides that changed, and shows what a fresh page shows', async () => {
    const page = await browser.newPage();
    const chapter = join(deck, '02-speaking.md');
    const original = readFileSync(chapter, 'utf8');
    const slides = () =>
      page.$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
        svgs.map((s) => ({ kept: (s as unknown as { kept?: boolean }).kept === true, text: s.textContent })),
      );
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('body[data-version]');
      // Every slide element is marked; a save may replace the changed slide's element only.
      await page.$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
        svgs.forEach((s) => Object.assign(s, { kept: true })),
      );
      const before = await slides();
      const changed = before.findIndex((s) => shown(s.text ?? '').includes('表达两原则'));
      writeFileSync(chapter, original.replace('表达两原则', '表达三原则'));
      await page.waitForFunction(() => document.body.innerText.includes('表达三原则'), { timeout: 30_000 });
      const after = await slides();
      expect(after.map((s) => s.kept)).toEqual(before.map((_, i) => i !== changed));
      // The same slides as a page that loads them afresh.
      const fresh = await browser.newPage();
      await fresh.goto(`http://127.0.0.1:${port}/`);
      await fresh.waitForFunction(() => document.body.innerText.includes('表达三原则'));
      const freshText = await fresh.$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
        svgs.map((s) => s.textContent),
      );
      await fresh.close();
      expect(after.map((s) => s.text)).toEqual(freshText);
    } finally {
      writeFileSync(chapter, original);
      await page.close();
    }
  }, 60_000);

  it('keeps seeing a chapter after an atomic save (write a temporary file, rename it over)', async () => {
    const host = `127.0.0.1:${port}`;
    const chapter = join(deck, '02-speaking.md');
    const original = readFileSync(chapter, 'utf8');
    for (const word of ['第一次保存', '第二次保存', '第三次保存']) {
      writeFileSync(`${chapter}.tmp`, original.replace('表达两原则', word));
      renameSync(`${chapter}.tmp`, chapter);
      const t0 = Date.now();
      let html = '';
      while (!shown(html).includes(word) && Date.now() - t0 < 30_000) {
        await new Promise((r) => setTimeout(r, 100));
        html = JSON.parse((await get(port, '/__lectern/state', { host })).body).html ?? '';
      }
      expect(shown(html), stderr).toContain(word);
    }
    writeFileSync(chapter, original);
  }, 120_000);

  it('a build of the same deck at the same time writes whole outputs, and the preview keeps working', async () => {
    const out = join(tempDir('lectern-dev-build-'), 'out');
    const chapter = join(deck, '01-listening.md');
    const original = readFileSync(chapter, 'utf8');
    // Saves while the build runs: the build reads a consistent deck or reports a clear error.
    const saving = setInterval(() => writeFileSync(chapter, original), 200);
    let r;
    try {
      r = lectern(['build', deck, '--out', out, '--format', 'html,pdf']);
    } finally {
      clearInterval(saving);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'deck.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expect(pdfInfo(join(out, 'deck.pdf')).Pages).toBe('10');
    expect((await get(port, '/__lectern/state', { host: `127.0.0.1:${port}` })).status).toBe(200);
  }, 180_000);
});
