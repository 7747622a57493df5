import { readFile, realpath } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { DeckModel } from '../deck-model.js';
import { LecternError } from '../errors.js';
import { THEMES_DIR } from '../package-root.js';
import { FONT_FAMILY } from './embedded-font.js';

/** Marp's own themes, usable by name. */
const MARP_THEMES = ['default', 'gaia', 'uncover'];
/** Code faces of the common systems, then the embedded font for the characters they lack. */
const MONOSPACE = `ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Consolas, Menlo, 'DejaVu Sans Mono', 'Liberation Mono'`;
/** The theme every composed deck uses: it imports the chosen theme and adds font and brand. */
export const DECK_THEME = 'lectern-deck';

export interface DeckTheme {
  /** Theme CSS files to register with Marp, in order; the last is the deck theme. */
  css: string[];
  /** The deck theme alone: fonts, brand, and an import of the chosen theme. */
  deckCss: string;
}

/**
 * Resolves deck.md `theme:` (corporate, a Marp theme, or a CSS file in the deck folder) and
 * layers the font faces and the brand colours (as CSS custom properties) on top.
 */
export async function buildDeckTheme(deck: DeckModel, deckLine: number | undefined, fontCss: string): Promise<DeckTheme> {
  const { name, css } = await baseTheme(deck, deckLine);
  const brand = brandCss(deck);
  const deckCss = [
    `/* @theme ${DECK_THEME} */`,
    `@import '${name}';`,
    fontCss,
    // Marp's own themes do not know the embedded font: put it first in their font stacks.
    MARP_THEMES.includes(deck.theme) ? `section { font-family: '${FONT_FAMILY}', sans-serif; }` : '',
    // Monospace faces have no Chinese, and browsers fall back only to system fonts, never to
    // a web font the stack does not name: a comment in a code block showed as boxes.
    deck.theme === 'corporate' || MARP_THEMES.includes(deck.theme) ? `section pre, section code, section kbd, section samp { font-family: ${MONOSPACE}, '${FONT_FAMILY}', monospace; }` : '',
    brand,
  ].join('\n');
  return { css: [...css, deckCss], deckCss };
}

/** The theme file a deck uses, for watchers; undefined for Marp's built-in themes. */
export function themeFile(deck: DeckModel): string | undefined {
  if (deck.theme === 'corporate') return join(THEMES_DIR, 'corporate.css');
  return /\.css$/i.test(deck.theme) ? resolve(deck.dir, deck.theme) : undefined;
}

async function baseTheme(deck: DeckModel, line: number | undefined): Promise<{ name: string; css: string[] }> {
  if (MARP_THEMES.includes(deck.theme)) return offlineMarpTheme(deck.theme);
  const path = themeFile(deck);
  const unknown = () =>
    new LecternError(`unknown theme "${deck.theme}"`, {
      code: 'INVALID_DECK',
      file: deck.deckFile,
      line,
      hint: `use corporate (the default), ${MARP_THEMES.join(', ')}, or a path to a Marp theme CSS file in the deck folder such as theme: ./brand.css`,
    });
  if (!path) throw unknown();
  const real = await realpath(path).catch(() => {
    throw unknown();
  });
  if (deck.theme !== 'corporate' && relative(await realpath(deck.dir), real).startsWith('..')) {
    throw new LecternError(`theme ${deck.theme} lies outside the deck folder`, {
      code: 'INVALID_DECK',
      file: deck.deckFile,
      line,
      hint: 'copy the theme CSS into the deck folder, e.g. theme: ./brand.css',
    });
  }
  const css = await readFile(real, 'utf8').catch(() => {
    throw unknown();
  });
  if (/@import\b|url\(\s*['"]?\s*(https?:)?\/\//i.test(css)) {
    throw new LecternError(`theme ${deck.theme} loads a stylesheet or url() from outside the deck`, {
      code: 'INVALID_DECK',
      file: deck.deckFile,
      line,
      hint: 'embed fonts and images in the theme, or put them in the deck folder: outputs must open without a network',
    });
  }
  const name = /\/\*\s*@theme\s+([\w-]+)\s*\*\//.exec(css)?.[1];
  if (!name) {
    throw new LecternError(`theme file ${deck.theme} has no /* @theme <name> */ comment`, {
      code: 'INVALID_DECK',
      file: deck.deckFile,
      line,
      hint: 'a Marp theme CSS starts with a comment naming it, e.g. /* @theme brand */',
    });
  }
  return { name, css: [css] };
}

/**
 * Marp's own theme, without its web font import: gaia loads Lato and Roboto Mono from a font
 * CDN, which broke the no-network promise, and the failed request let Chromium lay out inline
 * code before the embedded font was ready (Chinese shown as boxes until the next restyle).
 */
async function offlineMarpTheme(name: string): Promise<{ name: string; css: string[] }> {
  const { Marp } = await import('@marp-team/marp-core');
  const css = new Marp().themeSet.get(name)?.css ?? '';
  if (!/@import\s+(url\()?\s*["']?https?:/i.test(css)) return { name, css: [] };
  const offline = `lectern-${name}`;
  return { name: offline, css: [css.replace(/@import\s+(url\()?\s*["']?https?:[^;]*;/gi, '').replace(/@theme\s+[\w-]+/, `@theme ${offline}`)] };
}

function brandCss(deck: DeckModel): string {
  const vars: string[] = [];
  if (deck.brand.primary) vars.push(`--lectern-primary: ${deck.brand.primary};`);
  if (deck.brand.accent) vars.push(`--lectern-accent: ${deck.brand.accent};`);
  const logo = deck.brand.logo ? deck.assets.get(deck.brand.logo) : undefined;
  if (logo) vars.push(`--lectern-logo: url("data:${logo.mime};base64,${logo.bytes.toString('base64')}");`);
  return vars.length ? `section { ${vars.join(' ')} }` : '';
}
