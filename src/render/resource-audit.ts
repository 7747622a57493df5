import type { ComposedDeck } from '../compose/compose-deck.js';
import { cleanUrl, cssLoads, fetchesSomething } from '../core/css-loads.js';
import { error, type Problem } from '../core/problem.js';

/**
 * Decides from the rendered slides, not from the source text, what an output would load or link
 * to. Markdown, raw HTML, MathJax (`\href`, `\style`), directives and themes can all put a URL
 * into the slides in spellings a source check misses (reference images, unquoted attributes,
 * CSS escapes such as `ht\74p` or `\75rl(`, comment markers in strings); the rendered HTML holds
 * them in one place, and its CSS is read by a CSS tokenizer (core/css-loads.ts) as browsers read it.
 * Every image lectern embeds is a data: URI, so any other resource URL would be fetched when
 * the output opens (from the web, or from files outside the deck), and a link with a script
 * scheme would run when clicked.
 */
export interface Finding {
  kind: 'resource' | 'link';
  url: string;
}

/** Schemes a clickable link may have; relative links and fragments are fine too. */
const SAFE_LINK = /^(https?|mailto|tel):/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Attributes whose value the browser fetches. `href` counts on every element but `<a>`. */
const RESOURCE_ATTRS = new Set([
  'src',
  'srcset',
  'poster',
  'data',
  'background',
  'href',
  'xlink:href',
  'imagesrcset',
  'action',
  'formaction',
  'manifest',
  'ping',
]);
const TAG = /<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  colon: ':',
  sol: '/',
  lpar: '(',
  rpar: ')',
  tab: '\t',
  newline: '\n',
  bsol: '\\',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Stylesheets read lately: `dev` audits the same rendered stylesheet (some 400 KB) on every save. */
const readStylesheets = new Map<string, string[]>();

/** Every URL a stylesheet loads (url(), image-set(), src(), @import), cleaned as the browser does. */
export function cssUrls(css: string): string[] {
  let urls = readStylesheets.get(css);
  if (!urls) {
    urls = cssLoads(css)
      .map((l) => cleanUrl(l.url))
      .filter(fetchesSomething);
    if (readStylesheets.size >= 16) readStylesheets.clear();
    readStylesheets.set(css, urls);
  }
  return [...urls];
}

/** Slides audited lately, by their HTML: `dev` renders every slide on every save, most unchanged. */
const auditedHtml = new Map<string, Finding[]>();

/** What one piece of rendered HTML would fetch or link to that it must not. */
export function htmlFindings(html: string): Finding[] {
  let found = auditedHtml.get(html);
  if (!found) {
    found = findingsOf(html);
    if (auditedHtml.size >= 2000) auditedHtml.clear();
    auditedHtml.set(html, found);
  }
  return [...found];
}

