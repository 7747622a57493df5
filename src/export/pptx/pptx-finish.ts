import type { XmlDocument as Document, XmlElement as Element } from './xml-tree.js';
import { CODE_FONT } from './pptx-blocks.js';
import { FONT, W, type Colours } from './pptx-layouts.js';
import { layoutTitle, SLIDE_PART, slideNumber, titlePlaceholder, type TitleType } from './pptx-titles.js';
import { accessibleShapes, ensureTitle } from './pptx-decorative.js';
import { titleFirst } from './pptx-reading-order.js';
import { finishText, inSchemaOrder } from './pptx-text-xml.js';
import { all, kids, make, PartDocuments } from './pptx-xml.js';
import { zipBytes } from '../output/zip-bytes.js';
import { oneCopyOfEachPicture } from './pptx-media.js';
import { slideBackgroundPicture } from './pptx-background.js';
import { gradientBackground } from './slide-gradient.js';
import type { LinearGradient } from './css-gradient.js';
import type JSZip from 'jszip';
import type { ShownFaces } from './shown-face.js';

// The last touches on the XML pptxgenjs writes: what its options cannot say, made on the parts
// parsed as XML documents.

/** A Chinese font every Windows viewer has; macOS maps it to PingFang SC. */
const FALLBACK_FONT = 'Microsoft YaHei';

const LAYOUT = /^ppt\/slideLayouts\/slideLayout\d+\.xml$/;

/**
 * The theme's East Asian fonts name Microsoft YaHei after Noto Sans SC, so PowerPoint
 * substitutes a Chinese sans where the deck's font is missing; every run gets the deck's
 * language and its three faces; and the parts are put in the order the schema wants. Each PNG
 * picture named in `svgParts` (by its data: URI) gets that SVG beside it (pptx-diagrams.ts).
 */
export async function finishPptx(
  zip: JSZip,
  c: Colours,
  lang: string,
  /** Each slide's title placeholder type and its title (for a slide without a heading), the layouts' names. */
  titles: { types: TitleType[]; texts: string[]; layoutNames: Record<string, string> },
  svgParts: ReadonlyMap<string, string> = new Map(),
  /** The installed faces another theme's text and code are drawn in (shown-face.ts), for their Latin letters. */
  faces?: ShownFaces,
  /** Each slide's gradient background, where its theme paints one (slide-gradient.ts). */
  gradients: (LinearGradient | undefined)[] = [],
): Promise<Buffer> {
  const parts = await PartDocuments.open(zip);
  await inSchemaOrder(parts);
  await parts.edit(
    (n) => n === 'ppt/theme/theme1.xml',
    (doc) => {
      for (const ea of all(doc, 'a', 'ea'))
        if (!ea.getAttribute('typeface')) ea.setAttribute('typeface', FALLBACK_FONT);
      for (const f of all(doc, 'a', 'font'))
        if (f.getAttribute('script') === 'Hans') f.setAttribute('typeface', FALLBACK_FONT);
    },
  );
  await parts.edit(
    (n) => LAYOUT.test(n),
    (doc) => {
      layoutTitle(doc, titles.layoutNames, { x: 0.8, y: 0.6, w: W - 2.4, h: 0.85 }, lang);
    },
  );
  await parts.edit(
    (n) => SLIDE_PART.test(n),
    (doc, name) => {
      slideBackgroundPicture(doc);
      const gradient = gradients[slideNumber(name) - 1];
      if (gradient) gradientBackground(doc, gradient);
      titlePlaceholder(doc, titles.types[slideNumber(name) - 1] ?? 'title');
      ensureTitle(doc, titles.texts[slideNumber(name) - 1] ?? '', lang);
      titleFirst(doc);
      accessibleShapes(doc);
      for (const p of all(doc, 'a', 'p')) onePprPerParagraph(p);
      // Chinese punctuation stays inside the frame, as the browser keeps it: with hanging
      // punctuation (on by default) a line ending 抵触， takes the comma past the width the
      // slides document wraps at, and the line breaks one character later than the PDF's.
      for (const ppr of all(doc, 'a', 'pPr'))
        if (!ppr.hasAttribute('hangingPunct')) ppr.setAttribute('hangingPunct', '0');
      accentBullets(doc, c.accent);
    },
  );
  await finishText(parts, lang, FONT, CODE_FONT);
  if (faces?.text || faces?.code) await withLatinFaces(parts, faces);
  if (svgParts.size > 0) await (await import('./pptx-diagrams.js')).addSvgParts(parts, svgParts);
  await oneCopyOfEachPicture(parts);
  parts.save();
  return zipBytes(zip);
}

/**
 * Latin and complex-script letters in the faces the browser drew them in, where the runs name
 * the deck's font or the code font: a theme that names no font is drawn in the system's sans
 * (DejaVu Sans on Debian, Arial on Windows), wider than Noto Sans SC, and its code in the
 * system's monospace. Chinese keeps the deck's font (`a:ea`).
 */
async function withLatinFaces(parts: PartDocuments, faces: ShownFaces): Promise<void> {
  const shown = new Map([
    [FONT, faces.text],
    [CODE_FONT, faces.code],
  ]);
  await parts.edit(
    (n) => SLIDE_PART.test(n),
    (doc) => {
      for (const el of [...all(doc, 'a', 'latin'), ...all(doc, 'a', 'cs')]) {
        const face = shown.get(el.getAttribute('typeface') ?? '');
        if (face) el.setAttribute('typeface', face);
      }
    },
  );
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph; only one, first, is
 * valid DrawingML, and LibreOffice drops the bullet or number when more follow.
 */
function onePprPerParagraph(p: Element): void {
  const [first, ...rest] = kids(p, 'a', 'pPr');
  for (const extra of rest) p.removeChild(extra);
  if (first && p.firstChild !== first) p.insertBefore(first, p.firstChild);
}

/** Bullets and list numbers in the accent colour, as the theme's `li::marker` (pptxgenjs has no option for it). */
function accentBullets(doc: Document, accent: string): void {
  for (const size of all(doc, 'a', 'buSzPct')) {
    if (size.getAttribute('val') !== '100000' || kids(size.parentNode as Element, 'a', 'buClr').length)
      continue;
    const colour = make(doc, 'a', 'buClr');
    colour.appendChild(make(doc, 'a', 'srgbClr', { val: accent }));
    size.parentNode!.insertBefore(colour, size);
  }
}
