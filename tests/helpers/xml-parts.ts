import { closeSync, lstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

/**
 * Every XML part of a PPTX (slides, notes, layouts, relationships, docProps), parsed by a strict
 * XML parser: any warning or error of the parser fails, naming the part. Returns the parts, each
 * as its parsed document, for checks on what they say.
 */
export async function strictXmlParts(file: string): Promise<Map<string, Document>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, Document>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const text = await zip.file(name)!.async('string');
    const parser = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${file}: ${name} is not well-formed XML (${level}): ${message}`);
      },
    });
    parts.set(name, parser.parseFromString(text, 'application/xml') as unknown as Document);
  }
  return parts;
}

/** Every .pptx below a folder (links are not followed). */
export function pptxFilesUnder(dir: string): string[] {
  // A zip only: some tests stage placeholder text under output names (deck-folder.test.ts);
  // a PPTX lectern wrote that is no zip fails the tests that open it.
  return filesUnder(dir, '.pptx', 'PK');
}

/** Every file below a folder whose name ends with `ending` and whose bytes start with `magic` (links are not followed). */
export function filesUnder(dir: string, ending: string, magic: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const info = lstatSync(p, { throwIfNoEntry: false });
      if (info?.isDirectory()) walk(p);
      else if (info?.isFile() && name.endsWith(ending) && startsWith(p, magic)) found.push(p);
    }
  };
  try {
    walk(dir);
  } catch {
    // a folder a test made unreadable on purpose
  }
  return found;
}

function startsWith(file: string, magic: string): boolean {
  const head = Buffer.alloc(magic.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, magic.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === magic;
}
