import type { DeckModel } from '../validate/deck-model.js';
import type { Labels } from '../core/labels.js';
import { qrSvg } from './qr-code.js';

/** The QR codes a deck asks for (deck.md `feedback:`, `materials:`), with their captions. */
export function closingCodes(deck: DeckModel, t: Labels): { url: string; caption: string }[] {
  return [
    ...(deck.feedback ? [{ url: deck.feedback, caption: t.scanFeedback }] : []),
    ...(deck.materials ? [{ url: deck.materials, caption: t.scanMaterials }] : []),
  ];
}

/**
 * The codes sit in the closing slide's lower right corner on white cards, above their captions.
 * Each is a vector SVG drawn as the card's CSS background: markdown-it lets no SVG data: URI
 * through an image link, and Marp's allowlist no inline <svg>. Scoped to this one slide: the
 * theme stays as it is.
 */
export function qrStyle(urls: string[]): string {
  const codes = urls.map(
    (url, i) =>
      `li:nth-child(${i + 1})::before { background-image: url("data:image/svg+xml;base64,${Buffer.from(qrSvg(url)).toString('base64')}"); }`,
  );
  return [
    '<style scoped>',
    'ul { position: absolute; right: 56px; bottom: 44px; display: flex; gap: 24px; margin: 0; padding: 0; list-style: none; }',
    'li { display: flex; flex-direction: column; align-items: center; gap: 6px; margin: 0; padding: 12px 12px 8px; background: #fff; border-radius: 10px; color: #1f2933; font-size: 18px; line-height: 1.2; opacity: 1; }',
    "li::before { content: ''; display: block; position: static; width: 168px; height: 168px; margin: 0; border-radius: 0; background: #fff center / contain no-repeat; }",
    ...codes,
    '</style>',
  ].join(' ');
}
