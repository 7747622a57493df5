import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `dir` itself or lies below it (`dir/..out` lies below it; `dir/../out` does not). */
export function isWithin(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}
