import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A process killed outright (SIGKILL, power loss) cannot clean up after itself. Lectern names
 * its temporary folders `<prefix><pid>-…`; this removes those in `dir` whose process is gone.
 * A folder whose process still runs may belong to a parallel build and is left alone.
 */
export async function removeAbandoned(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid && !isRunning(Number(pid)))
      await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
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
