import { posix } from 'node:path';
import type JSZip from 'jszip';
import { parseXml, type XmlDocument, type XmlElement } from '../../core/xml-tree.js';
import { OOXML, relType, relsOf } from '../../core/ooxml-names.js';
import type { LayoutPlaceholder, PptxTemplate, TemplateLayout, TemplateTheme } from './template-model.js';
import { TITLE_TYPES, hasType } from './template-model.js';
import { templateLogo, type PartWithRels } from './template-logo.js';

// Reads a PowerPoint template (.potx or .pptx) as a zip of XML parts, each part found through the
// package's relationships (never by its usual name) and parsed by the XML parser: what its
// masters and layouts hold, its theme, its size. A file lectern cannot build on is refused
// with the reason, never half-used.

const NS = OOXML;
const REL_NS = OOXML.rels;
const CT_NS = OOXML.contentTypes;
const R_NS = OOXML.r;
const REL = relType;

/** An OLE compound file: how Office stores a password-protected (encrypted) OOXML file. */
const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

export class TemplateRefusal {
  constructor(
    readonly message: string,
    readonly hint: string,
  ) {}
}

type Read = Omit<PptxTemplate, 'file' | 'line'>;

/** The template's summary, or why lectern cannot build on it. */
export async function readTemplate(bytes: Buffer): Promise<Read | TemplateRefusal> {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC))
    return new TemplateRefusal(
      'is password-protected (encrypted), so its parts cannot be read',
      'save a copy without a password (File › Info › Protect Presentation) and name that',
    );
  const { default: JSZipClass } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch {
    return new TemplateRefusal(
      'is not a PowerPoint file (not a zip archive)',
      'save the template from PowerPoint as .potx (PowerPoint Template) or .pptx',
    );
  }
  try {
    return await readParts(zip);
  } catch (err) {
    if (err instanceof TemplateRefusal) return err;
    return new TemplateRefusal(
      `has a part that is not well-formed XML (${(err as Error).message.split('\n')[0]})`,
      'open it in PowerPoint, let it repair the file, and save it again',
    );
  }
}

