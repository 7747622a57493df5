import { copyFile, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LecternError } from '../core/errors.js';
import { makeFolder } from '../core/make-folder.js';

/** What goes into the new deck folder: texts by name, and files copied into it. */
export interface FolderContent {
  texts: [string, string][];
  /** Source path → path inside the folder. */
  copies: [string, string][];
}

/** Refuses a target that exists and is not an empty folder: an import never overwrites anything. */
export async function requireEmptyTarget(target: string, shown: string): Promise<void> {
  const info = await stat(target).catch(() => null);
  if (!info) return;
  const entries = info.isDirectory() ? await readdir(target).catch(() => ['?']) : ['?'];
  if (entries.length === 0) return;
  throw new LecternError(
    `${shown} ${info.isDirectory() ? 'is not empty' : 'is a file'}; lectern import never overwrites anything`,
    { exit: 'OUTPUT', file: shown, hint: 'choose a new folder with --out <folder>, or empty this one first' },
  );
}

/**
 * Writes the whole folder beside the target and renames it into place when every file is
 * complete: a failed import (a full disk, a copy that cannot be read) leaves no folder behind.
 */
export async function writeFolderAtomically(
  target: string,
  shown: string,
  content: FolderContent,
): Promise<void> {
  await requireEmptyTarget(target, shown);
  const fail = (err: unknown) =>
    new LecternError(
      `cannot write the deck into ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      {
        exit: 'OUTPUT',
        file: shown,
        hint: 'choose a folder you can write to (a read-only or full disk cannot hold the new deck)',
        cause: err,
      },
    );
  await makeFolder(dirname(target)).catch((err: unknown) => {
    throw fail(err);
  });
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}.lectern-import-`)).catch(
    (err: unknown) => {
      throw fail(err);
    },
  );
  try {
    await makeFolder(join(temp, 'assets'));
    for (const [name, text] of content.texts) await writeFile(join(temp, name), text, { flag: 'wx' });
    for (const [from, to] of content.copies) await copyFile(from, join(temp, to));
    // rename(2) replaces an empty folder, and fails on one that filled up meanwhile.
    await requireEmptyTarget(target, shown);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err instanceof LecternError ? err : fail(err);
  }
}
