import type { IncomingMessage } from 'node:http';
import type { SlideFit } from '../export/browser/slide-overflow.js';
import { COLLISION_KINDS } from '../export/browser/slide-fit.js';

// The dev page measures its slides as check and build do and posts what it found; the server
// reads it as untrusted input (any page on loopback could post).

/** A page's measurement of the slides, read from its POST (at most 4 MB, a 400-slide deck's is some 100 KB). */
export async function readFit(req: IncomingMessage): Promise<{ version: number; fits: SlideFit[] } | null> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 4_000_000) return null;
  }
  try {
    const parsed = JSON.parse(body) as { version?: unknown; fits?: unknown };
    if (typeof parsed.version !== 'number' || !Array.isArray(parsed.fits)) return null;
    const fits = parsed.fits.map((f: Partial<SlideFit>) => ({
      overflow: Number(f?.overflow) || 0,
      wide: Number(f?.wide) || 0,
      line: Number(f?.line) || 42,
      collisions: Array.isArray(f?.collisions)
        ? f.collisions
            .filter((c) => c && (COLLISION_KINDS as readonly string[]).includes(c.kind))
            .map((c) => ({ kind: c.kind, px: Number(c.px) || 0 }))
        : [],
    }));
    return { version: parsed.version, fits };
  } catch {
    return null;
  }
}
