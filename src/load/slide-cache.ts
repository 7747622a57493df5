import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { HeadingDivider } from '../engine/markdown-tokens.js';
import { readSlides, type ReadSlides } from './split-slides.js';

/** Beside the outputs: each chapter's slides as Marp read them in the last build, by the chapter's text. */
export const SLIDE_CACHE_FILE = '.lectern-slides.json';

export type SlideReader = (body: string, firstLine: number, headingDivider?: HeadingDivider) => ReadSlides;

/**
 * Reading slides takes marp-core, which costs about 0.2 s to load: an unchanged rebuild, which
 * only validates and compares hashes, reads each chapter's slides from the last build instead.
 * An entry is found by the chapter's text and first line, the versions of lectern and its
 * engines, and the code of the reader itself, so a changed reader never reuses an old reading.
 * Only the entries this build used are kept.
 */
export class SlideCache {
  private readonly used = new Map<string, ReadSlides>();
  private readonly salt: string;

  private constructor(
    private readonly known: Record<string, ReadSlides>,
    private readonly versions: string,
  ) {
    this.salt = `${versions}\0${READER_CODE}`;
  }

  /** An empty cache in memory: the dev server's, from one save to the next. */
  static inMemory(): SlideCache {
    return new SlideCache({}, '');
  }

  /** A cache of the readings this one gave, for the next load (a save changes one chapter). */
  next(): SlideCache {
    return new SlideCache(Object.fromEntries(this.used), this.versions);
  }

  /** The cache in `file`; empty when there is none or it is not one. */
  static async open(file: string, versions: string): Promise<SlideCache> {
    const text = await readFile(file, 'utf8').catch(() => '{}');
    let known: unknown;
    try {
      known = JSON.parse(text);
    } catch {
      known = {};
    }
    const entries = known && typeof known === 'object' ? Object.entries(known) : [];
    return new SlideCache(Object.fromEntries(entries.filter(([, v]) => isReading(v))), versions);
  }

  /** The slides of a chapter: from the cache, or read now (and kept). A copy the caller may change. */
  readonly read: SlideReader = (body, firstLine, headingDivider = []) => {
    const key = createHash('sha256')
      .update(`${this.salt}\0${firstLine}\0${headingDivider.join(',')}\0${body}`)
      .digest('hex');
    const reading = this.used.get(key) ?? this.known[key] ?? readSlides(body, firstLine, headingDivider);
    this.used.set(key, reading);
    return structuredClone(reading);
  };

  toJSON(): Record<string, ReadSlides> {
    return Object.fromEntries(this.used);
  }
}

/** The reader's own modules (compiled or, under the tests, as source), hashed once. */
const READER_CODE = (() => {
  const ext = extname(new URL(import.meta.url).pathname);
  const h = createHash('sha256');
  for (const m of [
    './split-slides',
    './slide-content',
    './slide-images',
    '../engine/markdown-tokens',
    '../engine/quiz-tokens',
    '../engine/inline-runs',
    '../engine/marp-engine',
  ]) {
    h.update(readFileSync(new URL(`${m}${ext}`, import.meta.url)));
  }
  return h.digest('hex');
})();

/** A cache file is lectern's, but a damaged or edited one must not pass for slides. */
function isReading(v: unknown): v is ReadSlides {
  const { slides, unclosed } = (v ?? {}) as { slides?: unknown; unclosed?: unknown };
  return Array.isArray(slides) && slides.every(isSlide) && (unclosed === undefined || isAt(unclosed, 'what'));
}

function isSlide(v: unknown): boolean {
  const s = (v ?? {}) as Record<string, unknown>;
  const texts = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  const places = (a: unknown, name: string) => Array.isArray(a) && a.every((x) => isAt(x, name));
  return (
    typeof s.markdown === 'string' &&
    typeof s.line === 'number' &&
    typeof s.hasContent === 'boolean' &&
    typeof s.pictureOnly === 'boolean' &&
    texts(s.notes) &&
    texts(s.headings) &&
    places(s.images, 'src') &&
    places(s.directives, 'name') &&
    (s.minutes === undefined || isAt(s.minutes, 'value')) &&
    (s.quiz === undefined || isQuiz(s.quiz))
  );
}

function isQuiz(v: unknown): boolean {
  const q = (v ?? {}) as Record<string, unknown>;
  return (
    typeof q.line === 'number' &&
    Array.isArray(q.question) &&
    Array.isArray(q.options) &&
    Array.isArray(q.unboxed) &&
    Array.isArray(q.explanation)
  );
}

/** `{ line: number, [name]: string }`, the shape of an image, a directive, a time box. */
function isAt(v: unknown, name: string): boolean {
  const o = (v ?? {}) as Record<string, unknown>;
  return typeof o.line === 'number' && typeof o[name] === 'string';
}
