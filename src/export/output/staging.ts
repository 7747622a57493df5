import { lstat, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { removeAbandoned } from './abandoned.js';
import { MARKER_TEXT, OUTPUT_MARKER, assertReplaceable, type OutputTarget } from './output-targets.js';
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
      await writeFile(join(dir, OUTPUT_MARKER), MARKER_TEXT);
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

  /** A folder output (the slide pictures) in the temporary folder, marked as lectern's so a later build may replace it. */
  async folder(name: string): Promise<string> {
    const p = this.path(name);
    // Not recursive: a job cut off by Ctrl-C must not bring back a removed temporary folder.
    await mkdir(p);
    await writeFile(join(p, OUTPUT_MARKER), MARKER_TEXT);
    return p;
  }

  /**
   * Publishes every target, in order, once none of them would replace what lectern did not
   * write (see assertReplaceable): a refused target leaves every previous output as it was.
   */
  async publishAll(
    targets: readonly OutputTarget[],
    previous: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await assertReplaceable(this.outDir, targets, previous);
    for (const { name } of targets) await this.publish(name);
  }

  /**
   * Moves a finished file into the output folder, replacing the previous one in one step. A
   * folder (the slide pictures) cannot replace a folder in one rename: the previous one moves
   * into the temporary folder first and goes when it is removed. Callers check the target first
   * (publishAll): only a folder lectern marked as its own is moved aside.
   */
  private async publish(name: string): Promise<string> {
    const target = join(this.outDir, name);
    const staged = this.path(name);
    try {
      if ((await stat(staged)).isDirectory() && (await lstat(target).catch(() => null))?.isDirectory()) {
        await rename(target, this.path(`previous-${name}`));
      }
      await rename(staged, target);
    } catch (err) {
      throw new LecternError(
        `cannot replace ${target}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        {
          exit: 'OUTPUT',
          file: target,
          hint: 'make sure the output is a file you can write, not a folder or a file open elsewhere',
          cause: err,
        },
      );
    }
    return target;
  }

  /** Removes the temporary folder and what is left in it; once. */
  close(): Promise<void> {
    // A job cut off by Ctrl-C may still be writing a file into it: retried until it is empty.
    this.closed ??= rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 40 });
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
