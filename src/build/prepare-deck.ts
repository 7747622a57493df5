import { composeDeck, type ComposedDeck } from '../compose/compose-deck.js';
import type { DeckModel } from '../validate/deck-model.js';
import { loadDeck, type LoadedDeck } from '../load/load-deck.js';
import { warningsOf, type Problem } from '../core/problem.js';
import { renderDeck, type RenderedDeck } from '../render/render-deck.js';
import { buildDeckTheme, type DeckTheme } from '../theme/deck-theme.js';
import { embeddedFont, type FontSubset } from '../fonts/embedded-font.js';
import { missingGlyphWarnings } from '../compose/glyph-warnings.js';
import { shortcodeEmoji } from '../engine/shortcode-emoji.js';
import { requireValid, validateDeck } from '../validate/validate-deck.js';
import { fitPictures } from '../load/fit-pictures.js';
import { diagramFences } from '../compose/diagram-fences.js';
import type { DiagramSvgs } from '../engine/diagram-fence.js';
import { LecternError } from '../core/errors.js';
import type { DiagramRenderer } from './diagrams.js';

export interface PreparedDeck {
  model: DeckModel;
  composed: ComposedDeck;
  theme: DeckTheme;
  rendered: RenderedDeck;
  /** The embedded font subset; absent when fonts are served (dev). */
  font?: FontSubset;
  /** Validation warnings and those found while preparing (characters no font can draw). */
  warnings: Problem[];
  /** Only the warnings found while preparing, for `check`, which has the validation's already. */
  renderWarnings: Problem[];
  /** The drawings of the deck's ```mermaid fences, by diagramKey of their source. */
  diagrams: DiagramSvgs;
  /** PNGs of the diagrams drawn afresh, by their SVG, for the editable PPTX (DiagramRenderer's `pictures`). */
  diagramPngs?: Promise<ReadonlyMap<string, string>>;
}

/** load → validate → compose → theme → render: everything before an output is written. */
export async function prepareDeck(deckPath: string, cwd = process.cwd()): Promise<PreparedDeck> {
  const loaded = await loadDeck(deckPath, cwd);
  const validation = validateDeck(loaded);
  return prepareValidDeck(loaded, requireValid(loaded, validation), validation.problems);
}

/**
 * compose → theme → render for a deck that passed validation (`composed` when the caller has
 * composed it already). Fonts are embedded as a subset unless `fontCss` supplies other font
 * faces (the dev server serves the whole font instead).
 */
export async function prepareValidDeck(
  loaded: LoadedDeck,
  model: DeckModel,
  problems: Problem[],
  opts: { fontCss?: string; composed?: ComposedDeck; diagrams?: DiagramRenderer } = {},
): Promise<PreparedDeck> {
  const { fontCss } = opts;
  // Pictures are embedded as the slides show them, before composing writes them into the markdown.
  const pictureWarnings = await fitPictures(model.assets, model.deckFile);
  const composed = opts.composed ?? composeDeck(model);
  // The subset holds what the slides show: `:ok_hand:` is drawn as 👌, and the composed markdown
  // still holds the diagrams' sources, so their labels have glyphs.
  const font =
    fontCss === undefined
      ? await embeddedFont(
          // deck.md's labels reach pages the markdown does not hold (the script's title, page numbers).
          composed.markdown + shortcodeEmoji(composed.markdown) + Object.values(model.labels).join(''),
        )
      : undefined;
  const theme = await buildDeckTheme(model, loaded.deck?.keyLines.theme, fontCss ?? font!.css);
  const { svgs: diagrams, pictures: diagramPngs } = await drawDiagrams(
    composed,
    model,
    font?.css,
    opts.diagrams,
  );
  const rendered = renderDeck(composed, theme, diagrams);
  const renderWarnings = [...pictureWarnings, ...(font ? missingGlyphWarnings(composed, font.missing) : [])];
  return {
    model,
    composed,
    theme,
    rendered,
    font,
    warnings: [...warningsOf(problems), ...renderWarnings],
    renderWarnings,
    diagrams,
    diagramPngs,
  };
}

/**
 * The deck's diagrams, drawn before Marp renders the slides that show them. A deck without
 * any loads no mermaid and starts no browser for them; without a renderer (the fuzz test's
 * decks) a fence stays a code block.
 */
async function drawDiagrams(
  composed: ComposedDeck,
  model: DeckModel,
  fontCss: string | undefined,
  renderer: DiagramRenderer | undefined,
): Promise<{ svgs: DiagramSvgs; pictures?: Promise<ReadonlyMap<string, string>> }> {
  const fences = diagramFences(composed);
  if (fences.length === 0 || !renderer) return { svgs: {} };
  // The dev server serves its fonts from loopback, which the browser may not fetch: its
  // diagrams are laid out with a subset of their own characters.
  const css = async () => fontCss ?? (await embeddedFont(fences.map((f) => f.source).join(''))).css;
  const { svgs, problems, pictures } = await renderer.render(fences, model, css);
  if (problems.length > 0) {
    throw new LecternError(
      `mermaid cannot read ${problems.length === 1 ? 'a diagram' : `${problems.length} diagrams`}; nothing was written`,
      { exit: 'INVALID_DECK', finding: 'diagram-invalid', problems },
    );
  }
  return { svgs, pictures };
}
