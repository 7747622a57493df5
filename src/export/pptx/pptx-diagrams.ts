import type { ComposedDeck } from '../../compose/compose-deck.js';
import { diagramKey, isDiagramFence, type DiagramSvgs } from '../../engine/diagram-fence.js';
import { parseMarkdown } from '../../engine/markdown-tokens.js';
import type { BrowserSession } from '../browser/browser.js';
import { inWindow, PICTURES_ONLY } from '../browser/window-pool.js';
import { drawDiagramPngs } from '../browser/diagram-pngs.js';
import { imageSize } from './image-size.js';
import { all, kids, make, type PartDocuments } from './pptx-xml.js';
import { OOXML, relType } from '../../core/ooxml-names.js';
import type { XmlElement } from './xml-tree.js';

// Diagrams in the editable PPTX: a ```mermaid fence becomes a picture where the slide shows it
// (a PNG at 2× its size and more, which every viewer shows) with its SVG beside it, which
// PowerPoint 2019 and later draw instead (the svgBlip extension of the picture's blip).

const SVG_BLIP_EXT = '{96DAC541-7B7A-43D3-8B79-37D633B846F1}';
const ASVG = 'http://schemas.microsoft.com/office/drawing/2016/SVG/main';
const R = OOXML.r;
const REL = OOXML.rels;
const IMAGE_REL = relType('image');

export interface DiagramPictures {
  /** The deck with each drawn fence of a content slide's body as a picture of its SVG. */
  composed: ComposedDeck;
  /** The SVG data: URIs of those pictures. */
  svgs: Set<string>;
}

/**
 * Each drawn diagram fence as a picture paragraph of its SVG. The SVG names the deck's font and
 * then the Chinese faces PowerPoint has (mermaid-page.ts): the faces themselves would make each
 * SVG some 300 KB, which markdown-it, pptxgenjs and the zip all paid for (seconds a build).
 */
export function withDiagramPictures(composed: ComposedDeck, diagrams: DiagramSvgs): DiagramPictures {
  const svgs = new Set<string>();
  const slides = composed.slides.map((info) => {
    if (info.kind !== 'content' || !info.body) return info;
    const lines = info.body.split('\n');
    const fences = parseMarkdown(info.body).filter((t) => isDiagramFence(t) && t.map);
    if (!fences.some((t) => diagrams[diagramKey(t.content)] !== undefined)) return info;
    // From the last, so the earlier fences' lines stay where they are.
    for (const t of fences.reverse()) {
      const svg = diagrams[diagramKey(t.content)];
      if (svg === undefined) continue;
      const [from, to] = t.map!;
      const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      svgs.add(uri);
      const indent = /^\s*/.exec(lines[from] ?? '')?.[0] ?? '';
      lines.splice(from, to - from, `${indent}![](${uri})`);
    }
    return { ...info, body: lines.join('\n') };
  });
  return { composed: { ...composed, slides }, svgs };
}

/**
 * The diagrams' PNGs at twice their own size (a slide shows a diagram at most at that size, so
 * the picture is sharp at 2×), drawn with the deck's font faces (diagram-pngs.ts). Those drawn
 * already, in mermaid's window as the build drew the diagrams (`drawn`, by their SVG), are not
 * drawn again.
 */
export async function diagramPngs(
  session: BrowserSession,
  svgs: string[],
  fontCss: string,
  drawn: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, string>> {
  const texts = svgs.map((src) => Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8'));
  const pngs = texts.map((text) => drawn.get(text));
  const todo = [...pngs.keys()].filter((i) => pngs[i] === undefined);
  if (todo.length > 0) {
    const sizes = todo.map((i) => imageSize(svgs[i]!) ?? { width: 800, height: 600 });
    const html = '<!DOCTYPE html><html><body></body></html>';
    const more = await inWindow(session, html, PICTURES_ONLY, (page) =>
      drawDiagramPngs(
        page,
        todo.map((i) => texts[i]!),
        sizes,
        fontCss,
      ),
    );
    todo.forEach((i, k) => (pngs[i] = more[k]));
  }
  return new Map(svgs.map((src, i) => [src, pngs[i]!]));
}

/**
 * Adds each diagram's SVG beside its PNG picture, as the PPTX is finished (pptx-finish.ts):
 * the PNG's media file (found by its bytes) gets an SVG part, a relationship to it from every
 * slide that shows the PNG, and the blip that shows the PNG an `asvg:svgBlip` naming it. In
 * the finishing pass, whose zip and parsed slides it shares: a pass of its own read, parsed
 * and wrote the whole PPTX again, 0.2-0.45 s of Node's at the end of the longest output.
 */
export async function addSvgParts(
  parts: PartDocuments,
  svgOfPng: ReadonlyMap<string, string>,
): Promise<void> {
  if (svgOfPng.size === 0) return;
  const zip = parts.zip;
  const byBytes = new Map([...svgOfPng].map(([png, svg]) => [png.slice(png.indexOf(',') + 1), svg]));
  const svgOfMedia = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/media\/[^/]+\.png$/.test(n))) {
    const svg = byBytes.get(await zip.file(name)!.async('base64'));
    if (svg !== undefined) svgOfMedia.set(name.slice('ppt/'.length), svg);
  }
  if (svgOfMedia.size === 0) return;
  // Each slide's relationships to its PNGs' SVGs, by the relationship to the PNG.
  const svgRels = new Map<string, Map<string, string>>();
  await parts.edit(
    (n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n),
    (rels, relsName) => {
      const svgRel = new Map<string, string>();
      for (const rel of rels.getElementsByTagNameNS(REL, 'Relationship')) {
        const media = (rel.getAttribute('Target') ?? '').replace(/^\.\.\//, '');
        const svg = svgOfMedia.get(media);
        if (svg === undefined) continue;
        const id = `rIdSvg${svgRel.size + 1}`;
        const target = media.replace(/\.png$/, '.svg');
        zip.file(`ppt/${target}`, svg);
        const added = rels.createElementNS(REL, 'Relationship');
        added.setAttribute('Id', id);
        added.setAttribute('Type', IMAGE_REL);
        added.setAttribute('Target', `../${target}`);
        rels.documentElement.appendChild(added);
        svgRel.set(rel.getAttribute('Id')!, id);
      }
      if (svgRel.size > 0) svgRels.set(relsName.replace('_rels/', '').replace(/\.rels$/, ''), svgRel);
    },
  );
  await parts.edit(
    (n) => svgRels.has(n),
    (slide, name) => {
      for (const blip of all(slide, 'a', 'blip')) {
        const svgId = svgRels.get(name)!.get(blip.getAttributeNS(R, 'embed') ?? '');
        if (svgId) addSvgBlip(blip, svgId);
      }
    },
  );
}

function addSvgBlip(blip: XmlElement, svgId: string): void {
  const doc = blip.ownerDocument;
  let extLst = kids(blip, 'a', 'extLst')[0];
  if (!extLst) {
    extLst = make(doc, 'a', 'extLst');
    blip.appendChild(extLst);
  }
  const ext = make(doc, 'a', 'ext', { uri: SVG_BLIP_EXT });
  // The element declares its prefix itself (xml-tree.ts); r:embed's prefix is the slide's own.
  const svgBlip = doc.createElementNS(ASVG, 'asvg:svgBlip');
  if (blip.lookupNamespaceURI('r') !== R) svgBlip.setAttribute('xmlns:r', R);
  svgBlip.setAttribute('r:embed', svgId);
  ext.appendChild(svgBlip);
  extLst.appendChild(ext);
}
