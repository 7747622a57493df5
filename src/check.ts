import { loadDeck } from './load/load-deck.js';
import { errorsOf, warningsOf, type Problem } from './problem.js';
import { validateDeck } from './validate/validate-deck.js';

export interface CheckResult {
  deck: string;
  errors: number;
  warnings: number;
  findings: Problem[];
}

/** Validates a deck and returns every finding; writes nothing. */
export async function checkDeck(deckPath: string, cwd = process.cwd()): Promise<CheckResult> {
  const loaded = await loadDeck(deckPath, cwd);
  const { problems } = validateDeck(loaded);
  return { deck: loaded.shownDir, errors: errorsOf(problems).length, warnings: warningsOf(problems).length, findings: problems };
}
