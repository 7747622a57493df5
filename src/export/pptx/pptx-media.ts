import { createHash } from 'node:crypto';
import { all, type PartDocuments } from './pptx-xml.js';

// pptxgenjs writes a picture's bytes once per slide that shows it: a theme's baked background
// (part-pictures.ts), the same on every slide, or a logo repeated, took its size again and
// again. Each picture is kept once and every slide's relationship points to that one.

const MEDIA = /^ppt\/media\/[^/]+$/;
const RELS = /^ppt\/(slides|slideLayouts|slideMasters)\/_rels\/[^/]+\.rels$/;

/** Keeps one part of each distinct picture, the relationships to its copies pointing at it. */
export async function oneCopyOfEachPicture(parts: PartDocuments): Promise<void> {
  const first = new Map<string, string>();
  const copyOf = new Map<string, string>();
  for (const name of Object.keys(parts.zip.files).filter((n) => MEDIA.test(n))) {
    const bytes = await parts.zip.file(name)!.async('nodebuffer');
    const hash = `${name.slice(name.lastIndexOf('.'))}:${createHash('sha256').update(bytes).digest('hex')}`;
    const kept = first.get(hash);
    if (kept) copyOf.set(name.slice('ppt/media/'.length), kept.slice('ppt/media/'.length));
    else first.set(hash, name);
  }
  if (!copyOf.size) return;
  await parts.edit(
    (n) => RELS.test(n),
    (doc) => {
      for (const rel of all(doc, 'rels', 'Relationship')) {
        const target = rel.getAttribute('Target') ?? '';
        const kept = target.startsWith('../media/') && copyOf.get(target.slice('../media/'.length));
        if (kept) rel.setAttribute('Target', `../media/${kept}`);
      }
    },
  );
  for (const copy of copyOf.keys()) parts.zip.remove(`ppt/media/${copy}`);
}
