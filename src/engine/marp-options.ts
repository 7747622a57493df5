import type { MarpOptions } from '@marp-team/marp-core';

/**
 * One set of engine options for every output, so the bespoke HTML (through marp-cli) and the
 * print documents (through marp-core) render the same slides. Emoji stay text: Marp's default
 * twemoji would load images from a CDN when the deck is opened. HTML keeps Marp's allowlist.
 */
export const MARP_OPTIONS: MarpOptions = {
  emoji: { shortcode: false, unicode: false },
  math: 'mathjax',
};
