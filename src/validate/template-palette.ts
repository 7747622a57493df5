import { WHITE, contrast, parseColour, type Rgba } from '../core/colour.js';
import type { TemplateTheme } from '../load/template/template-model.js';
import type { Brand } from './deck-model.js';

// deck.md `theme: template`: lectern's theme in the company template's colours, so the HTML and
// the PDFs look like the PPTX built on that template. The template's colour scheme names its
// colours by role (dk1/lt1 text and page, dk2/lt2 a second pair, accent1–6); lectern's theme
// needs a primary under white text (title, dividers, headings) and an accent (rules, bullets,
// and the dividers' large chapter number, which stands on the primary).

/** WCAG AA's contrast for normal text: white text on the primary reads at any size. */
const WHITE_TEXT_CONTRAST = 4.5;
/** WCAG AA's contrast for large text: the divider's 180 px number in the accent on the primary. */
const LARGE_TEXT_CONTRAST = 3;

const ACCENTS = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];

/** The scheme's colour of a role, when it is a plain `RRGGBB`. */
function colour(theme: TemplateTheme, key: string): Rgba | undefined {
  const value = theme.colours[key];
  return value !== undefined && /^[0-9A-F]{6}$/i.test(value) ? parseColour(`#${value}`) : undefined;
}

/** How white text reads on `RRGGBB`: 21 on black, 1 on white. */
export const whiteContrast = (hex: string): number => contrast(parseColour(`#${hex}`)!, WHITE);

/**
 * The brand colours a template gives lectern's theme. The primary is the first of dk2, accent1,
 * accent2 … accent6 and dk1 that white text reads on. The accent is the first accent that reads
 * on the primary as large text, tried from accent2 when the primary is dk2 or accent1 (Office's
 * schemes make those two the same family of blue), else from accent1; when none does, the one
 * that reads best.
 */
export function templateBrand(theme: TemplateTheme): Brand {
  const order = ['dk2', ...ACCENTS, 'dk1'];
  const primaryKey = order.find((k) => {
    const c = colour(theme, k);
    return c !== undefined && contrast(c, WHITE) >= WHITE_TEXT_CONTRAST;
  });
  const primary = primaryKey ? colour(theme, primaryKey) : undefined;
  const tried =
    primaryKey === 'dk2' || primaryKey === 'accent1' ? ['accent2', 'accent1', ...ACCENTS.slice(2)] : ACCENTS;
  const candidates = tried.filter((k) => k !== primaryKey && colour(theme, k) !== undefined);
  const onPrimary = (k: string) => (primary ? contrast(colour(theme, k)!, primary) : Infinity);
  const accentKey =
    candidates.find((k) => onPrimary(k) >= LARGE_TEXT_CONTRAST) ??
    [...candidates].sort((a, b) => onPrimary(b) - onPrimary(a))[0];
  const hexOf = (k: string) => `#${theme.colours[k]!.toLowerCase()}`;
  return {
    ...(primaryKey ? { primary: hexOf(primaryKey) } : {}),
    ...(accentKey ? { accent: hexOf(accentKey) } : {}),
  };
}
