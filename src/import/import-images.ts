import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { normalizeImageSrc } from '../load/load-images.js';

// Where each image of a Marp file goes in the deck folder: local files are copied into assets/,
// web images get an assets/ name and the command that downloads them (lectern never fetches).

export interface ImagePlan {
  /** Link as written in the source → the link the deck uses (`assets/<name>`). */
  relink: Map<string, string>;
  /** Files to copy: real source path → name in assets/. */
  copies: Map<string, string>;
  /** Web images: address → name in assets/. */
  downloads: Map<string, string>;
  /** Local links whose file is not there: left as written, so the build names them. */
  missing: string[];
}

const KEEP = /^(data:|#)/i;
const WEB = /^https?:\/\//i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Plans every image of a source file that lives in `sourceDir`: `src` as Marp reads it, `written` as spelled. */
export async function planImages(
  images: readonly { src: string; written?: string }[],
  sourceDir: string,
): Promise<ImagePlan> {
  const plan: ImagePlan = { relink: new Map(), copies: new Map(), downloads: new Map(), missing: [] };
  const taken = new Set<string>();
  const nameFor = (wanted: string) => {
    const ext = extname(wanted);
    const stem = (
      basename(wanted, ext)
        .replace(/[^\w.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'image'
    ).slice(0, 60);
    const safeExt = /^\.[a-z0-9]{1,5}$/i.test(ext) ? ext.toLowerCase() : '';
    let name = `${stem}${safeExt}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${safeExt}`;
    taken.add(name.toLowerCase());
    return name;
  };
  for (const { src: link, written = link } of images) {
    if (KEEP.test(link) || plan.relink.has(written)) continue;
    if (WEB.test(link)) {
      let name = plan.downloads.get(link);
      if (!name) {
        name = nameFor(decodeURIComponentSafe(new URL(link).pathname.split('/').pop() || 'image'));
        plan.downloads.set(link, name);
      }
      plan.relink.set(written, `assets/${name}`);
      continue;
    }
    if (SCHEME.test(link) && !/^file:/i.test(link)) continue;
    const file = resolve(sourceDir, normalizeImageSrc(link.replace(/^file:\/\//i, '')));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      plan.missing.push(link);
      continue;
    }
    let name = plan.copies.get(file);
    if (!name) {
      name = nameFor(file);
      plan.copies.set(file, name);
    }
    plan.relink.set(written, `assets/${name}`);
  }
  return plan;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A chapter's text with each image link replaced where it is spelled as a link: after `(`, or
 * in quotes (`src="…"`, `url('…')`), as the composer embeds images.
 */
export function relinked(text: string, relink: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of relink) {
    for (const [open, close] of [
      ['(', ''],
      ['"', '"'],
      ["'", "'"],
    ] as const)
      out = out.split(`${open}${from}${close}`).join(`${open}${to}${close}`);
  }
  return out;
}
