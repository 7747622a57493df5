import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Format } from '../formats.js';

/** Beside the outputs: which inputs each output was built from. */
export const CACHE_FILE = '.lectern-cache.json';

type CacheRecord = Record<string, { key: string; bytes: number }>;

/**
 * A content hash of everything an output depends on: every file of the deck folder (sources,
 * assets, a custom theme), the theme files lectern ships, lectern's version and the options.
 */
export async function inputKey(deckDir: string, themeFiles: string[], version: string, format: Format, name: string): Promise<string> {
  const h = createHash('sha256').update(`lectern ${version}\0${format}\0${name}\0`);
  for (const file of [...(await listFiles(deckDir)), ...themeFiles]) {
    h.update(relative(deckDir, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return h.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else if (entry.isFile()) out.push(p);
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

/** An output is current when it was built from the same inputs and is still the file lectern wrote. */
export async function isCurrent(outDir: string, cache: CacheRecord, fileName: string, key: string): Promise<boolean> {
  const entry = cache[fileName];
  if (!entry || entry.key !== key) return false;
  const info = await stat(join(outDir, fileName)).catch(() => null);
  return info !== null && info.isFile() && info.size === entry.bytes;
}
