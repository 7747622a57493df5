import { openBrowser, type BrowserSession } from '../export/browser/browser.js';
import { loadDeck } from '../load/load-deck.js';
import { prepareValidDeck } from '../build/prepare-deck.js';
import { errorsOf, warningsOf, type Problem } from '../core/problem.js';
import { validateDeck } from '../validate/validate-deck.js';
import { findOverflow } from './overflow.js';
import { parseChapterSelection, selectChapters } from '../compose/chapter-selection.js';
import { blockedRequestProblems } from '../render/resource-audit.js';

export interface CheckResult {
  deck: string;
  errors: number;
  warnings: number;
  findings: Problem[];
}

/**
 * Everything `build` would refuse, plus what needs a real browser (overflowing slides);
 * writes nothing. Overflow is only measured on a deck that validates.
 */
export async function checkDeck(
  deckPath: string,
  cwd = process.cwd(),
  /** `session`: a browser shared by several checks (a library, the tests); left open. */
  opts: { chapters?: string; session?: BrowserSession } = {},
): Promise<CheckResult> {
  const loaded = await loadDeck(deckPath, cwd);
  const validation = validateDeck(loaded);
  const findings = [...validation.problems];
  if (validation.model) {
    // A part-day session is measured as it will be built: its agenda shows the whole course.
    const whole = validation.model;
    const model = opts.chapters ? selectChapters(whole, parseChapterSelection(opts.chapters, whole)) : whole;
    const prepared = await prepareValidDeck(loaded, model, findings);
    findings.push(...prepared.renderWarnings);
    await using owned = opts.session ? undefined : await openBrowser();
    const session = opts.session ?? owned!;
    const before = session.blocked().length;
    findings.push(...(await findOverflow(session, prepared.model, prepared.composed, prepared.rendered)));
    findings.push(...blockedRequestProblems(session.blocked().slice(before), prepared.composed));
  }
  return {
    deck: loaded.shownDir,
    errors: errorsOf(findings).length,
    warnings: warningsOf(findings).length,
    findings,
  };
}
