/**
 * What a deck may hold, so a huge one stops early with a clear message instead of running the
 * machine out of memory (README: limits). A browser window takes about a megabyte per slide
 * it prints, and Marp's renderer overflows its stack on tens of thousands of blocks in a slide.
 * They live in load, the lowest stage that needs them: the loader checks file sizes before it
 * reads, and validate (above it) checks slide counts.
 */
export const LIMITS = {
  /** Slides in the composed deck, generated ones included. */
  slides: 400,
  /** Lines in one slide. */
  slideLines: 5_000,
  /** Bytes in one source file (checked before it is read). */
  fileBytes: 8 * 1024 * 1024,
  /** Bytes in one picture file (checked before it is read): ten times a phone photo. */
  pictureBytes: 50 * 1024 * 1024,
  /** Pixels in one raster picture, every frame of an animation counted (checked on its header, before decoding). */
  picturePixels: 100_000_000,
};
