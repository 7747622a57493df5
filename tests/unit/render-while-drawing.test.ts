import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { diagramFences } from '../../src/compose/diagram-fences.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { renderDeck, renderDeckWhileDrawing } from '../../src/render/render-deck.js';
import { buildDeckTheme } from '../../src/theme/deck-theme.js';
import { validateDeck } from '../../src/validate/validate-deck.js';

/**
 * Marp renders a deck while the browser draws its diagrams (renderDeckWhileDrawing): the deck
 * it gives must be the one renderDeck gives with the drawings, byte for byte.
 */
const fixtures = join(import.meta.dirname, '..', 'fixtures');

async function diagramDeck() {
  const loaded = await loadDeck(join(fixtures, 'diagrams'), fixtures);
  const model = validateDeck(loaded).model!;
  const composed = composeDeck(model);
  const theme = await buildDeckTheme(model, undefined, '');
  const keys = diagramFences(composed).map((f) => f.key);
  // Drawings with what a replacement string would read as patterns ($&, $1, $$).
  const svgs = Object.fromEntries(
    keys.map((key, i) => [key, `<svg id="d${i}"><text>$& $1 $$ ${'x'.repeat(i)}</text></svg>`]),
  );
  return { composed, theme, keys, svgs };
}

describe('rendering while the diagrams are drawn', () => {
  it('gives the deck renderDeck gives with the drawings', async () => {
    const { composed, theme, keys, svgs } = await diagramDeck();
    expect(keys).toHaveLength(5);
    const after = renderDeck(composed, theme, svgs);
    const meanwhile = await renderDeckWhileDrawing(composed, theme, keys, Promise.resolve(svgs));
    expect(meanwhile).toEqual(after);
    expect(meanwhile.html).toContain(
      '<p class="lectern-diagram"><svg id="d4"><text>$& $1 $$ xxxx</text></svg></p>',
    );
    expect(meanwhile.html).not.toMatch(/lectern-diagram-[0-9a-f]{24}/);
  });

  it('fails as the drawing fails, and renders a fence left undrawn as its code', async () => {
    const { composed, theme, keys, svgs } = await diagramDeck();
    const failed = renderDeckWhileDrawing(
      composed,
      theme,
      keys,
      Promise.reject(new Error('mermaid says no')),
    );
    await expect(failed).rejects.toThrow('mermaid says no');
    const some = { [keys[0]!]: svgs[keys[0]!]! };
    const partly = await renderDeckWhileDrawing(composed, theme, keys, Promise.resolve(some));
    expect(partly).toEqual(renderDeck(composed, theme, some));
    expect(partly.html).toContain('language-mermaid');
  });
});