function findingsOf(html: string): Finding[] {
  const out: Finding[] = [];
  // Marp's own browser script is the only <script> its allowlist lets through.
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  for (const tag of markup.matchAll(TAG)) {
    const name = (tag[1] as string).toLowerCase();
    for (const a of (tag[2] ?? '').matchAll(ATTR)) {
      const attr = (a[1] as string).toLowerCase();
      const raw = a[2] ?? a[3] ?? a[4];
      if (raw === undefined) continue;
      const value = decodeEntities(raw);
      if (attr === 'style') {
        for (const url of cssUrls(value)) out.push({ kind: 'resource', url });
      } else if ((attr === 'href' || attr === 'xlink:href') && name === 'a') {
        // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
        const scheme = SCHEME.exec(cleanUrl(value).replace(/[\u0000-\u001f\s]/g, ''));
        if (scheme && !SAFE_LINK.test(scheme[0])) out.push({ kind: 'link', url: cleanUrl(value) });
      } else if (RESOURCE_ATTRS.has(attr)) {
        const urls = attr.endsWith('srcset')
          ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
          : [value];
        for (const url of urls.filter(fetchesSomething)) out.push({ kind: 'resource', url: cleanUrl(url) });
      }
    }
  }
  for (const m of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    for (const url of cssUrls(m[1] ?? '')) out.push({ kind: 'resource', url });
  return out;
}

/**
 * Problems for every URL the rendered deck would load or link to unsafely, each at the slide it
 * comes from (the line of the slide that spells it, when one does); URLs in the stylesheet that
 * no slide spells come from the theme or a deck-wide directive.
 */
export function auditRendered(slideSvgs: readonly string[], css: string, composed: ComposedDeck): Problem[] {
  const problems: Problem[] = [];
  slideSvgs.forEach((svg, i) => {
    const slide = composed.slides[i] ?? composed.slides[0]!;
    for (const f of htmlFindings(svg)) {
      const offset = slide.body === undefined ? undefined : lineSpelling(slide.body, f.url);
      problems.push(problem(f, { file: slide.file, line: slide.line + (offset ?? 0) }));
    }
  });
  const seen = new Set(problems.map((p) => p.message));
  for (const url of cssUrls(css)) {
    const where = spelledAt(composed, url);
    const p = problem(
      { kind: 'resource', url },
      where ?? { file: composed.slides[0]?.file ?? 'deck.md', line: 1 },
      where === undefined,
    );
    if (!seen.has(p.message)) problems.push(p);
    seen.add(p.message);
  }
  return problems;
}

/** Two spellings of one address: the browser reports `HTTP://A.com/a b` as `http://a.com/a%20b`. */
function sameUrl(spelled: string, url: string): boolean {
  if (spelled === url) return true;
  try {
    return new URL(spelled).href === new URL(url).href;
  } catch {
    return false;
  }
}

/**
 * The 0-based line of a slide's source that spells `url`: as it is, or in CSS (a `<style>`, a
 * `style` attribute, a directive) with the escapes and entities the browser resolves.
 */
function lineSpelling(body: string, url: string): number | undefined {
  const plain = body.split('\n').findIndex((l) => l.includes(url));
  if (plain >= 0) return plain;
  for (const css of [body, decodeEntities(body)]) {
    const load = cssLoads(css).find((l) => sameUrl(cleanUrl(l.url), url));
    if (load) return load.line - 1;
  }
  return undefined;
}

/** The slide whose source spells `url`, at the line that does; undefined when no slide does. */
function spelledAt(composed: ComposedDeck, url: string): { file: string; line: number } | undefined {
  for (const slide of composed.slides) {
    if (slide.body === undefined) continue;
    const offset = lineSpelling(slide.body, url);
    if (offset !== undefined) return { file: slide.file, line: slide.line + offset };
  }
  return undefined;
}

function problem(f: Finding, where: { file: string; line: number }, fromTheme = false): Problem {
  const shown = f.url.length > 80 ? `${f.url.slice(0, 77)}…` : f.url;
  if (f.kind === 'link') {
    return error(
      'unsafe-link',
      where,
      `slide links to ${shown}, which would run a script when clicked`,
      'links may go to http(s):, mailto: or tel: addresses only',
    );
  }
  return error(
    'remote-resource',
    where,
    `${fromTheme ? 'the theme or a <style>' : 'slide'} loads ${shown}, which lectern did not embed`,
    'put the file in the deck\'s assets/ folder and link it as ![](assets/<name>) or <img src="assets/<name>">: outputs must open without a network and never read files outside the deck',
  );
}

/** Problems for requests the browser made and lectern blocked, at the slide line that spells the URL when one does. */
export function blockedRequestProblems(urls: readonly string[], composed: ComposedDeck): Problem[] {
  return [...new Set(urls)].map((url) =>
    error(
      'network-request',
      spelledAt(composed, url) ?? { file: composed.slides[0]?.file ?? 'deck.md', line: 1 },
      `the browser was asked for ${url.length > 80 ? `${url.slice(0, 77)}…` : url} while building; lectern blocked it`,
      "outputs must open without a network: put the file in the deck's assets/ folder and link it with a relative path",
    ),
  );
}
