import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isInside } from '../../core/path-within.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem } from '../../core/problem.js';

const require = createRequire(import.meta.url);
/** The renderers and the font shape every output too. */
export const ENGINE_VERSIONS = [
  '@marp-team/marp-core',
  '@marp-team/marp-cli',
  '@fontsource/noto-sans-sc',
  'pptxgenjs',
  'qrcode',
  'sharp',
  'mermaid',
]
  .map(packageVersion)
  .join(' ');

/** `name@version` of an installed package, found from its entry point (some do not export package.json). */
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  while (dir !== dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
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
export async function inputDigest(
  deckDir: string,
  themeFiles: string[],
  version: string,
  name: string,
): Promise<string> {
  const h = createHash('sha256').update(`lectern ${version}\0${ENGINE_VERSIONS}\0${name}\0`);
  for (const file of [...(await listFiles(deckDir)), ...themeFiles]) {
    // A link that is not hashed by content is named by its target (path\0target).
    const content = file.includes('\0') ? Buffer.alloc(0) : await readFile(file);
    h.update(relative(deckDir, file)).update('\0').update(content).update('\0');
  }
  return h.digest('hex');
}

/** The key of one output: the inputs' digest and the output's format as named in the cache (see formats.ts). */
export function outputKey(digest: string, format: string): string {
  return createHash('sha256').update(`${digest}\0${format}`).digest('hex');
}

/**
 * Every regular file of the deck folder, in a stable order. Links are followed only to files
 * inside the deck (a linked folder is hashed where it really is, once), so a link cycle or a
 * link to a huge folder elsewhere cannot hang the hash; FIFOs and devices are left out, since
 * reading them would never end. A link outside the deck counts by its target's name.
 */
async function listFiles(dir: string, realDeck?: string): Promise<string[]> {
  const root = realDeck ?? (await realpath(dir));
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    const info = await lstat(p).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listFiles(p, root)));
    else if (info?.isFile()) out.push(p);
    else if (info?.isSymbolicLink()) {
      const real = await realpath(p).catch(() => null);
      const target = real ? await stat(real).catch(() => null) : null;
      if (real && target?.isFile() && isInside(root, real)) out.push(p);
      else out.push(`${p}\0${await readlink(p).catch(() => '')}`);
    }
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
export async function isCurrent(
  outDir: string,
  cache: CacheRecord,
  fileName: string,
  key: string,
): Promise<boolean> {
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

/**
 * Beside the cache: the warnings of the last build of each set of inputs, so an unchanged
 * rebuild repeats them (a deck's warnings stand until its sources change).
 */
export const WARNINGS_FILE = '.lectern-warnings.json';
/** Builds of other inputs (part-day sessions into the same folder) kept beside the latest. */
const KEPT_WARNING_SETS = 8;

type WarningRecord = Record<string, Problem[]>;

async function readWarningRecord(outDir: string): Promise<WarningRecord> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(outDir, WARNINGS_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as WarningRecord) : {};
  } catch {
    return {};
  }
}

/** The warnings the last build of these inputs printed, if this folder kept them. */
export async function standingWarnings(outDir: string, digest: string): Promise<Problem[] | undefined> {
  const kept = (await readWarningRecord(outDir))[digest];
  return Array.isArray(kept) ? kept : undefined;
}

/** The warning record with this build's warnings as the latest entry, as JSON to stage. */
export async function withStandingWarnings(
  outDir: string,
  digest: string,
  warnings: Problem[],
): Promise<string> {
  const record = await readWarningRecord(outDir);
  delete record[digest];
  const kept = Object.entries(record).slice(-(KEPT_WARNING_SETS - 1));
  return JSON.stringify(Object.fromEntries([...kept, [digest, warnings]]));
}
