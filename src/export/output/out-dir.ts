import { realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInside } from '../../core/path-within.js';
import { LecternError } from '../../core/errors.js';

/** The real path a folder has or will have: its nearest existing ancestor resolved, the rest appended. */
export async function futureRealPath(path: string): Promise<string> {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) return path;
      rest.push(basename(at));
      at = dirname(at);
    }
  }
}

/**
 * Sources stay read-only: refuses an output folder that is, or once created would be, inside the
 * deck folder, comparing real paths so that symlinks (an output link into the deck, a deck
 * folder that is itself a link) cannot get around it.
 */
export async function assertOutsideDeck(deckDir: string, outDir: string, shownOut: string): Promise<void> {
  const [deck, out] = await Promise.all([futureRealPath(deckDir), futureRealPath(outDir)]);
  if (isInside(deckDir, outDir) || isInside(deck, out)) {
    throw new LecternError(`the output folder ${shownOut} is inside the deck folder`, {
      exit: 'OUTPUT',
      file: shownOut,
      hint: 'sources stay read-only: choose an output folder outside the deck, e.g. --out out',
    });
  }
}
