import type { TemplateTheme } from '../load/template/template-model.js';
import type { Brand } from './deck-model.js';

// deck.md `theme: template`: lectern's theme in the company template's colours, so the HTML and
// the PDFs look like the PPTX built on that template. The template's colour scheme names its
// colours by role (dk1/lt1 text and page, dk2/lt2 a second pair, accent1–6); lectern's theme
// needs a primary under white text (title, dividers, headings) and an accent (rules, bullets).

/** WCAG AA's contrast for normal text (large text needs 3:1): white text on the primary reads at any size. */
const WHITE_TEXT_CONTRAST = 4.5;

/** WCAG 2's relative luminance of `RRGGBB`. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** How white text reads on `hex`: 21 on black, 1 on white. */
export const whiteContrast = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

const isHex = (v: string | undefined): v is string => v !== undefined && /^[0-9A-F]{6}$/i.test(v);

/**
 * The brand colours a template gives lectern's theme: the primary is the first of dk2, accent1,
 * accent2 … accent6 and dk1 that white text reads on; the accent is accent2 when the primary is
 * dk2 or accent1 (Office's schemes make those two the same family of blue), else accent1.
 */
export function templateBrand(theme: TemplateTheme): Brand {
  const c = theme.colours;
  const order = ['dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'dk1'];
  const primary = order.find((k) => isHex(c[k]) && whiteContrast(c[k]!) >= WHITE_TEXT_CONTRAST);
  const accents = ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'];
  const accent = accents.find((k) => k !== primary && isHex(c[k]) && (primary !== 'dk2' || k !== 'accent1'));
  return {
    ...(primary ? { primary: `#${c[primary]!.toLowerCase()}` } : {}),
    ...(accent ? { accent: `#${c[accent]!.toLowerCase()}` } : {}),
  };
}
