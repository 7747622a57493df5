import { parseMarkdown } from './markdown-tokens.js';

/** A word between colons, the only spelling a shortcode can have: a text without one needs no parse. */
const MAYBE_SHORTCODE = /:[\w+-]+:/;

/**
 * The emoji Marp draws for the shortcodes in `markdown` (`:ok_hand:` is 👌), read from the
 * engine's own tokens, so the font subset is cut for what the slides show, not what they spell.
 * A deck without a `:word:` is not parsed at all.
 */
export function shortcodeEmoji(markdown: string): string {
  if (!MAYBE_SHORTCODE.test(markdown)) return '';
  const found = new Set<string>();
  for (const t of parseMarkdown(markdown))
    for (const c of t.children ?? []) if (c.type === 'marp_emoji') found.add(c.content);
  return [...found].join('');
}
