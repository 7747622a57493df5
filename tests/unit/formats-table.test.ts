import { describe, expect, it } from 'vitest';
import {
  BROWSER_FORMATS,
  cacheName,
  DEFAULT_FORMATS,
  FORMATS,
  formatLabel,
  outputFiles,
  parseFormats,
} from '../../src/build/formats.js';
import { LecternError } from '../../src/core/errors.js';

// Everything below is read from the one table in formats.ts: these are the names and sets the
// README documents, so a table entry that drifts from them fails here.
describe('the formats table', () => {
  it('names every output as the README does', () => {
    expect(Object.fromEntries(FORMATS.map((f) => [f, outputFiles('deck', f)]))).toEqual({
      html: ['deck.html'],
      pdf: ['deck.pdf'],
      handout: ['deck-handout.pdf'],
      script: ['deck-script.pdf'],
      pptx: ['deck.pptx'],
      'pptx-pictures': ['deck-pictures.pptx'],
      images: ['deck-images', 'deck-images.zip'],
      share: ['deck-share.html'],
      scorm12: ['deck-scorm12.zip'],
      scorm2004: ['deck-scorm2004.zip'],
    });
  });

  it('builds the first five by default and starts the browser early for the printed ones', () => {
    expect(DEFAULT_FORMATS).toEqual(['html', 'pdf', 'handout', 'script', 'pptx']);
    expect(parseFormats(undefined)).toEqual(DEFAULT_FORMATS);
    expect(BROWSER_FORMATS).toEqual(['pdf', 'handout', 'script', 'pptx', 'pptx-pictures', 'images']);
  });

  it('keeps the picture PPTX beside the slide pictures (PNG) apart from the one alone (JPEG) in the cache', () => {
    expect(cacheName('pptx', ['pptx', 'images'])).toBe('pptx');
    expect(cacheName('pptx-pictures', ['pptx-pictures'])).toBe('pptx-pictures');
    expect(cacheName('pptx-pictures', ['pptx-pictures', 'images'])).toBe('pptx+png');
    expect(cacheName('images', ['pptx-pictures', 'images'])).toBe('images');
  });

  it('labels every format for the progress lines, and nothing else', () => {
    for (const f of FORMATS) expect(formatLabel(f)).toMatch(/\S/);
    expect(formatLabel('prepare')).toBeUndefined();
  });

  it('reads --format in the table order and refuses unknown names', () => {
    expect(parseFormats('share, PDF,all')).toEqual(['html', 'pdf', 'handout', 'script', 'pptx', 'share']);
    // The SCORM packages are asked for by name, never by all.
    expect(parseFormats('scorm2004,all,scorm12')).toEqual([...DEFAULT_FORMATS, 'scorm12', 'scorm2004']);
    expect(() => parseFormats('pdf,docx')).toThrow(LecternError);
    expect(() => parseFormats(',')).toThrow(/unknown format \(empty\)/);
  });
});
