import { embeddedFont, FONT_FAMILY } from './embedded-font.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text an SVG shows: its markup, styles, scripts and comments removed, entities decoded. */
export function svgText(svg: string): string {
  return svg
    .replace(/<!--[\s\S]*?-->|<(style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    });
}

/**
 * An SVG shown as a picture cannot use the page's fonts, only system fonts: a Chinese label
 * from draw.io or Visio showed as boxes on a machine without a Chinese font. The SVG gets
 * its own subset of the deck font, for the characters it shows, and its text is drawn with it.
 */
export async function withDeckFont(svg: Buffer): Promise<Buffer> {
  const source = svg.toString('utf8');
  const text = svgText(source).replace(/\s+/g, '');
  const root = /<svg\b[^>]*>/i.exec(source);
  if (text === '' || !root) return svg;
  const font = await embeddedFont(text);
  const style = `<style><![CDATA[\n${font.css}\ntext, tspan, textPath, foreignObject * { font-family: '${FONT_FAMILY}', sans-serif !important; }\n]]></style>`;
  const at = root.index + root[0].length;
  return Buffer.from(source.slice(0, at) + style + source.slice(at), 'utf8');
}
