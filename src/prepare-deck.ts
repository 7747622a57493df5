import { composeDeck, type ComposedDeck } from './compose/compose-deck.js';
import type { DeckModel } from './deck-model.js';
import { LecternError } from './errors.js';
import { loadDeck, type LoadedDeck } from './load/load-deck.js';
import { errorsOf, warningsOf, type Problem } from './problem.js';
import { renderDeck, type RenderedDeck } from './render/render-deck.js';
import { buildDeckTheme, type DeckTheme } from './theme/deck-theme.js';
import { embeddedFontCss } from './theme/embedded-font.js';
import { validateDeck } from './validate/validate-deck.js';

export interface PreparedDeck {
  model: DeckModel;
  composed: ComposedDeck;
  theme: DeckTheme;
  rendered: RenderedDeck;
  warnings: Problem[];
}

/** load → validate → compose → theme → render: everything before an output is written. */
export async function prepareDeck(deckPath: string, cwd = process.cwd()): Promise<PreparedDeck> {
  const loaded = await loadDeck(deckPath, cwd);
  const { problems, model } = validateDeck(loaded);
  const errors = errorsOf(problems);
  if (errors.length > 0 || !model) {
    throw new LecternError(`${loaded.shownDir} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written`, {
      code: 'INVALID_DECK',
      problems,
    });
  }
  return prepareValidDeck(loaded, model, problems);
}

/**
 * compose → theme → render for a deck that passed validation. Fonts are embedded as a subset
 * unless `fontCss` supplies other font faces (the dev server serves the whole font instead).
 */
export async function prepareValidDeck(loaded: LoadedDeck, model: DeckModel, problems: Problem[], fontCss?: string): Promise<PreparedDeck> {
  const composed = composeDeck(model);
  const theme = await buildDeckTheme(model, loaded.deck?.keyLines.theme, fontCss ?? (await embeddedFontCss(composed.markdown)));
  const rendered = renderDeck(composed, theme);
  return { model, composed, theme, rendered, warnings: warningsOf(problems) };
}
