import { openBrowser, type BrowserSession } from '../export/browser/browser.js';
import { loadDeck } from '../load/load-deck.js';
import { prepareValidDeck } from '../build/prepare-deck.js';
import { errorsOf, warningsOf, type Problem } from '../core/problem.js';
import { validateDeck } from '../validate/validate-deck.js';
import { findOverflow } from './overflow.js';
import { parseChapterSelection, selectChapters } from '../compose/chapter-selection.js';
import { blockedRequestProblems } from '../render/resource-audit.js';
import { BrowserLease } from '../export/browser/browser-lease.js';
import { DiagramRenderer } from '../build/diagrams.js';
import { LecternError } from '../core/errors.js';

export interface CheckResult {
  deck: string;
  errors: number;
  warnings: number;
  findings: Problem[];
}

/**
 * Everything `build` would refuse, plus what needs a real browser (overflowing slides, text
 * too faint against its background); writes nothing. Overflow is only measured on a deck that validates.
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
    // One browser draws the diagrams (mermaid reads them there) and measures the slides: the
    // caller's, or one of this check's own.
    await using lease = opts.session ? undefined : new BrowserLease(() => openBrowser());
    const sessionOf = () => (opts.session ? Promise.resolve(opts.session) : lease!.session());
    const diagrams = DiagramRenderer.inMemory(sessionOf);
    const prepared = await prepareValidDeck(loaded, model, findings, { diagrams }).catch((err: unknown) => {
      // Diagrams mermaid cannot read are findings like any other: the slides are not measured.
      if (err instanceof LecternError && err.finding === 'diagram-invalid') {
        findings.push(...err.problems);
        return undefined;
      }
      throw err;
    });
    if (prepared) {
      findings.push(...prepared.renderWarnings);
      const session = await sessionOf();
      const before = session.blocked().length;
      const sources = [...(loaded.deck ? [loaded.deck] : []), ...loaded.chapters];
      findings.push(
        ...(await findOverflow(session, prepared.model, prepared.composed, prepared.rendered, sources)),
      );
      findings.push(...blockedRequestProblems(session.blocked().slice(before), prepared.composed));
    }
  }
  return {
    deck: loaded.shownDir,
    errors: errorsOf(findings).length,
    warnings: warningsOf(findings).length,
    findings,
  };
}
