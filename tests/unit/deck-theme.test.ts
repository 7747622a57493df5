import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/load/load-deck.js';
import { renderDeck } from '../../src/render/render-deck.js';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { buildDeckTheme } from '../../src/theme/deck-theme.js';
import { validateDeck } from '../../src/validate/validate-deck.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

describe("buildDeckTheme with Marp's own themes", () => {
  it.each(['default', 'gaia', 'uncover'])(
    'renders %s with no stylesheet or font from the web, code falling back to the embedded font',
    async (name) => {
      const model = validateDeck(await loadDeck(join(fixtures, 'valid'), fixtures)).model!;
      model.theme = name;
      const theme = await buildDeckTheme(model, undefined, '');
      const { css } = renderDeck(composeDeck(model), theme);
      expect(css).not.toMatch(/@import\s+(url\()?\s*["']?https?:/i);
      expect(css).not.toContain('fonts.bunny.net');
      expect(css).toMatch(/code[^{]*\{[^}]*font-family:[^;}]*'Lectern Sans'/);
    },
  );
});

describe('buildDeckTheme with a theme file of the deck', () => {
  it('accepts a theme whose name starts with two dots: it lies inside the deck folder', async () => {
    const deck = join(tempDir('lectern-theme-'), 'deck');
    cpSync(join(fixtures, 'valid'), deck, { recursive: true });
    writeFileSync(join(deck, '..brand.css'), '/* @theme brand */\nsection { color: #123456; }\n');
    const model = validateDeck(await loadDeck(deck, fixtures)).model!;
    model.theme = './..brand.css';
    const theme = await buildDeckTheme(model, undefined, '');
    expect(theme.deckCss).toContain("@import 'brand';");
  });
});
