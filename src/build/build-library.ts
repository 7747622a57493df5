import { basename, join, resolve } from 'node:path';
import { build, type BuildOptions, type BuildResult } from './build.js';
import { ExitCode, LecternError } from '../core/errors.js';
import { BrowserLease } from '../export/browser/browser-lease.js';

/** How one deck of a library build ended. */
export interface DeckOutcome {
  /** The deck folder as given. */
  deck: string;
  /** Its output folder: <out>/<deck folder's name>. */
  out: string;
  result?: BuildResult;
  error?: unknown;
  exitCode: number;
}

export interface LibraryOptions extends Omit<BuildOptions, 'deck' | 'out' | 'sharedBrowser'> {
  decks: string[];
  out: string;
  /** Called before each deck is built and after it ended, for progress lines. */
  onDeck?: (event: { deck: string; out: string; state: 'start' } | ({ state: 'done' } & DeckOutcome)) => void;
}

/**
 * Builds several deck folders (a training department's library), each into <out>/<folder name>/
 * with its own cache, one after the other in one shared browser. A deck that fails does not stop
 * the others: its error is kept in its outcome. A browser that crashed is replaced for the next deck.
 */
export async function buildLibrary(opts: LibraryOptions): Promise<DeckOutcome[]> {
  const cwd = opts.cwd ?? process.cwd();
  const names = opts.decks.map((d) => basename(resolve(cwd, d)));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) {
    throw new LecternError(
      `two deck folders are named ${twice}: their outputs would share ${join(opts.out, twice)}`,
      { exit: 'USAGE', hint: 'rename one of the folders, or build them in separate runs with --out' },
    );
  }
  await using browser = new BrowserLease(async () =>
    (await import('../export/browser/browser.js')).openBrowser(),
  );
  const outcomes: DeckOutcome[] = [];
  for (const [i, deck] of opts.decks.entries()) {
    const out = join(opts.out, names[i]!);
    opts.onDeck?.({ deck, out, state: 'start' });
    let outcome: DeckOutcome;
    try {
      const others = opts.decks.filter((_, j) => j !== i);
      const result = await build({
        ...opts,
        deck,
        out,
        otherDecks: others,
        sharedBrowser: () => browser.session(),
      });
      outcome = { deck, out, result, exitCode: ExitCode.OK };
    } catch (error) {
      // Ctrl-C stops the library, not only the deck under way.
      if (error instanceof LecternError && error.exit === 'INTERRUPTED') throw error;
      outcome = {
        deck,
        out,
        error,
        exitCode: error instanceof LecternError ? error.exitCode : ExitCode.INTERNAL,
      };
      if (error instanceof LecternError && error.exit === 'BROWSER_FAILED') await browser.close();
    }
    outcomes.push(outcome);
    opts.onDeck?.({ state: 'done', ...outcome });
  }
  return outcomes;
}

/** The run's exit code: the worst deck's. A bug in lectern (1) counts worst, then the highest code. */
export function worstExitCode(outcomes: readonly DeckOutcome[]): number {
  const rank = (code: number) => (code === ExitCode.INTERNAL ? Number.MAX_SAFE_INTEGER : code);
  return outcomes.reduce(
    (worst, o) => (rank(o.exitCode) > rank(worst) ? o.exitCode : worst),
    ExitCode.OK as number,
  );
}