async function readParts(zip: JSZip): Promise<Read> {
  const xml = async (name: string): Promise<XmlDocument | undefined> => {
    const file = zip.file(name);
    return file ? parseXml(await file.async('string')) : undefined;
  };
  const rels = async (part: string) => {
    const doc = await xml(relsOf(part));
    return (doc ? doc.getElementsByTagNameNS(REL_NS, 'Relationship') : []).map((r) => ({
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: posix.normalize(posix.join(posix.dirname(part), r.getAttribute('Target') ?? '')),
    }));
  };
  const types = await xml('[Content_Types].xml');
  const root = (await rels('')).find((r) => r.type === REL('officeDocument'));
  const presentation = root?.target.replace(/^\//, '');
  const presDoc = presentation ? await xml(presentation) : undefined;
  if (!types || !presentation || !presDoc || presDoc.documentElement.localName !== 'presentation')
    throw new TemplateRefusal(
      'has no presentation part: it is not a PowerPoint presentation or template',
      'a Word or Excel file cannot be a slide template: save the template from PowerPoint as .potx',
    );
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  const presType = overrides.find((o) => o.getAttribute('PartName') === `/${presentation}`);
  const presRels = await rels(presentation);
  if (
    /macroEnabled/i.test(presType?.getAttribute('ContentType') ?? '') ||
    zip.file(/vbaProject\.bin$/i).length
  )
    throw new TemplateRefusal(
      'holds macros (a .potm or .pptm): lectern does not pass macros on',
      'save the template as a PowerPoint Template (.potx), which drops the macros',
    );
  const masters = ids(presDoc, 'sldMasterId').flatMap((id) => {
    const rel = presRels.find((r) => r.id === id && r.type === REL('slideMaster'));
    return rel && zip.file(rel.target) ? [rel.target] : [];
  });
  const layouts: TemplateLayout[] = [];
  let theme: TemplateTheme | undefined;
  // Where a logo may be: the first master, then its title slide's layout.
  const logoParts: PartWithRels[] = [];
  for (const master of masters) {
    const doc = (await xml(master))!;
    const masterRels = await rels(master);
    if (!logoParts.length) logoParts.push({ doc, rels: masterRels });
    const masterBoxes = placeholdersOf(doc);
    const themePart = masterRels.find((r) => r.type === REL('theme'))?.target;
    if (!theme && themePart) theme = readTheme(await xml(themePart));
    for (const id of ids(doc, 'sldLayoutId')) {
      const rel = masterRels.find((r) => r.id === id && r.type === REL('slideLayout'));
      const layout = rel && (await xml(rel.target));
      if (!rel || !layout) continue;
      const name = layout.getElementsByTagNameNS(NS.p, 'cSld')[0]?.getAttribute('name') ?? '';
      const placeholders = placeholdersOf(layout).map((p) =>
        p.box ? p : { ...p, box: masterBoxes.find((m) => sameKind(m.type, p.type))?.box },
      );
      const type = layout.documentElement.getAttribute('type') ?? undefined;
      if (logoParts.length === 1 && placeholders.some((p) => p.type === 'ctrTitle'))
        logoParts.push({ doc: layout, rels: await rels(rel.target) });
      layouts.push({ name, part: rel.target, master, placeholders, ...(type ? { type } : {}) });
    }
  }
  if (!layouts.some((l) => hasType(l, TITLE_TYPES)))
    throw new TemplateRefusal(
      `has no slide layout with a title placeholder (${layouts.length} layout${layouts.length === 1 ? '' : 's'}${layouts.length ? `: ${layouts.map((l) => l.name).join(', ')}` : ''})`,
      'in PowerPoint, View › Slide Master: give a layout a title (Insert Placeholder is beside it) and save',
    );
  const sz = presDoc.getElementsByTagNameNS(NS.p, 'sldSz')[0];
  const size = {
    cx: Number(sz?.getAttribute('cx') ?? 12192000),
    cy: Number(sz?.getAttribute('cy') ?? 6858000),
  };
  const logo = await templateLogo(zip, logoParts, size);
  return {
    bytes: Buffer.alloc(0),
    presentation,
    masters,
    layouts,
    theme: theme ?? { colours: {}, major: {}, minor: {} },
    size,
    ...(logo ? { logo } : {}),
  };
}

/** A part's placeholders, each with its type (`obj` when it names none) and where it lies. */
function placeholdersOf(doc: XmlDocument): LayoutPlaceholder[] {
  return doc.getElementsByTagNameNS(NS.p, 'ph').map((ph): LayoutPlaceholder => {
    const shape = ph.parentNode?.parentNode?.parentNode;
    const xfrm = shape?.getElementsByTagNameNS(NS.a, 'xfrm')[0];
    const off = xfrm?.getElementsByTagNameNS(NS.a, 'off')[0];
    const ext = xfrm?.getElementsByTagNameNS(NS.a, 'ext')[0];
    const n = (el: XmlElement | undefined, a: string) => Number(el?.getAttribute(a) ?? NaN);
    const box = { x: n(off, 'x'), y: n(off, 'y'), w: n(ext, 'cx'), h: n(ext, 'cy') };
    return {
      type: ph.getAttribute('type') ?? 'obj',
      ...(ph.hasAttribute('idx') ? { idx: ph.getAttribute('idx')! } : {}),
      ...(Object.values(box).every(Number.isFinite) ? { box } : {}),
    };
  });
}

/** A master has one title and one body placeholder: a layout's `ctrTitle` takes the title's place, `obj` the body's. */
const sameKind = (master: string, layout: string) =>
  master === layout ||
  (master === 'title' && layout === 'ctrTitle') ||
  (master === 'body' && ['obj', 'subTitle', 'pic', 'tbl', 'chart'].includes(layout));

/** The relationship ids of a list's entries (`p:sldMasterIdLst/p:sldMasterId/@r:id`), in order. */
function ids(doc: XmlDocument, entry: string): string[] {
  return doc.getElementsByTagNameNS(NS.p, entry).flatMap((e) => {
    const id = e.getAttributeNS(R_NS, 'id');
    return id === null ? [] : [id];
  });
}

function readTheme(doc: XmlDocument | undefined): TemplateTheme {
  const theme: TemplateTheme = { colours: {}, major: {}, minor: {} };
  const scheme = doc?.getElementsByTagNameNS(NS.a, 'clrScheme')[0];
  for (const slot of scheme?.childNodes ?? []) {
    if (slot.nodeType !== 1) continue;
    const colour = slot.childNodes.find((n): n is XmlElement => n.nodeType === 1);
    const hex = colour?.getAttribute(colour.localName === 'sysClr' ? 'lastClr' : 'val');
    if (hex && /^[0-9a-f]{6}$/i.test(hex)) theme.colours[slot.localName] = hex.toUpperCase();
  }
  for (const which of ['major', 'minor'] as const) {
    const font = doc?.getElementsByTagNameNS(NS.a, `${which}Font`)[0];
    const face = (local: string) =>
      font?.childNodes
        .find((n): n is XmlElement => n.nodeType === 1 && n.localName === local)
        ?.getAttribute('typeface') || undefined;
    theme[which] = { latin: face('latin'), ea: face('ea') };
  }
  return theme;
}
