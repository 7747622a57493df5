import { readKeptRecord } from '../core/kept-record.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fitPicture, type PictureFit } from './picture-fit.js';

/** Beside the outputs: whether each picture of the last build decoded, by its content. */
export const PICTURE_CACHE_FILE = '.lectern-pictures.json';

/** What decoding found, without the pixels: enough to accept or refuse the picture again. */
export type PictureVerdict =
  { ok: true } | { ok: false; reason: 'damaged' | 'too-many-pixels'; detail: string };

/**
 * Decoding every picture on every load would make an unchanged rebuild of a deck of photos take
 * seconds: the verdicts of the last build are kept beside the outputs, by the picture's bytes,
 * the versions of lectern and its engines (sharp among them) and the code that decodes. A
 * picture the book knows is not decoded at load; prepare fits it only when an output is stale.
 * Only the entries this build used are kept.
 */
export class PictureBook {
  private readonly used = new Map<string, PictureVerdict>();
  private readonly salt: string;

  private constructor(
    private readonly known: Record<string, PictureVerdict>,
    versions: string,
  ) {
    this.salt = `${versions}\0${FIT_CODE}`;
  }

  /** A book in memory only: `check` and the dev server (which keeps fitted pictures between saves). */
  static inMemory(): PictureBook {
    return new PictureBook({}, '');
  }

  /** The book in `file`; empty when there is none or it is not one. */
  static async open(file: string, versions: string): Promise<PictureBook> {
    return new PictureBook(await readKeptRecord(file, isVerdict), versions);
  }

  /** Whether a picture can be used: the last build's verdict, or decoded (and fitted) now. */
  async verdict(bytes: Buffer, mime: string): Promise<PictureVerdict> {
    const key = createHash('sha256').update(`${this.salt}\0${mime}\0`).update(bytes).digest('hex');
    const verdict = this.used.get(key) ?? this.known[key] ?? toVerdict(await fitOnce(bytes, mime));
    this.used.set(key, verdict);
    return verdict;
  }

  toJSON(): Record<string, PictureVerdict> {
    return Object.fromEntries(this.used);
  }
}

/**
 * Pictures fitted in this process, by content: the load that decoded a picture hands the result
 * to prepare, and the dev server fits a picture once however often the deck is saved.
 */
const fitted = new Map<string, Promise<PictureFit>>();

/** fitPicture, once per picture content in this process. */
export function fitOnce(bytes: Buffer, mime: string): Promise<PictureFit> {
  const key = createHash('sha256').update(`${mime}\0`).update(bytes).digest('hex');
  let fit = fitted.get(key);
  if (!fit) {
    fit = fitPicture(bytes, mime);
    fitted.set(key, fit);
  }
  return fit;
}

const toVerdict = (fit: PictureFit): PictureVerdict =>
  fit.ok ? { ok: true } : { ok: false, reason: fit.reason, detail: fit.detail };

function isVerdict(v: unknown): v is PictureVerdict {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  if (r.ok === true) return true;
  return (
    r.ok === false &&
    (r.reason === 'damaged' || r.reason === 'too-many-pixels') &&
    typeof r.detail === 'string'
  );
}

/** The decoding code itself (compiled or, under the tests, as source), so a change to it decodes again. */
const FIT_CODE = (() => {
  const ext = extname(new URL(import.meta.url).pathname);
  return createHash('sha256')
    .update(readFileSync(new URL(`./picture-fit${ext}`, import.meta.url)))
    .update(readFileSync(new URL(`./limits${ext}`, import.meta.url)))
    .digest('hex');
})();
