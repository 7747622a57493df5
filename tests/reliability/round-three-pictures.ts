import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import sharp from 'sharp';
import { FIXTURES } from '../helpers/cli.js';
import { ch, edit, type Case } from './case.js';

/**
 * Round three of the catalogue, pictures: every raster picture is decoded at load, so one whose
 * structure looks whole but whose data is not is refused at the line that links it; pictures
 * past the limits are refused from their size or header before anything is decoded; and file
 * names with `#` or `?` are found from their percent-encoded links, as a browser finds them.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 255] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** A PNG chunk with a correct checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}
/** An RGB PNG whose every chunk is well formed: only a decoder can tell whether its data is a picture. */
function png(width: number, height: number, idat: Buffer, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const DOT = join(FIXTURES, 'valid', 'assets', 'dot.png');
const GALLERY = join(FIXTURES, 'gallery', 'assets');

/** The fixture's dot.png with one bit of its data's checksum flipped. */
function badCrc(): Buffer {
  const b = Buffer.from(readFileSync(DOT));
  let at = 8;
  while (at < b.length) {
    const length = b.readUInt32BE(at);
    if (b.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') {
      b[at + 8 + length] = (b[at + 8 + length] as number) ^ 0x01;
      break;
    }
    at += 12 + length;
  }
  return b;
}

/** A JPEG cut right after its scan header: frame, tables and end marker, no picture data. */
function jpegWithoutData(): Buffer {
  const b = readFileSync(join(GALLERY, 'photo.jpg'));
  const sos = b.indexOf(Buffer.from([0xff, 0xda]));
  return Buffer.concat([b.subarray(0, sos + 2 + b.readUInt16BE(sos + 2)), Buffer.from([0xff, 0xd9])]);
}

const WEBP = await sharp({
  create: { width: 64, height: 48, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 30 } },
})
  .webp()
  .toBuffer();

/** The fixture's picture link (01-listening.md:28) pointed at `name`, written with `bytes`. */
const picture =
  (name: string, bytes: () => Buffer, link = `assets/${name}`) =>
  (d: string) => {
    writeFileSync(ch(d, `assets/${name}`), bytes());
    edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', link));
  };

const damaged = (name: string, file: string, bytes: () => Buffer, decoder: string): Case => ({
  name,
  change: picture(file, bytes),
  code: 3,
  stderr: new RegExp(
    `01-listening\\.md:28: error: image assets/${file.replace('.', '\\.')} is damaged \\(the ${decoder} decoder stopped`,
  ),
});

export const roundThreePictures: Case[] = [
  damaged('PNG with a bad CRC', 'crc.png', badCrc, 'PNG'),
  damaged('PNG whose IDAT is random bytes', 'noise.png', () => png(64, 48, Buffer.alloc(300, 0x5a)), 'PNG'),
  damaged(
    'PNG whose IDAT holds too few rows',
    'short.png',
    () => png(64, 48, deflateSync(Buffer.alloc(100))),
    'PNG',
  ),
  damaged('PNG of 0 × 0 pixels', 'empty.png', () => png(0, 0, deflateSync(Buffer.alloc(1))), 'PNG'),
  damaged(
    'GIF cut short',
    'cut.gif',
    () => {
      const gif = readFileSync(join(GALLERY, 'badge.gif'));
      return gif.subarray(0, Math.floor(gif.length * 0.6));
    },
    'GIF',
  ),
  damaged('WebP cut short', 'cut.webp', () => WEBP.subarray(0, Math.floor(WEBP.length * 0.6)), 'WebP'),
  damaged('JPEG without picture data', 'nodata.jpg', jpegWithoutData, 'JPEG'),
  {
    // 400 megapixels in 200 bytes: refused from the header, before anything is decoded.
    name: 'PNG whose header claims 20000 × 20000 pixels',
    change: picture('huge.png', () => png(20000, 20000, deflateSync(Buffer.alloc(1000)))),
    code: 3,
    stderr:
      /01-listening\.md:28: error: image assets\/huge\.png is 20000 × 20000 pixels \(400 megapixels\); lectern takes pictures up to 100 megapixels/,
  },
  {
    // A whole PNG carrying 51 MB of text: refused from its size, before it is read.
    name: 'picture file over 50 MB',
    change: picture('heavy.png', () =>
      png(1, 1, deflateSync(Buffer.alloc(4)), [
        chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(51 * 1024 * 1024, 0x61)])),
      ]),
    ),
    code: 3,
    stderr:
      /01-listening\.md:28: error: image assets\/heavy\.png is 51\.0 MB; lectern takes pictures up to 50\.0 MB/,
  },
  {
    name: 'file named h#sh.png linked as h%23sh.png',
    change: (d) => {
      renameSync(ch(d, 'assets/dot.png'), ch(d, 'assets/h#sh.png'));
      edit(ch(d, 'deck.md'), (t) => t.replace('assets/dot.png', 'assets/h%23sh.png'));
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/h%23sh.png'));
    },
    code: 0,
    html: (html) => {
      expect(html).not.toContain('h%23sh');
      expect(html).toContain('data:image/png;base64,');
    },
  },
  {
    name: 'file named a?b 1.png linked as a%3Fb%201.png, with a query and a fragment',
    change: (d) => {
      renameSync(ch(d, 'assets/dot.png'), ch(d, 'assets/a?b 1.png'));
      edit(ch(d, 'deck.md'), (t) => t.replace('assets/dot.png', 'assets/a%3Fb%201.png'));
      edit(ch(d, '01-listening.md'), (t) => t.replace('assets/dot.png', 'assets/a%3Fb%201.png?v=2#top'));
    },
    code: 0,
    html: (html) => {
      expect(html).not.toContain('a%3Fb');
      expect(html).toContain('data:image/png;base64,');
    },
  },
];
