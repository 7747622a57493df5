import { posix } from 'node:path';
import type JSZip from 'jszip';
import { parseXml, serializeXml, type XmlDocument, type XmlElement } from '../xml-tree.js';
import { NS, insertInOrder } from '../pptx-xml.js';
import { OOXML, relType, relsOf } from '../../../core/ooxml-names.js';
import { PRESENTATION } from '../pptx-text-xml.js';
import type { PptxTemplate } from '../../../load/template/template-model.js';
import { pruneUnreached } from './prune-package.js';

// The package side of building on a template: the template's zip is the base (its masters,
// layouts, themes, pictures and notes master stay as they are), its sample slides go, and the
// slides, notes and pictures lectern wrote move in, each part registered in the presentation,
// its relationships and the content types. Every part is read and written as XML.

export const REL_NS = OOXML.rels;
const CT_NS = OOXML.contentTypes;
const R_NS = OOXML.r;
export const REL = relType;
const CT = (t: string) => `application/vnd.openxmlformats-officedocument.${t}+xml`;
const MEDIA: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

export async function xmlOf(zip: JSZip, name: string): Promise<XmlDocument> {
  return parseXml(await zip.file(name)!.async('string'));
}
export const save = (zip: JSZip, name: string, doc: XmlDocument) => zip.file(name, serializeXml(doc));

/**
 * The template's zip with lectern's slides in place of its own: `slides` are the part names of
 * `ours` in order. Returns the zip; the slides' layouts are set by the caller (graft-slides.ts).
 */
