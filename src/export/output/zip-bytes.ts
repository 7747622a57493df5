import { crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import type JSZip from 'jszip';

// The bytes of a zip archive (PPTX, the images zip, a SCORM package) from the entries a JSZip
// holds. JSZip compresses with pako, in JavaScript on the main thread (0.3 s for the course's
// PPTX); yazl used Node's zlib but summed each entry's CRC-32 in JavaScript, still cold when a
// build reaches it (0.1 s of the main thread for the course's megabyte). Here the CRC is
// Node's (zlib.crc32, native) and deflating runs on libuv's threads, every entry at once.

const deflate = promisify(deflateRaw);

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|mp4|mp3)$/i;

/** Zip's limits without its 64-bit extension, which nothing lectern writes comes near. */
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/** Bit 11: names are UTF-8 (a SCORM package's files may have Chinese names). */
const UTF8_NAMES = 0x0800;
/** Version 2.0 of the format (deflate) is needed to extract; made on Unix (3) by version 2.0. */
const VERSION_NEEDED = 20;
const VERSION_MADE_BY = (3 << 8) | 20;
/** -rw-r--r--, a regular file, in the external attributes' upper half (Unix's st_mode). */
const FILE_MODE = 0o100644;

interface Written {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  data: Buffer;
  time: number;
  date: number;
  offset: number;
}

/** MS-DOS time and date in local time, as zip stores them (two-second steps, years from 1980). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The fields a local header and a central directory record share, from "version needed" on. */
function common(e: Written): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(VERSION_NEEDED, 0);
  b.writeUInt16LE(UTF8_NAMES, 2);
  b.writeUInt16LE(e.method, 4);
  b.writeUInt16LE(e.time, 6);
  b.writeUInt16LE(e.date, 8);
  b.writeUInt32LE(e.crc, 10);
  b.writeUInt32LE(e.data.length, 14);
  b.writeUInt32LE(e.size, 18);
  b.writeUInt16LE(e.name.length, 22);
  // Extra field length: none.
  b.writeUInt16LE(0, 24);
  return b;
}

const signature = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};

function centralRecord(e: Written): Buffer {
  const made = Buffer.alloc(2);
  made.writeUInt16LE(VERSION_MADE_BY, 0);
  // After the shared fields: comment length (2), disk (2), internal attributes (2), all 0;
  // external attributes (4), the local header's offset (4).
  const tail = Buffer.alloc(14);
  tail.writeUInt32LE((FILE_MODE << 16) >>> 0, 6);
  tail.writeUInt32LE(e.offset, 10);
  return Buffer.concat([signature(0x02014b50), made, common(e), tail, e.name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/**
 * Writes every file of `zip` in its order, deflated (stored when already compressed), with
 * the entry's own date so the same content gives the same bytes.
 */
export async function zipBytes(zip: JSZip): Promise<Buffer> {
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > MAX_ENTRIES) throw new RangeError(`a zip holds at most ${MAX_ENTRIES} files`);
  const entries = await Promise.all(
    files.map(async (f) => {
      const raw = await f.async('nodebuffer');
      const stored = STORED.test(f.name);
      const data = stored ? raw : await deflate(raw);
      if (raw.length > MAX_BYTES || data.length > MAX_BYTES)
        throw new RangeError(`${f.name} is over 4 GB, more than a zip holds`);
      return { raw, data, stored, name: f.name, ...dosTime(f.date) };
    }),
  );
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const x of entries) {
    const e: Written = {
      name: Buffer.from(x.name, 'utf8'),
      method: x.stored ? 0 : 8,
      crc: crc32(x.raw),
      size: x.raw.length,
      data: x.data,
      time: x.time,
      date: x.date,
      offset,
    };
    const header = Buffer.concat([signature(0x04034b50), common(e), e.name]);
    parts.push(header, e.data);
    offset += header.length + e.data.length;
    if (offset > MAX_BYTES) throw new RangeError('the archive is over 4 GB, more than a zip holds');
    written.push(e);
  }
  const directory = written.map(centralRecord);
  const size = directory.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...parts, ...directory, endOfDirectory(written.length, size, offset)]);
}
