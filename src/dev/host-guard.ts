import type { IncomingMessage } from 'node:http';

/**
 * DNS rebinding and cross-site reads (Vite's CVE-2025-24010): a page on another site can point
 * its own name at 127.0.0.1 and read the preview, notes included. The server answers only the
 * names that mean this machine (plus those the user allows with --host-allow), and the deck's
 * endpoints refuse requests another site started.
 */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, lower-cased, and its port ('' when absent); null when malformed. */
function parseHost(header: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return m ? { name: (m[1] as string).toLowerCase().replace(/\.$/, ''), port: m[2] ?? '' } : null;
}

/** Whether a request names this server: a loopback name or an allowed one, and the port it listens on. */
export function hostAllowed(req: IncomingMessage, port: number, allowed: readonly string[]): boolean {
  const host = parseHost(req.headers.host ?? '');
  if (!host) return false;
  if (host.port !== String(port) && !(host.port === '' && port === 80)) return false;
  return LOOPBACK.includes(host.name) || allowed.map((n) => n.toLowerCase()).includes(host.name);
}

/** Whether a request for the deck's data comes from another site: its Origin or Sec-Fetch-Site says so. */
export function crossSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== (req.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}
