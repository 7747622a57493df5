import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_MARKER } from './output-targets.js';

/**
 * A process killed outright (SIGKILL, power loss) cannot clean up after itself. Lectern names
 * its temporary folders `<prefix><pid>-…` and puts its marker in each; this removes those in
 * `dir` whose process is gone. A folder whose process still runs may belong to a parallel build
 * and is left alone, and so is one without the marker: a deck or anyone's folder that only
 * happens to have such a name. An empty one (killed before the marker was written) goes.
 */
export async function removeAbandoned(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (!pid || isRunning(Number(pid))) continue;
    const folder = join(dir, name);
    if ((await stat(join(folder, OUTPUT_MARKER)).catch(() => null))?.isFile())
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    else await rmdir(folder).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After Ctrl-C: this process's own temporary folders in `dir` and the folders just below it (a
 * library's decks), should a job cut off mid-write have made one again after its build removed it.
 */
export async function removeOwn(dir: string, prefix: string): Promise<void> {
  const own = `${prefix}${process.pid}-`;
  const below = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const d of [dir, ...below.filter((e) => e.isDirectory()).map((e) => join(dir, e.name))]) {
    for (const name of await readdir(d).catch(() => [] as string[]))
      if (name.startsWith(own)) await rm(join(d, name), { recursive: true, force: true, maxRetries: 5 });
  }
}
