import { CODE_FONT } from './pptx-blocks.js';
import { FONT, type Colours } from './pptx-layouts.js';

// The last touches on the XML pptxgenjs writes: what its options cannot say.

/** A Chinese font every Windows viewer has; macOS maps it to PingFang SC. */
const FALLBACK_FONT = 'Microsoft YaHei';

/**
 * Runs name Noto Sans SC (the theme's font) with a GB2312 charset, so PowerPoint substitutes
 * a Chinese sans where it is missing; the theme's East Asian fonts name Microsoft YaHei too.
 */
export async function finishPptx(pptx: Buffer, c: Colours): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const theme = zip.file('ppt/theme/theme1.xml');
  if (!theme) return pptx;
  const xml = (await theme.async('string'))
    .replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${FALLBACK_FONT}"/>`)
    .replace(
      /<a:font script="Hans" typeface="[^"]*"\/>/g,
      `<a:font script="Hans" typeface="${FALLBACK_FONT}"/>`,
    );
  zip.file('ppt/theme/theme1.xml', xml);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))) {
    const layout = await zip.file(name)!.async('string');
    if (/<p:cSld name="LECTERN_(COVER|DIVIDER)">/.test(layout))
      zip.file(name, withGradient(layout, c.primary));
  }
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    let slide = await zip.file(name)!.async('string');
    // Code runs name the monospace face for Latin; their Chinese falls back to the deck's font.
    slide = slide.replace(
      new RegExp(`<a:ea typeface="${CODE_FONT}"[^>]*/>`, 'g'),
      `<a:ea typeface="${FONT}" pitchFamily="34" charset="-122"/>`,
    );
    slide = withNumberPill(
      accentBullets(noHangingPunctuation(onePprPerParagraph(slide)), c.accent),
      c.primary,
    );
    zip.file(name, slide);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph; only the first is
 * valid DrawingML, and LibreOffice drops the bullet or number when more follow.
 */
function onePprPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_m, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (ppr) =>
      seen ? '' : ((seen = true), ppr),
    );
    return `<a:p>${kept}</a:p>`;
  });
}

/**
 * The cover and divider backgrounds as the theme paints them: the brand colour, darkening
 * to 72 % of itself toward the lower right (CSS `linear-gradient(135deg, …)`).
 */
function withGradient(layout: string, primary: string): string {
  const dark = [0, 2, 4]
    .map((i) =>
      Math.round(parseInt(primary.slice(i, i + 2), 16) * 0.72)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
  const fill =
    `<a:gradFill rotWithShape="1"><a:gsLst><a:gs pos="0"><a:srgbClr val="${primary}"/></a:gs>` +
    `<a:gs pos="100000"><a:srgbClr val="${dark}"/></a:gs></a:gsLst><a:lin ang="2700000" scaled="1"/></a:gradFill>`;
  return layout.replace(
    /<p:bg><p:bgPr>[\s\S]*?<\/p:bgPr><\/p:bg>/,
    `<p:bg><p:bgPr>${fill}<a:effectLst/></p:bgPr></p:bg>`,
  );
}

/** The slide number on the theme's pill: a rounded frame in the brand colour (pptxgenjs draws a bare box). */
function withNumberPill(slide: string, primary: string): string {
  return slide.replace(
    /(name="Slide Number Placeholder 0"[\s\S]*?)<a:prstGeom prst="rect"><a:avLst\/><\/a:prstGeom>/,
    `$1<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val 41000"/></a:avLst></a:prstGeom>` +
      `<a:solidFill><a:srgbClr val="${primary}"/></a:solidFill>`,
  );
}

/** Bullets and list numbers in the accent colour, as the theme's `li::marker` (pptxgenjs has no option for it). */
function accentBullets(slide: string, accent: string): string {
  return slide.replaceAll(
    '<a:buSzPct val="100000"/>',
    `<a:buClr><a:srgbClr val="${accent}"/></a:buClr><a:buSzPct val="100000"/>`,
  );
}

/**
 * Chinese punctuation stays inside the frame, as the browser keeps it: with hanging punctuation
 * (on by default) a line ending 抵触， takes the comma and its character past the width the
 * slides document wraps at, and the line breaks one character later than the PDF's.
 */
function noHangingPunctuation(slide: string): string {
  return slide.replace(/<a:pPr\b(?![^>]*hangingPunct)/g, '<a:pPr hangingPunct="0"');
}
