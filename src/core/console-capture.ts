/* eslint-disable no-console -- the one place that touches the console: it silences it */

const METHODS = ['error', 'warn', 'log', 'info'] as const;

/**
 * Runs `fn` with the console's methods sending their lines to `sink` instead of the terminal,
 * and puts them back when `fn` ends (or its promise settles). Libraries lectern runs in
 * process print of their own (MathJax a stack trace for math it cannot parse, marp-cli its
 * progress); core code never prints, so what they say is collected or dropped here.
 */
export function consoleCaptured<T>(fn: () => T, sink: (line: string) => void = () => undefined): T {
  const saved = METHODS.map((m) => [m, console[m]] as const);
  for (const m of METHODS) console[m] = (...a: unknown[]) => sink(a.map(String).join(' '));
  const restore = () => {
    for (const [m, f] of saved) console[m] = f;
  };
  let result: T;
  try {
    result = fn();
  } catch (err) {
    restore();
    throw err;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
