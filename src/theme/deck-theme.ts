import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { DeckModel } from '../validate/deck-model.js';
import { LecternError } from '../core/errors.js';
import { THEMES_DIR } from '../core/package-root.js';
import { FONT_FAMILY } from '../fonts/embedded-font.js';
import { isInside } from '../core/path-within.js';
import { cleanUrl, cssLoads, fetchesSomething, type CssLoad } from '../core/css-loads.js';
import { marpCore } from '../engine/marp-core.js';

/** Marp's own themes, usable by name. */
const MARP_THEMES = ['default', 'gaia', 'uncover'];
/** Code faces of the common systems, then the embedded font for the characters they lack. */
const MONOSPACE = `ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Consolas, Menlo, 'DejaVu Sans Mono', 'Liberation Mono'`;
/** The theme every composed deck uses: it imports the chosen theme and adds font and brand. */
export const DECK_THEME = 'lectern-deck';

export interface DeckTheme {
  /** Theme CSS files to register with Marp, in order; the last is the deck theme. */
  css: string[];
  /** The deck theme alone: brand, font stacks, and an import of the chosen theme. */
  deckCss: string;
  /**
   * The font faces, kept out of the themes Marp renders: they are some 400 KB of base64 that
   * Marp's PostCSS passes and the resource audit would read on every render, and @font-face
   * rules mean the same anywhere in a page's CSS (render-deck adds them to its CSS).
   */
  fontCss: string;
}

/**
 * Resolves deck.md `theme:` (corporate, a Marp theme, or a CSS file in the deck folder) and
 * layers the font faces and the brand colours (as CSS custom properties) on top.
 */
export async function buildDeckTheme(
  deck: DeckModel,
  deckLine: number | undefined,
  fontCss: string,
): Promise<DeckTheme> {
  const { name, css } = await baseTheme(deck, deckLine);
  const brand = brandCss(deck);
  const deckCss = [
    `/* @theme ${DECK_THEME} */`,
    `@import '${name}';`,
    // Marp's own themes do not know the embedded font: put it first in their font stacks.
    MARP_THEMES.includes(deck.theme) ? `section { font-family: '${FONT_FAMILY}', sans-serif; }` : '',
    // Monospace faces have no Chinese, and browsers fall back only to system fonts, never to
    // a web font the stack does not name: a comment in a code block showed as boxes.
    deck.theme === 'corporate' || MARP_THEMES.includes(deck.theme)
      ? `section pre, section code, section kbd, section samp { font-family: ${MONOSPACE}, '${FONT_FAMILY}', monospace; }`
      : '',
    // Emoji from shortcodes (engine/marp-engine.ts marks them): the embedded face, whatever the deck's font.
    `section [data-lectern-emoji] { font-family: '${FONT_FAMILY}', sans-serif; }`,
    brand,
  ].join('\n');
  return { css: [...css, deckCss], deckCss, fontCss };
}

/** The theme file a deck uses, for watchers; undefined for Marp's built-in themes. */
export function themeFile(deck: DeckModel): string | undefined {
  if (deck.theme === 'corporate') return join(THEMES_DIR, 'corporate.css');
  return /\.css$/i.test(deck.theme) ? resolve(deck.dir, deck.theme) : undefined;
}

/** A stylesheet import of a theme by name (`@import 'default'`), which Marp resolves itself. */
const MARP_THEME_NAME = /^[\w-]+$/;

/**
 * What a theme loads, read by a CSS tokenizer: url(), image-set() and @import, and Marpit's own
 * `@import-theme`, which names a theme as `@import` does.
 */
function themeLoads(css: string): CssLoad[] {
  return cssLoads(css, ['import', 'import-theme']).filter((l) => fetchesSomething(l.url));
}

