import type { ComposedDeck } from '../compose/compose-deck.js';
import { error, type Problem } from '../core/problem.js';

/**
 * Decides from the rendered slides, not from the source text, what an output would load or link
 * to. Markdown, raw HTML, MathJax (`\href`, `\style`), directives and themes can all put a URL
 * into the slides in spellings a source check misses (reference images, unquoted attributes,
 * CSS escapes such as `ht\74p` or `\75rl(`); the rendered HTML and CSS hold them resolved.
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

/** CSS as the browser reads it: comments gone, escapes (`\74`, `\(`) resolved, line continuations joined. */
export function unescapeCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\\r?\n/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_m, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    })
    .replace(/\\(.)/g, '$1');
}

/** Browsers drop tabs and line breaks inside URLs and trim the ends. */
const cleanUrl = (url: string) => url.replace(/[\t\n\r]/g, '').trim();
const fetchesSomething = (url: string) => {
  const u = cleanUrl(url);
  return u !== '' && !/^data:/i.test(u) && !u.startsWith('#');
};

/** Every URL a stylesheet loads: url(), image-set() strings and @import. */
export function cssUrls(css: string): string[] {
  const text = unescapeCss(css);
  const urls: string[] = [];
  for (const m of text.matchAll(/\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi))
    urls.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  for (const m of text.matchAll(/image-set\(/gi)) {
    let depth = 1;
    let i = (m.index ?? 0) + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    for (const s of text.slice(start, i).matchAll(/"([^"]*)"|'([^']*)'/g)) urls.push(s[1] ?? s[2] ?? '');
  }
  for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)'|([^\s;]+))/gi))
    urls.push(m[1] ?? m[2] ?? m[3] ?? '');
  return urls.filter(fetchesSomething);
}

/** What one piece of rendered HTML would fetch or link to that it must not. */
export function htmlFindings(html: string): Finding[] {
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
 * no slide spells come from the theme.
 */
export function auditRendered(
  slideSvgs: readonly string[],
  css: string,
  composed: ComposedDeck,
  trusted: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  const at = (i: number, url: string) => {
    const slide = composed.slides[i] ?? composed.slides[0]!;
    const lines = (slide.body ?? '').split('\n');
    const needle = url.replace(/^[a-z]+:\/\//i, '').slice(0, 40);
    const offset = lines.findIndex(
      (l) => l.includes(url) || (needle !== '' && unescapeCss(decodeEntities(l)).includes(needle)),
    );
    return { file: slide.file, line: slide.line + Math.max(offset, 0) };
  };
  slideSvgs.forEach((svg, i) => {
    for (const f of htmlFindings(svg)) problems.push(problem(f, at(i, f.url)));
  });
  const seen = new Set(problems.map((p) => p.message));
  for (const url of cssUrls(css).filter((u) => !trusted.has(u))) {
    const f: Finding = { kind: 'resource', url };
    const i = composed.slides.findIndex(
      (s) => s.body !== undefined && unescapeCss(decodeEntities(s.body)).includes(url),
    );
    const p = problem(
      f,
      i >= 0 ? at(i, url) : { file: composed.slides[0]?.file ?? 'deck.md', line: 1 },
      i < 0,
    );
    if (!seen.has(p.message)) problems.push(p);
    seen.add(p.message);
  }
  return problems;
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

/** Problems for requests the browser made and lectern blocked, at the slide that spells the URL when one does. */
export function blockedRequestProblems(urls: readonly string[], composed: ComposedDeck): Problem[] {
  return [...new Set(urls)].map((url) => {
    const slide = composed.slides.find(
      (s) => s.body !== undefined && unescapeCss(decodeEntities(s.body)).includes(url),
    );
    return error(
      'network-request',
      { file: slide?.file ?? composed.slides[0]?.file ?? 'deck.md', line: slide?.line ?? 1 },
      `the browser was asked for ${url.length > 80 ? `${url.slice(0, 77)}…` : url} while building; lectern blocked it`,
      "outputs must open without a network: put the file in the deck's assets/ folder and link it with a relative path",
    );
  });
}
