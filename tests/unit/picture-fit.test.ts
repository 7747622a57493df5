import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normalizeImageSrc } from '../../src/load/load-images.js';
import { fitPicture } from '../../src/load/picture-fit.js';

const noisy = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });

/** A PNG of a header only (and a few bytes of data): its size is all a decoder may look at. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a fitted picture really is, read back by the decoder. */
async function decoded(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height };
}

describe('fitting a picture to the slide', () => {
  it('keeps a picture that fits as the same bytes', async () => {
    const jpeg = await noisy(640, 480).jpeg().toBuffer();
    const fit = await fitPicture(jpeg, 'image/jpeg');
    expect(fit.ok && fit.picture.shrunk).toBe(false);
    expect(fit.ok && fit.picture.bytes).toBe(jpeg);
  });

  it('makes a photo saved as PNG a JPEG inside 3840 × 2160', async () => {
    const fit = await fitPicture(
      await noisy(4800, 1200).png({ compressionLevel: 1 }).toBuffer(),
      'image/png',
    );
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.picture).toMatchObject({ mime: 'image/jpeg', width: 3840, height: 960, shrunk: true });
    expect(await decoded(fit.picture.bytes)).toEqual({ format: 'jpeg', width: 3840, height: 960 });
  });

  it('keeps line art with transparency a PNG', async () => {
    const drawing = sharp({ create: { width: 6000, height: 2000, channels: 4, background: '#0b3d9180' } });
    const fit = await fitPicture(await drawing.png().toBuffer(), 'image/png');
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.picture.mime).toBe('image/png');
    expect(await decoded(fit.picture.bytes)).toEqual({ format: 'png', width: 3840, height: 1280 });
  });

  it('keeps an opaque screenshot a PNG: flat colour, no alpha, no palette', async () => {
    const bar = await sharp({ create: { width: 1200, height: 300, channels: 3, background: '#f5a623' } })
      .png()
      .toBuffer();
    const screen = sharp({ create: { width: 4800, height: 2700, channels: 3, background: '#ffffff' } })
      .composite([{ input: bar, top: 600, left: 900 }])
      .png();
    const fit = await fitPicture(await screen.toBuffer(), 'image/png');
    expect(fit.ok && fit.picture.mime).toBe('image/png');
    expect(fit.ok && (await decoded(fit.picture.bytes))).toEqual({
      format: 'png',
      width: 3840,
      height: 2160,
    });
  });

  it('refuses a picture past 100 megapixels from its header', async () => {
    // Decoding would fail (64 bytes of data for 108 megapixels): the header must be enough.
    expect(await fitPicture(pngHeader(12000, 9000), 'image/png')).toEqual({
      ok: false,
      reason: 'too-many-pixels',
      detail: '12000 × 9000 pixels (108 megapixels)',
    });
  });
});

describe('image links read as a browser reads them', () => {
  it.each([
    ['assets/h%23sh.png', 'assets/h#sh.png'],
    ['assets/a%3Fb.png?v=2#top', 'assets/a?b.png'],
    ['assets/%E6%B5%81%E7%A8%8B.png', 'assets/流程.png'],
    ['assets/my%20pic.png', 'assets/my pic.png'],
    ['assets/100%.png', 'assets/100%.png'],
    ['assets/a%2Fb.png', 'assets/a%2Fb.png'],
    ['assets\\win.png', 'assets/win.png'],
    ['assets/h#sh.png', 'assets/h'],
  ])('%s names %s', (link, file) => {
    expect(normalizeImageSrc(link)).toBe(file);
  });
});