async function baseTheme(
  deck: DeckModel,
  line: number | undefined,
): Promise<{ name: string; css: string[] }> {
  if (MARP_THEMES.includes(deck.theme))
    return { name: deck.theme, css: [await offlineMarpTheme(deck.theme)] };
  const path = themeFile(deck);
  const unknown = () =>
    new LecternError(`unknown theme "${deck.theme}"`, {
      exit: 'INVALID_DECK',
      finding: 'theme-invalid',
      file: deck.deckFile,
      line,
      hint: `use corporate (the default), ${MARP_THEMES.join(', ')}, or a path to a Marp theme CSS file in the deck folder such as theme: ./brand.css`,
    });
  if (!path) throw unknown();
  const real = await realpath(path).catch(() => {
    throw unknown();
  });
  if (deck.theme !== 'corporate' && !isInside(await realpath(deck.dir), real)) {
    throw new LecternError(`theme ${deck.theme} lies outside the deck folder`, {
      exit: 'INVALID_DECK',
      finding: 'theme-invalid',
      file: deck.deckFile,
      line,
      hint: 'copy the theme CSS into the deck folder, e.g. theme: ./brand.css',
    });
  }
  // A FIFO or a device would hang the read: only a regular file is a theme.
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) throw unknown();
  const css = await readFile(real, 'utf8').catch(() => {
    throw unknown();
  });
  const outside = themeLoads(css).find((l) => !(l.import && MARP_THEME_NAME.test(cleanUrl(l.url))));
  if (outside) {
    throw new LecternError(
      `theme ${deck.theme} loads ${cleanUrl(outside.url).slice(0, 80)}, which is not in the theme`,
      {
        exit: 'INVALID_DECK',
        finding: 'theme-invalid',
        file: relative(process.cwd(), real) || real,
        line: outside.line,
        hint: 'embed fonts and images in the theme as data: URIs: outputs must open without a network and never read files beside them',
      },
    );
  }
  const name = /\/\*\s*@theme\s+([\w-]+)\s*\*\//.exec(css)?.[1];
  if (!name) {
    throw new LecternError(`theme file ${deck.theme} has no /* @theme <name> */ comment`, {
      exit: 'INVALID_DECK',
      finding: 'theme-invalid',
      file: deck.deckFile,
      line,
      hint: 'a Marp theme CSS starts with a comment naming it, e.g. /* @theme brand */',
    });
  }
  if (name === DECK_THEME) {
    throw new LecternError(
      `theme file ${deck.theme} is named ${DECK_THEME}, the name lectern gives the deck's own theme`,
      {
        exit: 'INVALID_DECK',
        finding: 'theme-invalid',
        file: deck.deckFile,
        line,
        hint: 'rename it in its comment, e.g. /* @theme brand */',
      },
    );
  }
  // lectern's own theme is tested with it; a deck's own is read first by Marp's parser.
  if (deck.theme !== 'corporate') await parseTheme(css, deck);
  // Marp's own themes it imports, without their web fonts, registered before it.
  const imported = themeLoads(css)
    .filter((l) => l.import)
    .map((l) => cleanUrl(l.url))
    .filter((n) => MARP_THEMES.includes(n));
  return { name, css: [...(await Promise.all([...new Set(imported)].map(offlineMarpTheme))), css] };
}

/** Marp's parser, so a syntax error in a custom theme is the deck's error with its line, not lectern's. */
async function parseTheme(css: string, deck: DeckModel): Promise<void> {
  const { Marp } = marpCore();
  try {
    new Marp().themeSet.add(css);
  } catch (err) {
    const at = err as { reason?: string; line?: number; message?: string };
    throw new LecternError(`the theme's CSS is not valid: ${at.reason ?? at.message ?? String(err)}`, {
      exit: 'INVALID_DECK',
      finding: 'theme-invalid',
      file: relative(process.cwd(), resolve(deck.dir, deck.theme)),
      line: at.line,
      hint: 'fix the CSS syntax of the theme file (an unclosed { or a stray }, most often)',
    });
  }
}

/**
 * Marp's built-in theme without its web font import (Gaia's loads Lato from a font CDN): the
 * outputs open without a network, and the embedded font comes first in the stack anyway.
 */
async function offlineMarpTheme(name: string): Promise<string> {
  const { Marp } = marpCore();
  const css = new Marp().themeSet.get(name)?.css ?? '';
  return css.replace(/@import\s+(url\()?\s*["']?(https?:)?\/\/[^;]*;/gi, '');
}

function brandCss(deck: DeckModel): string {
  const vars: string[] = [];
  if (deck.brand.primary) vars.push(`--lectern-primary: ${deck.brand.primary};`);
  if (deck.brand.accent) vars.push(`--lectern-accent: ${deck.brand.accent};`);
  const logo = deck.brand.logo ? deck.assets.get(deck.brand.logo) : undefined;
  if (logo) vars.push(`--lectern-logo: url("data:${logo.mime};base64,${logo.bytes.toString('base64')}");`);
  return vars.length ? `section { ${vars.join(' ')} }` : '';
}