export async function mergePackage(template: PptxTemplate, ours: JSZip, slides: string[]): Promise<JSZip> {
  const { default: JSZipClass } = await import('jszip');
  const zip = await JSZipClass.loadAsync(template.bytes);
  const pres = template.presentation;
  const presRels = await xmlOf(zip, relsOf(pres));
  const presDoc = await xmlOf(zip, pres);
  const types = await xmlOf(zip, '[Content_Types].xml');
  const rels = presRels.getElementsByTagNameNS(REL_NS, 'Relationship');
  const resolve = (r: XmlElement) =>
    posix.normalize(posix.join(posix.dirname(pres), r.getAttribute('Target') ?? ''));
  // The template's sample slides and their notes go, with every mention of them.
  const dropped = new Set<string>();
  for (const r of rels.filter((r) => r.getAttribute('Type') === REL('slide'))) {
    const part = resolve(r);
    dropped.add(part);
    if (zip.file(relsOf(part))) {
      const slideRels = await xmlOf(zip, relsOf(part));
      for (const n of slideRels.getElementsByTagNameNS(REL_NS, 'Relationship'))
        if (n.getAttribute('Type') === REL('notesSlide'))
          dropped.add(posix.normalize(posix.join(posix.dirname(part), n.getAttribute('Target') ?? '')));
    }
    r.parentNode!.removeChild(r);
  }
  for (const part of dropped) zip.remove(part).remove(relsOf(part));
  const overrides = types.getElementsByTagNameNS(CT_NS, 'Override');
  for (const o of overrides)
    if (dropped.has((o.getAttribute('PartName') ?? '').replace(/^\//, ''))) o.parentNode!.removeChild(o);
  const list = presDoc.getElementsByTagNameNS(NS.p, 'sldIdLst')[0];
  if (list) list.parentNode!.removeChild(list);
  // A template is a presentation once it holds slides: its main part's type says which.
  const main = overrides.find((o) => o.getAttribute('PartName') === `/${pres}`);
  main?.setAttribute('ContentType', CT('presentationml.presentation.main'));

  const rid = nextId(rels.map((r) => r.getAttribute('Id') ?? ''));
  const relsRoot = presRels.documentElement;
  const addRel = (type: string, target: string) => {
    const id = rid();
    const el = presRels.createElementNS(REL_NS, 'Relationship');
    el.setAttribute('Id', id);
    el.setAttribute('Type', REL(type));
    el.setAttribute('Target', posix.relative(posix.dirname(pres), target));
    relsRoot.appendChild(el);
    return id;
  };
  const override = (part: string, type: string) => {
    const el = types.createElementNS(CT_NS, 'Override');
    el.setAttribute('PartName', `/${part}`);
    el.setAttribute('ContentType', type);
    types.documentElement.appendChild(el);
  };
  const copy = async (from: string, to = from) => {
    if (zip.file(to)) throw new Error(`the template already has a part ${to}`);
    zip.file(to, await ours.file(from)!.async('uint8array'));
  };
  // Lectern's notes master, unless the template brings its own; its theme moves in under a name of its own.
  const notesMaster = await keepNotesMaster(zip, presDoc, presRels, pres);
  if (!notesMaster) {
    const master = 'ppt/notesMasters/notesMaster1.xml';
    const theme = nextFree(zip, 'ppt/theme/theme', '.xml');
    await copy(master, master);
    zip.file(
      relsOf(master),
      (await ours.file(relsOf(master))!.async('string')).replace(
        '../theme/theme1.xml',
        `../theme/${posix.basename(theme)}`,
      ),
    );
    await copy('ppt/theme/theme1.xml', theme);
    override(master, CT('presentationml.notesMaster'));
    override(theme, CT('theme'));
    const lst = presDoc.createElementNS(NS.p, 'p:notesMasterIdLst');
    const entry = presDoc.createElementNS(NS.p, 'p:notesMasterId');
    entry.setAttribute('r:id', addRel('notesMaster', master));
    lst.appendChild(entry);
    insertInOrder(presDoc.documentElement, lst, PRESENTATION);
  }
  const ids = presDoc.createElementNS(NS.p, 'p:sldIdLst');
  slides.forEach((slide, i) => {
    const entry = presDoc.createElementNS(NS.p, 'p:sldId');
    entry.setAttribute('id', String(256 + i));
    entry.setAttribute('r:id', addRel('slide', slide));
    ids.appendChild(entry);
    override(slide, CT('presentationml.slide'));
  });
  insertInOrder(presDoc.documentElement, ids, PRESENTATION);
  for (const name of Object.keys(ours.files).filter((n) => !ours.files[n]!.dir)) {
    if (/^ppt\/(slides|notesSlides)\//.test(name)) await copy(name);
    else if (name.startsWith('ppt/media/')) await copy(name);
    if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(name)) override(name, CT('presentationml.notesSlide'));
  }
  const defaults = new Set(
    types.getElementsByTagNameNS(CT_NS, 'Default').map((d) => d.getAttribute('Extension')?.toLowerCase()),
  );
  for (const name of Object.keys(ours.files).filter((n) => n.startsWith('ppt/media/'))) {
    const ext = posix.extname(name).slice(1).toLowerCase();
    if (defaults.has(ext) || !MEDIA[ext]) continue;
    const el = types.createElementNS(CT_NS, 'Default');
    el.setAttribute('Extension', ext);
    el.setAttribute('ContentType', MEDIA[ext]);
    types.documentElement.insertBefore(el, types.documentElement.firstChild);
    defaults.add(ext);
  }
  if (!presDoc.documentElement.lookupNamespaceURI('r')) presDoc.documentElement.setAttribute('xmlns:r', R_NS);
  save(zip, pres, presDoc);
  save(zip, relsOf(pres), presRels);
  // What only the sample slides used (their pictures, charts) goes with them, and so do the
  // pictures of lectern's own masters, which the template's replace.
  await pruneUnreached(zip, types);
  save(zip, '[Content_Types].xml', types);
  return zip;
}

/** Whether the template has a notes master of its own (kept, and lectern's notes use it). */
async function keepNotesMaster(
  zip: JSZip,
  presDoc: XmlDocument,
  presRels: XmlDocument,
  pres: string,
): Promise<string | undefined> {
  if (!presDoc.getElementsByTagNameNS(NS.p, 'notesMasterId').length) return undefined;
  const rel = presRels
    .getElementsByTagNameNS(REL_NS, 'Relationship')
    .find((r) => r.getAttribute('Type') === REL('notesMaster'));
  const part = rel && posix.normalize(posix.join(posix.dirname(pres), rel.getAttribute('Target') ?? ''));
  return part && zip.file(part) ? part : undefined;
}

function nextId(taken: string[]): () => string {
  let n = Math.max(0, ...taken.map((id) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0)));
  return () => `rId${++n}`;
}

function nextFree(zip: JSZip, stem: string, ext: string): string {
  let n = 1;
  while (zip.file(`${stem}${n}${ext}`)) n++;
  return `${stem}${n}${ext}`;
}
