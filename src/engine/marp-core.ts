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
  return core;
}
