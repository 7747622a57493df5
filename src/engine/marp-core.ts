import Module, { createRequire } from 'node:module';

type MarpCore = typeof import('@marp-team/marp-core');
type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

const require = createRequire(import.meta.url);

/**
 * The math libraries marp-core requires when it loads (MathJax's TeX input and SVG output, and
 * KaTeX): 170 ms of every build's main thread, and most decks have no math. Each arrives as a
 * stand-in that loads the real module on first use; marp-core touches them only to render a
 * formula (its MathJax context and KaTeX calls are made then).
 */
const MATH_MODULES = new Set([
  'katex',
  'katex/package.json',
  'mathjax-full/js/adaptors/liteAdaptor',
  'mathjax-full/js/handlers/html',
  'mathjax-full/js/input/tex',
  'mathjax-full/js/input/tex/AllPackages',
  'mathjax-full/js/mathjax',
  'mathjax-full/js/output/svg',
]);

let core: MarpCore | undefined;

/** marp-core, loaded once, with its math libraries loaded when a formula is first rendered. */
export function marpCore(): MarpCore {
  if (core) return core;
  // Node's CommonJS loader is the one place a require can be answered; only marp-core's own
  // requires of the modules above are, and only while marp-core loads.
  const loader = Module as unknown as { _load: Load };
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    if (!MATH_MODULES.has(request) || !/[\\/]@marp-team[\\/]marp-core[\\/]/.test(parent?.filename ?? ''))
      return load.call(this, request, parent, isMain);
    let real: object | undefined;
    const module = (): object => (real ??= load.call(this, request, parent, isMain) as object);
    return new Proxy(
      {},
      {
        get: (_, key) => Reflect.get(module(), key) as unknown,
        has: (_, key) => Reflect.has(module(), key),
        ownKeys: () => Reflect.ownKeys(module()),
        getOwnPropertyDescriptor: (_, key) => {
          const d = Reflect.getOwnPropertyDescriptor(module(), key);
          return d && { ...d, configurable: true };
        },
      },
    );
  };
  try {
    core = require('@marp-team/marp-core') as MarpCore;
  } finally {
    loader._load = load;
  }
  keepParsedThemes();
  keepParsedComments();
  return core;
}

interface ThemeClass {
  fromCSS(css: string, opts?: { metaType?: Record<string, unknown>; cssNesting?: boolean }): object;
}

/** How many parsed theme stylesheets are kept: the three built-in themes and a few decks' own. */
const KEPT_THEMES = 32;

/**
 * Every Marp engine parses marp-core's three built-in themes with PostCSS when it is made, and
 * a build makes three (reading tokens, rendering, marp-cli's HTML): 0.25 s of the main thread
 * for the same text. Marpit's `Theme.fromCSS` is a function of its CSS and options and returns
 * a frozen Theme, so a parse is kept and shared by text; a changed theme is new text, parsed.
 */
function keepParsedThemes(): void {
  const Theme = (require('@marp-team/marpit') as { Theme: ThemeClass }).Theme;
  const parse = Theme.fromCSS.bind(Theme);
  const kept = new Map<string, object>();
  Theme.fromCSS = (css, opts = {}) => {
    // Marpit's metaType values are the constructors String and Array; their names identify them.
    const meta = Object.entries(opts.metaType ?? {}).map(([k, v]) => `${k}:${(v as { name?: string }).name}`);
    // A symbol option lets Marpit's scaffold theme go without `@theme`: part of the key too.
    const flags = Object.getOwnPropertySymbols(opts).map(
      (s) => `${String(s)}=${String(Reflect.get(opts, s))}`,
    );
    const key = [String(opts.cssNesting), meta.join(','), flags.join(','), css].join('\0');
    let theme = kept.get(key);
    if (!theme) {
      theme = parse(css, opts);
      if (kept.size >= KEPT_THEMES) kept.clear();
      kept.set(key, theme);
    }
    return theme;
  };
}

type Yaml = (text: string, looseDirectives?: boolean | string[]) => object | false;

/** How many comments' readings are kept: a course has a few hundred. */
const KEPT_COMMENTS = 4096;

/**
 * Marpit reads every HTML comment of a deck as YAML (js-yaml) to find its directives: the
 * course's 179 comments, read again by marp-cli's render of the HTML, took 0.12 s of a build's
 * main thread. Its `yaml` is a function of the text and the loose keys, called through its
 * module's exports; each answer is kept by them and handed out as a copy, since Marpit keeps
 * the object in the comment's token.
 */
function keepParsedComments(): void {
  const module = require('@marp-team/marpit/lib/markdown/directives/yaml') as { yaml: Yaml; default: Yaml };
  const parse = module.yaml;
  const kept = new Map<string, object | false>();
  const yaml: Yaml = (text, looseDirectives = false) => {
    const key = `${JSON.stringify(looseDirectives)}\0${text}`;
    let read = kept.get(key);
    if (read === undefined) {
      read = parse(text, looseDirectives);
      if (kept.size >= KEPT_COMMENTS) kept.clear();
      kept.set(key, read);
    }
    return read === false ? false : structuredClone(read);
  };
  module.yaml = module.default = yaml;
}
