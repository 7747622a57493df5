import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';

// Scripts lectern ships to its own pages (mermaid's modules) are answered by the request
// interception of browser.ts from node_modules: the host does not exist (.invalid), so nothing
// is ever asked of a network, and only a page that was allowed them gets them. A module is
// loaded by URL, so its imports (mermaid's chunks, only those of the diagram kinds drawn) are
// found and compiled as needed: 0.25 s in a browser where the 3.5 MB script that holds every
// kind took 1 s to load and compile.

const require = createRequire(import.meta.url);

/** The origin the scripts are served from; no such host exists. */
export const SCRIPT_ORIGIN = 'http://lectern.invalid';

/** The folders served, each under /<name>/: only ES modules (.mjs) in them. */
const FOLDERS = new Map([['mermaid', join(dirname(require.resolve('mermaid/package.json')), 'dist')]]);

/** The URL of a module served from `folder` (a name of FOLDERS). */
export function scriptUrl(folder: string, path: string): string {
  return `${SCRIPT_ORIGIN}/${folder}/${path}`;
}

const allowed = new WeakSet<Page>();

/**
 * Lets `page` load the served scripts, until revokeScripts: mermaid's window, while it loads
 * mermaid and draws (its chunks load then); a window lent to another job next is not allowed.
 */
export function allowScripts(page: Page): void {
  allowed.add(page);
}

export function revokeScripts(page: Page): void {
  allowed.delete(page);
}

/** Whether `url` is one of the served scripts' addresses (answered or refused by serveScript). */
export function isScriptUrl(url: string): boolean {
  return url.startsWith(`${SCRIPT_ORIGIN}/`);
}

/**
 * Answers a request for a served script with the file's bytes; false (the request untouched)
 * for a page not allowed them, or a path that is not a module in a served folder.
 */
export async function serveScript(page: Page, request: HTTPRequest): Promise<boolean> {
  if (!allowed.has(page) || request.method() !== 'GET') return false;
  const file = scriptFile(new URL(request.url()));
  if (file === undefined) return false;
  const body = await readFile(file).catch(() => undefined);
  if (body === undefined) return false;
  await request.respond({
    status: 200,
    contentType: 'text/javascript; charset=utf-8',
    // The page is about:blank (an opaque origin): a module from another origin needs CORS.
    headers: { 'Access-Control-Allow-Origin': '*' },
    body,
  });
  return true;
}

/** The file a served script's URL names, inside its folder; undefined for any other URL. */
function scriptFile(url: URL): string | undefined {
  if (url.origin !== SCRIPT_ORIGIN || url.search !== '' || url.hash !== '') return undefined;
  const [, folder, ...rest] = url.pathname.split('/');
  const root = folder === undefined ? undefined : FOLDERS.get(folder);
  if (root === undefined || rest.length === 0) return undefined;
  let file: string;
  try {
    file = join(root, ...rest.map(decodeURIComponent));
  } catch {
    return undefined;
  }
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return undefined;
  return file.endsWith('.mjs') ? file : undefined;
}
