import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { removeAbandoned } from './abandoned.js';
import { join } from 'node:path';
import { LecternError } from '../../core/errors.js';
import { makeFolder } from '../../core/make-folder.js';

/**
 * A build writes every output into a temporary folder inside the output folder and renames
 * each file into place only when it is complete: a failed, killed or interrupted build never
 * leaves a truncated file, and the previous outputs stay whole. The folder goes when the
 * staging is disposed (`await using`), however the build ends; after that it takes no files,
 * so a job still running when an interrupted build unwinds cannot bring the folder back.
 */
export class Staging implements AsyncDisposable {
  private closed?: Promise<void>;

  private constructor(
    readonly outDir: string,
    readonly dir: string,
  ) {}

  static async open(outDir: string): Promise<Staging> {
    const info = await stat(outDir).catch(() => null);
    if (info && !info.isDirectory()) {
      throw new LecternError(`output path ${outDir} is a file`, {
        exit: 'OUTPUT',
        file: outDir,
        hint: 'pass a folder with --out, e.g. --out out',
      });
    }
    try {
      await makeFolder(outDir);
      await removeAbandoned(outDir, '.lectern-tmp-');
      const dir = await mkdtemp(join(outDir, `.lectern-tmp-${process.pid}-`));
      return new Staging(outDir, dir);
    } catch (err) {
      throw new LecternError(
        `cannot write to ${outDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        {
          exit: 'OUTPUT',
          file: outDir,
          hint: 'choose a folder you can write to with --out',
          cause: err,
        },
      );
    }
  }

  /** A path inside the temporary folder. */
  path(name: string): string {
    if (this.closed) throw new Error(`the staging folder ${this.dir} is closed`);
    return join(this.dir, name);
  }

  async write(name: string, data: string | Uint8Array): Promise<string> {
    const p = this.path(name);
    await writeFile(p, data).catch((err: unknown) => {
      throw cannotWrite(join(this.outDir, name), err);
    });
    return p;
  }

  /**
   * Moves a finished file into the output folder, replacing the previous one in one step. A
   * folder (the slide pictures) cannot replace a folder in one rename: the previous one moves
   * into the temporary folder first and goes when it is removed.
   */
  async publish(name: string): Promise<string> {
    const target = join(this.outDir, name);
    const staged = this.path(name);
    if ((await stat(staged)).isDirectory() && (await stat(target).catch(() => null))?.isDirectory()) {
      await rename(target, this.path(`previous-${name}`));
    }
    await rename(staged, target);
    return target;
  }

  /** Removes the temporary folder and what is left in it; once. */
  close(): Promise<void> {
    this.closed ??= rm(this.dir, { recursive: true, force: true });
    return this.closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** Errors of a disk that is full or refuses writes; they are the output's problem, not a bug. */
export const WRITE_FAILURES = /\b(ENOSPC|EFBIG|EDQUOT|EROFS|EACCES|EPERM|EIO)\b/;

/** Exit 4 naming the output that could not be written. */
export function cannotWrite(output: string, err: unknown): LecternError {
  const code = (err as NodeJS.ErrnoException).code ?? WRITE_FAILURES.exec(String(err))?.[1] ?? String(err);
  return new LecternError(`cannot write ${output}: ${code}`, {
    exit: 'OUTPUT',
    hint:
      code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
        ? 'the disk is full or the file is larger than allowed: free space (or raise the limit) and build again; the previous outputs are as they were'
        : 'choose an output folder you can write to with --out',
    cause: err,
  });
}
