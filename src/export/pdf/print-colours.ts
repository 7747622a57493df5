import type { DeckModel } from '../../validate/deck-model.js';

// The handout's and the script's headings in the deck's brand colour (deck.md `brand.primary`,
// or the company template's with `theme: template`), as the slides beside them are; without
// one, lectern's navy (themes/corporate.css --lectern-primary).

const LECTERN_PRIMARY = '#0b3d6e';

/** The print documents' custom property for that colour, for their stylesheets' `var(--print-primary)`. */
export function printColours(deck: DeckModel): string {
  return `:root { --print-primary: ${deck.brand.primary ?? LECTERN_PRIMARY}; }`;
}
