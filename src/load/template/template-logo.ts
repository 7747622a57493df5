import { extname } from 'node:path';
import type JSZip from 'jszip';
import { OOXML } from '../../core/ooxml-names.js';
import type { XmlDocument, XmlElement } from '../../core/xml-tree.js';
import type { TemplateLogo } from './template-model.js';

// A company template puts its logo on the slide master (or on the title layout) as a picture
// that is not a placeholder. Pictures that cover much of the slide, or run along a whole side
// of it, are background graphics (a band, an edge strip), not a logo: a logo takes at most an
// eighth of the slide, at most half its width and half its height, and is not a thin strip.
const LOGO_MAX_SHARE = 1 / 8;
const LOGO_MAX_SIDE = 1 / 2;
/** A wordmark may be wide (8:1); a strip taller than wide by more than 4:1 is a rule, not a logo. */
const LOGO_ASPECT = { min: 1 / 4, max: 8 };

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export interface PartWithRels {
  doc: XmlDocument;
  rels: { id: string; type: string; target: string }[];
}

/** Whether a picture, by its own transform's size in EMU, could be a logo on a slide of `slide`'s size. */
function logoSized(pic: XmlElement, slide: { cx: number; cy: number }): boolean {
  const ext = pic.getElementsByTagNameNS(OOXML.a, 'ext').find((e) => e.parentNode?.localName === 'xfrm');
  const w = Number(ext?.getAttribute('cx') ?? 0);
  const h = Number(ext?.getAttribute('cy') ?? 0);
  if (!(w > 0 && h > 0)) return false;
  return (
    w * h <= slide.cx * slide.cy * LOGO_MAX_SHARE &&
    w <= slide.cx * LOGO_MAX_SIDE &&
    h <= slide.cy * LOGO_MAX_SIDE &&
    w / h >= LOGO_ASPECT.min &&
    w / h <= LOGO_ASPECT.max
  );
}

/**
 * The template's logo: the first picture of the parts given (the first master, then the title
 * layout) that is no placeholder, is sized as a logo (above) and is a format the HTML can show.
 */
export async function templateLogo(
  zip: JSZip,
  parts: PartWithRels[],
  slide: { cx: number; cy: number },
): Promise<TemplateLogo | undefined> {
  for (const { doc, rels } of parts)
    for (const pic of doc.getElementsByTagNameNS(OOXML.p, 'pic')) {
      if (pic.getElementsByTagNameNS(OOXML.p, 'ph').length) continue;
      if (!logoSized(pic, slide)) continue;
      const blip = pic.getElementsByTagNameNS(OOXML.a, 'blip')[0];
      const id = blip?.getAttributeNS(OOXML.r, 'embed');
      const part = rels.find((r) => r.id === id)?.target;
      const mime = part && MIME[extname(part).toLowerCase()];
      const file = part && zip.file(part);
      if (!mime || !file) continue;
      return { part: part!, mime, bytes: await file.async('nodebuffer') };
    }
  return undefined;
}
