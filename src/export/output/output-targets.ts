import { lstat, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInside } from '../../core/path-within.js';
import { LecternError } from '../../core/errors.js';
import { futureRealPath } from './out-dir.js';

/**
 * Inside every folder lectern makes and may later replace or remove (the slide pictures, its
 * temporary folders): a folder without it is someone else's, and lectern leaves it alone.
 */
export const OUTPUT_MARKER = '.lectern-output';
export const MARKER_TEXT = 'Written by lectern. lectern replaces this folder on its next build.\n';

/** One path a build publishes into the output folder, and whether it is a folder (the slide pictures). */
export interface OutputTarget {
  name: string;
  folder: boolean;
}

/** A folder the build reads, named for the message: the deck folder, another deck of a library, lectern's own. */
export interface ReadFolder {
  path: string;
  label: string;
  /** Outputs may lie inside it (lectern's package, whose read folders are listed on their own). */
  holdsOutputs?: boolean;
}

/**
 * Sources stay read-only: refuses (exit 4) an output path that is, holds or lies inside a folder
 * the build reads. Both sides are compared as written and by real path (the output's as it will
 * be once written), so neither a link nor a deck folder named like an output (`talk-images` with
 * `name: talk`, `--format images`, `--out .`) can make a build replace the deck.
 */
export async function assertOutputsAvoid(
  outDir: string,
  names: readonly string[],
  folders: readonly ReadFolder[],
  shownOut: string,
): Promise<void> {
  const read = await Promise.all(
    folders.map(async (f) => ({ ...f, real: await futureRealPath(resolve(f.path)) })),
  );
  for (const name of names) {
    const target = join(outDir, name);
    const real = await futureRealPath(target);
    for (const f of read) {
      const relation =
        (isInside(target, f.path) && isInside(f.path, target)) ||
        (isInside(real, f.real) && isInside(f.real, real))
          ? 'is'
          : isInside(target, f.path) || isInside(real, f.real)
            ? 'holds'
            : !f.holdsOutputs && (isInside(f.path, target) || isInside(f.real, real))
              ? 'lies inside'
              : undefined;
      if (!relation) continue;
      throw new LecternError(`this output ${relation} ${f.label} (${f.path})`, {
        exit: 'OUTPUT',
        file: join(shownOut, name),
        hint: 'sources stay read-only: choose another output folder with --out, or another name: in deck.md',
      });
    }
  }
}

/**
 * Refuses (exit 4, naming the path) to publish over what lectern did not write: a folder where a
 * file goes (a `.lectern-cache.json` that is a folder), a file or link where a folder goes, and a
 * folder without lectern's marker. `previous` is the output folder's build cache: a slide-pictures
 * folder it lists that holds only `NN.png` was written by a lectern from before the marker.
 */
export async function assertReplaceable(
  outDir: string,
  targets: readonly OutputTarget[],
  previous: Readonly<Record<string, unknown>>,
): Promise<void> {
  for (const { name, folder } of targets) {
    const path = join(outDir, name);
    const info = await lstat(path).catch(() => null);
    if (!info) continue;
    if (!folder && !info.isDirectory()) continue;
    if (folder && info.isDirectory() && (await isOurs(path, Object.hasOwn(previous, name)))) continue;
    const what = info.isDirectory() ? 'a folder' : info.isSymbolicLink() ? 'a link' : 'a file';
    throw new LecternError(
      folder && info.isDirectory()
        ? `this folder is in the way of an output and lectern did not write it (it has no ${OUTPUT_MARKER} inside); nothing was replaced`
        : `this is ${what}, where lectern writes its ${folder ? 'folder' : 'file'} ${name}; nothing was replaced`,
      {
        exit: 'OUTPUT',
        file: path,
        hint: `lectern replaces only what it wrote: move ${path} away, or choose another output folder with --out`,
      },
    );
  }
}

async function isOurs(folder: string, recorded: boolean): Promise<boolean> {
  if ((await stat(join(folder, OUTPUT_MARKER)).catch(() => null))?.isFile()) return true;
  const names = await readdir(folder).catch(() => null);
  if (names?.length === 0) return true; // an empty folder holds nothing to lose
  return recorded && names !== null && names.every((n) => /^\d{2,3}\.png$/.test(n));
}
