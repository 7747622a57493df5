import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/load/load-images.js';
import { FIXTURES } from '../helpers/cli.js';

const bytes = (hex: string, tail = '') => Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from(tail)]);

describe('sniffImage', () => {
  it.each([
    ['a PNG', readFileSync(join(FIXTURES, 'valid', 'assets', 'dot.png')), 'image/png'],
    ['a JPEG', bytes('ffd8ffe000104a464946'), 'image/jpeg'],
    ['a GIF87a', Buffer.from('GIF87a\x01\x00', 'latin1'), 'image/gif'],
    ['a GIF89a', Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
    [
      'a WebP',
      Buffer.concat([Buffer.from('RIFF'), bytes('24000000'), Buffer.from('WEBPVP8 ')]),
      'image/webp',
    ],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    [
      'an SVG after a BOM-less XML prolog, a comment and a doctype',
      Buffer.from(
        '  <?xml version="1.0"?>\n<!-- drawn in draw.io -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<SVG viewBox="0 0 1 1">',
      ),
      'image/svg+xml',
    ],
  ])('knows %s by its bytes', (_, data, type) => {
    expect(sniffImage(data)).toBe(type);
  });

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['a PNG signature cut short', bytes('89504e47')],
    [
      'a RIFF that is not WebP',
      Buffer.concat([Buffer.from('RIFF'), bytes('24000000'), Buffer.from('WAVEfmt ')]),
    ],
    ['HTML', Buffer.from('<!DOCTYPE html><html><svg></svg></html>')],
    ['text that mentions <svg> later', Buffer.from('see <svg> below')],
    ['a GIF of an unknown version', Buffer.from('GIF88a', 'latin1')],
  ])('refuses %s', (_, data) => {
    expect(sniffImage(data)).toBeNull();
  });
});
