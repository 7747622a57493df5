import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates a folder and the parents it lacks, one level at a time. Node's own
 * `mkdir(path, { recursive: true })` never settles under /proc (each level answers ENOENT and it
 * tries again), so `lectern new /proc/x` and `--out /proc/x` hung; here every failure is thrown
 * as it happens.
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  let at = path;
  while (!(await stat(at).catch(() => undefined))) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing)
    await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
      // Another process may make the same folder at the same moment.
      if (err.code !== 'EEXIST') throw err;
    });
}
