/**
 * The path a request is routed by, decided before any check looks at it: the Host, Origin and
 * Sec-Fetch checks and the router must all see the same path. A check that reads the target as
 * sent and a router that reads it normalized disagree (`/__lectern/font/../state` passes as a
 * font and is routed as the deck's state), so lectern dev answers only targets that are already
 * normal: an origin-form path (no `http://host/` in front, no `//`), no percent-encoding, no
 * backslash or control character, no `.` or `..` segment and no empty one. Its own page never
 * asks for anything else, so what changes under normalization is refused rather than guessed.
 */
export interface RequestTarget {
  /** The path, e.g. `/__lectern/state`. */
  path: string;
  /** The query after `?`, or ''. */
  query: string;
}

/** The routed path of a request target, or undefined when the target is not already normal. */
export function requestTarget(target: string): RequestTarget | undefined {
  if (!target.startsWith('/') || target.includes('#')) return undefined;
  const at = target.indexOf('?');
  const path = at < 0 ? target : target.slice(0, at);
  const query = at < 0 ? '' : target.slice(at + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return undefined;
  return normalPath(decoded) === path ? { path, query } : undefined;
}

/** The path with `.` and `..` segments resolved (RFC 3986 §5.2.4) and empty segments dropped. */
export function normalPath(path: string): string {
  const out: string[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '..') out.pop();
    if (segment === '.' || segment === '..' || segment === '') {
      // `/a/..` and `/a/` name the folder: keep the trailing slash.
      if (last) out.push('');
      return;
    }
    out.push(segment);
  });
  return `/${out.join('/')}`;
}
