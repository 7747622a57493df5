import { posix } from 'node:path';
import type JSZip from 'jszip';
import { parseXml, type XmlDocument } from '../xml-tree.js';
import { OOXML, relsOf } from '../../../core/ooxml-names.js';

// A template's sample slides leave parts behind when they go: their pictures, charts, embedded
// files, each reachable from nothing once the slides are gone, yet carried in every PPTX built
// on the template (a company's sample photos can be megabytes). A package's parts are the ones
// its relationships reach from the root (`_rels/.rels`); the rest is dropped, with its own
// relationships and its content-type override.

/** Removes every part no relationship reaches from the package root; returns their names. */
export async function pruneUnreached(zip: JSZip, types: XmlDocument): Promise<string[]> {
  const reached = new Set<string>();
  const queue = [''];
  while (queue.length) {
    const part = queue.shift()!;
    const rels = zip.file(relsOf(part));
    if (!rels) continue;
    for (const r of parseXml(await rels.async('string')).getElementsByTagNameNS(OOXML.rels, 'Relationship')) {
      if (r.getAttribute('TargetMode') === 'External') continue;
      const target = r.getAttribute('Target') ?? '';
      const name = target.startsWith('/')
        ? target.slice(1)
        : posix.normalize(posix.join(posix.dirname(part), target));
      if (!reached.has(name)) {
        reached.add(name);
        queue.push(name);
      }
    }
  }
  const isRels = (n: string) => n.endsWith('.rels');
  const gone = Object.keys(zip.files).filter(
    (n) => !zip.files[n]!.dir && n !== '[Content_Types].xml' && !isRels(n) && !reached.has(n),
  );
  for (const n of gone) zip.remove(n).remove(relsOf(n));
  const goneSet = new Set(gone);
  for (const o of types.getElementsByTagNameNS(OOXML.contentTypes, 'Override'))
    if (goneSet.has((o.getAttribute('PartName') ?? '').replace(/^\//, ''))) o.parentNode!.removeChild(o);
  return gone;
}
