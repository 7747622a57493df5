import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Format } from '../formats.js';

const require = createRequire(import.meta.url);
/** The renderers and the font shape every output too. */
const ENGINE_VERSIONS = ['@marp-team/marp-core', '@marp-team/marp-cli', '@fontsource/noto-sans-sc', 'pptxgenjs', 'qrcode'].map(packageVersion).join(' ');

/** `name@version` of an installed package, found from its entry point (some do not export package.json). */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return `${name}@${pkg.version}`;
    } catch {
      // no package.json at this level
    }
    dir = dirname(dir);
  }
  return `${name}@unknown`;
}

/** Beside the outputs: which inputs each output was built from. */
export const CACHE_FILE = '.lectern-cache.json';

type CacheRecord = Record<string, { key: string; bytes: number }>;

/**
 * A content hash of everything the outputs depend on: every file of the deck folder (sources,
 * assets, a custom theme), the theme files lectern ships, lectern's version and the output name.
 * Read once per build; each output's key adds its format.
 */
export async function inputDigest(deckDir: string, themeFiles: string[], version: string, name: string): Promise<string> {
  const h = createHash('sha256').update(`lectern ${version}\0${ENGINE_VERSIONS}\0${name}\0`);
  for (const file of [...(await listFiles(deckDir)), ...themeFiles]) {
    h.update(relative(deckDir, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return h.digest('hex');
}

/** The key of one output: the inputs' digest and the output's format. */
export function outputKey(digest: string, format: Format | 'pptx+png'): string {
  return createHash('sha256').update(`${digest}\0${format}`).digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    // stat follows links: a linked asset's content counts like any other file's.
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listFiles(p)));
    else if (info?.isFile()) out.push(p);
  }
  return out;
}

export async function readCache(outDir: string): Promise<CacheRecord> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, CACHE_FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as CacheRecord) : {};
  } catch {
    return {};
  }
}

/** An output is current when it was built from the same inputs and is still what lectern wrote (same size; a folder's files added up). */
export async function isCurrent(outDir: string, cache: CacheRecord, fileName: string, key: string): Promise<boolean> {
  const entry = cache[fileName];
  if (!entry || entry.key !== key) return false;
  return (await pathBytes(join(outDir, fileName)).catch(() => -1)) === entry.bytes;
}

/** The size of a file, or of every file in a folder (the slide pictures) added up. */
export async function pathBytes(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let sum = 0;
  for (const file of await listFiles(path)) sum += (await stat(file)).size;
  return sum;
}
