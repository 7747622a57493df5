import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watch, type FSWatcher } from 'chokidar';
import { LecternError } from '../core/errors.js';
import { loadDeck } from '../load/load-deck.js';
import { SlideCache } from '../load/slide-cache.js';
import { prepareValidDeck } from '../build/prepare-deck.js';
import { DiagramRenderer } from '../build/diagrams.js';
import { BrowserLease } from '../export/browser/browser-lease.js';
import { errorsOf, formatProblem, type Problem } from '../core/problem.js';
import { themeFile } from '../theme/deck-theme.js';
import { FONT_WEIGHTS, fontFile, servedFontCss } from '../fonts/embedded-font.js';
import { validateDeck } from '../validate/validate-deck.js';
import { devPage } from './dev-page.js';
import { crossSite, hostAllowed } from './host-guard.js';
import type { ComposedDeck } from '../compose/compose-deck.js';
import { fitProblems } from '../export/browser/slide-overflow.js';
import { readFit } from './fit-report.js';

import { requestTarget } from './request-target.js';

export interface DevState {
  version: number;
  /** The last good slides; kept while the deck has errors so the page does not go blank. */
  html: string | null;
  /** The same slides one by one, so the page replaces only those a save changed. */
  slides: string[];
  css: string;
  problems: string[];
}

export type DevEvent =
  | { type: 'rebuilt'; ms: number; slides: number; warnings: Problem[] }
  | { type: 'failed'; problems: string[] }
  /** The open page measured the slides: the ones that overflow or collide (none: all fit again). */
  | { type: 'fit'; problems: Problem[] };

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
export async function startDevServer(opts: {
  deck: string;
  port: number;
  cwd: string;
  onEvent: (e: DevEvent) => void;
  hostAllow?: readonly string[];
}): Promise<DevServer> {
  const state: DevState = { version: 0, html: null, slides: [], css: '', problems: [] };
  const clients = new Set<ServerResponse>();
  const fontCss = servedFontCss((w) => `/__lectern/font/${w}.woff2`);
  let title = 'lectern';
  let watchedTheme: string | undefined;
  let themeWatcher: FSWatcher | undefined;

  // A save changes one chapter: the others keep the last load's reading of their slides.
  let slideCache = SlideCache.inMemory();
  // Diagrams are drawn on save, in a browser started for the first one and kept until the
  // server closes; an unchanged diagram is drawn once (its drawing is kept by its source).
  const browser = new BrowserLease(async () => (await import('../export/browser/browser.js')).openBrowser());
  const diagrams = DiagramRenderer.inMemory(() => browser.session());
  // The slides the page measures, by the version it shows; a page's report is read only for them.
  let measured: { version: number; composed: ComposedDeck } | undefined;
  let reported: { version: number; text: string } | undefined;
  const rebuild = async () => {
    const t0 = performance.now();
    try {
      slideCache = slideCache.next();
      const loaded = await loadDeck(opts.deck, opts.cwd, slideCache.read);
      const { problems, model } = validateDeck(loaded);
      if (!model) throw new LecternError('the deck has errors', { exit: 'INVALID_DECK', problems });
      const prepared = await prepareValidDeck(loaded, model, problems, { fontCss, diagrams });
      title = model.title;
      const { html, css, slideSvgs: slides } = prepared.rendered;
      Object.assign(state, { html, slides, css, problems: [] });
      measured = { version: state.version + 1, composed: prepared.composed };
      watchTheme(themeFile(model));
      opts.onEvent({
        type: 'rebuilt',
        ms: performance.now() - t0,
        slides: prepared.composed.slides.length,
        warnings: prepared.warnings,
      });
    } catch (err) {
      const lines =
        err instanceof LecternError
          ? [
              ...errorsOf(err.problems).map(formatProblem),
              ...(err.problems.length ? [] : [`${err.message}${err.hint ? `\n    hint: ${err.hint}` : ''}`]),
            ]
          : [String(err)];
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
  // chokidar follows editors' atomic saves (write a temporary file, rename it over the old one),
  // which end a plain fs.watch on the file; the deck folder and the theme file are watched alike.
  const watchOpts = {
    ignoreInitial: true,
    atomic: true,
    followSymlinks: false,
    ignorePermissionErrors: true,
    ignored: (p: string) => /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(p),
  };
  const deckWatcher: FSWatcher = watch(deckDir, watchOpts)
    .on('all', schedule)
    .on('error', () => schedule());
  await new Promise<void>((resolve) => deckWatcher.once('ready', () => resolve()));
  const watchTheme = (file: string | undefined) => {
    if (file === watchedTheme) return;
    void themeWatcher?.close();
    watchedTheme = file;
    themeWatcher = file
      ? watch(file, watchOpts)
          .on('all', schedule)
          .on('error', () => undefined)
      : undefined;
  };

  running = running.then(rebuild);
  await running;

  let listening = opts.port;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Normalized first: the checks and the router decide on the same path (request-target.ts).
  const handle = async (req: import('node:http').IncomingMessage, res: ServerResponse) => {
    const target = requestTarget(req.url ?? '');
    if (!target) {
      return void res
        .writeHead(400, { 'content-type': 'text/plain' })
        .end(
          'lectern dev answers only plain paths such as /__lectern/state (no http://host/, %-escapes, . or ..)\n',
        );
    }
    if (!hostAllowed(req, listening, opts.hostAllow ?? [])) {
      return void res
        .writeHead(403, { 'content-type': 'text/plain' })
        .end(
          `lectern dev answers only localhost, 127.0.0.1 and [::1] (and --host-allow names), not ${JSON.stringify(req.headers.host ?? '')}\n`,
        );
    }
    const path = target.path;
    if (path.startsWith('/__lectern/') && !path.startsWith('/__lectern/font/') && crossSite(req)) {
      return void res
        .writeHead(403, { 'content-type': 'text/plain' })
        .end('lectern dev does not share the deck with other sites\n');
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(devPage(title));
    } else if (path === '/__lectern/state') {
      res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(state));
    } else if (path === '/__lectern/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${state.version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else if (path === '/__lectern/fit' && req.method === 'POST') {
      const report = await readFit(req);
      if (!report || !measured || report.version !== measured.version) return void res.writeHead(204).end();
      const problems = fitProblems(measured.composed, report.fits);
      // Several open pages report the same slides: the terminal hears it once per version and change.
      const text = problems.map(formatProblem).join('\n');
      if (reported?.version !== report.version && (problems.length > 0 || (reported?.text ?? '') !== '')) {
        opts.onEvent({ type: 'fit', problems });
      }
      reported = { version: report.version, text };
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(
        JSON.stringify({
          slides: [...new Set(problems.map((p) => p.slide))],
          problems: problems.map(formatProblem),
        }),
      );
    } else if (/^\/__lectern\/font\/\d+\.woff2$/.test(path)) {
      const weight = Number(/(\d+)\.woff2$/.exec(path)![1]);
      if (!(FONT_WEIGHTS as readonly number[]).includes(weight)) return res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'max-age=3600' })
        .end(await readFile(fontFile(weight)));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new LecternError(`cannot listen on port ${opts.port}: ${err.code ?? err.message}`, {
          exit: 'USAGE',
          hint: 'choose another port with --port, or --port 0 for any free one',
        }),
      ),
    );
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  listening = port;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      clearTimeout(timer);
      await deckWatcher.close();
      await themeWatcher?.close();
      for (const c of clients) c.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await running.catch(() => undefined);
      await browser.close();
    },
  };
}
