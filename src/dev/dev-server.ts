import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';
import { LecternError } from '../errors.js';
import { loadDeck } from '../load/load-deck.js';
import { prepareValidDeck } from '../prepare-deck.js';
import { errorsOf, formatProblem, type Problem } from '../problem.js';
import { themeFile } from '../theme/deck-theme.js';
import { FONT_WEIGHTS, fontFile, servedFontCss } from '../theme/embedded-font.js';
import { validateDeck } from '../validate/validate-deck.js';
import { devPage } from './dev-page.js';

export interface DevState {
  version: number;
  /** The last good slides; kept while the deck has errors so the page does not go blank. */
  html: string | null;
  css: string;
  problems: string[];
}

export type DevEvent = { type: 'rebuilt'; ms: number; slides: number; warnings: Problem[] } | { type: 'failed'; problems: string[] };

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

/** How long to wait for an editor's burst of writes (save = truncate + write) to settle. */
const SETTLE_MS = 25;

/**
 * A preview server on loopback: rebuilds on every save of the deck or its theme and tells the
 * open page over server-sent events. Errors reach the page and `onEvent`; the server keeps running.
 */
export async function startDevServer(opts: { deck: string; port: number; cwd: string; onEvent: (e: DevEvent) => void }): Promise<DevServer> {
  const state: DevState = { version: 0, html: null, css: '', problems: [] };
  const clients = new Set<ServerResponse>();
  const fontCss = servedFontCss((w) => `/__lectern/font/${w}.woff2`);
  let title = 'lectern';
  let watchedTheme: string | undefined;
  let themeWatcher: FSWatcher | undefined;

  const rebuild = async () => {
    const t0 = performance.now();
    try {
      const loaded = await loadDeck(opts.deck, opts.cwd);
      const { problems, model } = validateDeck(loaded);
      if (!model) throw new LecternError('the deck has errors', { code: 'INVALID_DECK', problems });
      const prepared = await prepareValidDeck(loaded, model, problems, { fontCss });
      title = model.title;
      Object.assign(state, { html: prepared.rendered.html, css: prepared.rendered.css, problems: [] });
      watchTheme(themeFile(model));
      opts.onEvent({ type: 'rebuilt', ms: performance.now() - t0, slides: prepared.composed.slides.length, warnings: prepared.warnings });
    } catch (err) {
      const lines = err instanceof LecternError ? [...errorsOf(err.problems).map(formatProblem), ...(err.problems.length ? [] : [`${err.message}${err.hint ? `\n    hint: ${err.hint}` : ''}`])] : [String(err)];
      state.problems = lines;
      opts.onEvent({ type: 'failed', problems: lines });
    }
    state.version++;
    for (const c of clients) c.write(`data: ${state.version}\n\n`);
  };

  // Saves arrive in bursts; rebuild once they settle, and never two rebuilds at once.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, SETTLE_MS);
  };
  // Fails here, before anything listens, when the deck folder is missing or is a file.
  const deckDir = (await loadDeck(opts.deck, opts.cwd)).dir;
  const deckWatcher = watch(deckDir, { recursive: true }, schedule);
  // Deleting a watched file or folder makes the watcher report an error: keep serving.
  deckWatcher.on('error', () => schedule());
  const watchTheme = (file: string | undefined) => {
    if (file === watchedTheme) return;
    themeWatcher?.close();
    watchedTheme = file;
    // Watch the theme's folder: editors save by renaming, which ends a watch on the file itself.
    themeWatcher = file ? watch(dirname(file), (_e, name) => name === basename(file) && schedule()) : undefined;
    themeWatcher?.on('error', () => undefined);
  };

  running = running.then(rebuild);
  await running;

  const server = createServer((req, res) => {
    handle(req.url ?? '/', req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const handle = async (path: string, req: import('node:http').IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(path, 'http://localhost');
    } catch {
      return void res.writeHead(400).end();
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(devPage(title));
    } else if (url.pathname === '/__lectern/state') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(state));
    } else if (url.pathname === '/__lectern/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${state.version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else if (/^\/__lectern\/font\/\d+\.woff2$/.test(url.pathname)) {
      const weight = Number(/(\d+)\.woff2$/.exec(url.pathname)![1]);
      if (!(FONT_WEIGHTS as readonly number[]).includes(weight)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'max-age=3600' }).end(await readFile(fontFile(weight)));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new LecternError(`cannot listen on port ${opts.port}: ${err.code ?? err.message}`, { code: 'USAGE', hint: 'choose another port with --port, or --port 0 for any free one' })),
    );
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      clearTimeout(timer);
      deckWatcher.close();
      themeWatcher?.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
