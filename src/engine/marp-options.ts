import type { MarpOptions } from '@marp-team/marp-core';

/**
 * One set of engine options for every output, so the bespoke HTML (through marp-cli) and the
 * print documents (through marp-core) render the same slides. Emoji stay text, drawn with the
 * embedded emoji font: Marp's default twemoji would load images from a CDN when the deck is
 * opened. Shortcodes (`:ok_hand:`) become those Unicode emoji, as Marp users write them.
 * HTML keeps Marp's allowlist.
 */
export const MARP_OPTIONS: MarpOptions = {
  emoji: { shortcode: true, unicode: false },
  math: 'mathjax',
};
