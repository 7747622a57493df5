import * as nodePath from 'node:path';

/** Path functions to compare with: the platform's, or path.win32 / path.posix (tests check both). */
export type PathFunctions = Pick<typeof nodePath, 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Whether `path` is `dir` itself or lies below it, the one containment check of lectern.
 * `dir/..out` lies below it (a name that starts with two dots), `dir/../out` does not, and
 * on Windows a path on another drive does not; Windows compares without case, as its file
 * system does. `strict` leaves out `dir` itself (a file cannot be the deck folder).
 *
 * The paths are compared as written, after `.` and `..` are resolved: links are not followed.
 * A caller that must not be led out of the folder by a symlink passes the real paths of both
 * (fs.realpath), as loading a source, an image or a theme and the output-folder check do.
 */
export function isInside(
  dir: string,
  path: string,
  opts: { strict?: boolean; paths?: PathFunctions } = {},
): boolean {
  const { relative, isAbsolute, sep } = opts.paths ?? nodePath;
  const rel = relative(dir, path);
  if (rel === '') return !opts.strict;
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}
