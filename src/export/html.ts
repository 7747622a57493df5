import { marpCli } from '@marp-team/marp-cli';
import type { ComposedDeck } from '../compose/compose-deck.js';
import { LecternError } from '../errors.js';
import { MARP_OPTIONS } from '../render/marp-options.js';
import type { DeckTheme } from '../theme/deck-theme.js';
import { cannotWrite, WRITE_FAILURES, type Staging } from './staging.js';
import { join } from 'node:path';

/**
 * The bespoke HTML through marp-cli: keyboard navigation, presenter view with notes, next
 * slide and timer. Images and fonts are already data: URIs, so the file is self-contained.
 */
export async function writeHtml(composed: ComposedDeck, theme: DeckTheme, staging: Staging, fileName: string): Promise<void> {
  // marp-cli's inputs go beside the output: when they cannot be written, the HTML cannot be either.
  const inputs = await Promise.all([
    staging.write('deck.md', composed.markdown),
    staging.write('marp.config.json', JSON.stringify({ options: MARP_OPTIONS })),
    ...theme.css.map((css, i) => staging.write(`theme-${i}.css`, css)),
  ]).catch((err: unknown) => {
    throw cannotWrite(join(staging.outDir, fileName), err instanceof LecternError ? err.cause : err);
  });
  const [md, config, ...themes] = inputs as [string, string, ...string[]];
  const args = [md, '--config-file', config, '--theme-set', ...themes, '--bespoke.progress', '--output', staging.path(fileName)];
  const { code, messages } = await quietly(() => marpCli(args)).catch((err: unknown) => {
    // marp-cli writes the file itself and throws on some write errors (a full disk).
    if (WRITE_FAILURES.test(String(err))) throw cannotWrite(join(staging.outDir, fileName), err);
    throw err;
  });
  if (code !== 0) {
    // marp-cli writes the file itself: a full disk shows only in its messages.
    const write = messages.find((m) => WRITE_FAILURES.test(m));
    if (write) throw cannotWrite(join(staging.outDir, fileName), new Error(write));
    throw new LecternError(`marp-cli could not write the HTML (exit ${code})`, { code: 'INTERNAL', hint: messages.join('\n') || 'run with --debug for details' });
  }
}

/** marp-cli logs progress to the console; core code must not print, so collect it instead. */
async function quietly<T>(fn: () => Promise<T>): Promise<{ code: T; messages: string[] }> {
  const messages: string[] = [];
  const saved = { warn: console.warn, log: console.log, error: console.error };
  const collect = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  console.warn = console.log = console.error = collect;
  try {
    return { code: await fn(), messages };
  } finally {
    Object.assign(console, saved);
  }
}
