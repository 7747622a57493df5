import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/export/browser/browser.js';
import { inWindow } from '../../src/export/browser/window-pool.js';
import { allowScripts, revokeScripts, scriptUrl } from '../../src/export/browser/local-scripts.js';

/**
 * The browser's backstop of "no network": whatever reaches a window (lectern refuses such URLs
 * before, from the rendered slides), no request but file:, data:, blob: and about: leaves it.
 */
describe('the build browser makes no network request', () => {
  let server: Server;
  let hits: string[];
  let session: BrowserSession;
  beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    session = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('blocks and records images, stylesheets, fonts, media and CSS backgrounds on the web', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${base}/sheet.css">
      <style>@font-face { font-family: x; src: url(${base}/font.woff2); } body { font-family: x; background: image-set("${base}/bg.png" 1x); }</style>
      </head><body>
      <img src="${base}/img.png"><img srcset="${base}/srcset.png 2x"><video poster="${base}/poster.png"></video>
      <p>文字 text</p>
      <svg><image href="${base}/svg-image.png" width="10" height="10"/></svg>
      </body></html>`;
    await inWindow(session, html, 1, async (page) => {
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    });
    expect(hits).toEqual([]);
    const blocked = session.blocked();
    for (const name of ['sheet.css', 'img.png', 'bg.png', 'poster.png', 'svg-image.png'])
      expect(blocked, name).toContain(`${base}/${name}`);
  }, 120_000);

  it("answers lectern's own scripts only to the window allowed them, only ES modules in their folder", async () => {
    const entry = scriptUrl('mermaid', 'mermaid.esm.min.mjs');
    const refused = [
      scriptUrl('mermaid', 'mermaid.min.js'),
      scriptUrl('mermaid', '..%2Fpackage.json'),
      scriptUrl('mermaid', '%2E%2E/%2E%2E/mermaid/package.json'),
      `${entry}?v=1`,
      scriptUrl('__proto__', 'x.mjs'),
      scriptUrl('fonts', 'x.mjs'),
    ];
    const status = (urls: string[]) =>
      Promise.all(
        urls.map((u) =>
          fetch(u).then(
            (r) => r.status,
            () => 'refused',
          ),
        ),
      );
    await inWindow(session, '<!doctype html><html><body></body></html>', 1, async (page) => {
      const before = session.blocked().length;
      // Not allowed: refused and recorded like any other address.
      expect(await page.evaluate(status, [entry])).toEqual(['refused']);
      allowScripts(page);
      try {
        expect(await page.evaluate(status, [entry, ...refused])).toEqual([
          200,
          ...refused.map(() => 'refused'),
        ]);
      } finally {
        revokeScripts(page);
      }
      expect(await page.evaluate(status, [entry])).toEqual(['refused']);
      expect(session.blocked().length - before).toBe(2 + refused.length);
    });
    expect(hits).toEqual([]);
  }, 120_000);
});
