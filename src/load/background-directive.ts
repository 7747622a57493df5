import valueParser from 'postcss-value-parser';

/** The directives that give a slide a CSS background image (`backgroundImage: url(…)`). */
export const BACKGROUND_DIRECTIVES = ['backgroundImage', '_backgroundImage'];

/**
 * The files a `backgroundImage` directive's CSS value loads: each `url()` argument, read by a
 * CSS value parser (quoted or not, several layers, inside `image-set()` or a gradient list).
 */
export function backgroundImageUrls(value: string): string[] {
  const urls: string[] = [];
  valueParser(value).walk((node) => {
    if (node.type !== 'function' || node.value.toLowerCase() !== 'url') return;
    const arg = node.nodes[0];
    // An unquoted url() is one word to the parser; a quoted one a string node.
    if (arg && (arg.type === 'word' || arg.type === 'string') && arg.value.trim() !== '')
      urls.push(arg.value.trim());
    return false;
  });
  return urls;
}
