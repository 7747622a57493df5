import type { LoadedDeck } from '../load/load-deck.js';
import type { Problem } from '../core/problem.js';

/**
 * Validation as a list of small named rules, each returning every problem it sees
 * (after changesets' config rules): the user fixes a deck in one pass, not one error per run.
 * The type has a file of its own so the rule files and the list that gathers them (rules.ts)
 * do not import each other.
 */
export interface Rule {
  name: string;
  check: (deck: LoadedDeck) => Problem[];
}
