import { deflateSync } from 'node:zlib';

/**
 * Wraps an OpenType (sfnt) font as WOFF 1.0, compressing each table with Node's native zlib.
 * subset-font can write WOFF itself, but through pako in JavaScript: half a second per build.
 */
export function sfntToWoff(sfnt: Uint8Array): Buffer {
  const font = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const numTables = font.readUInt16BE(4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + i * 16;
    const tag = font.readUInt32BE(at);
    const checksum = font.readUInt32BE(at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    const raw = font.subarray(offset, offset + length);
    const packed = deflateSync(raw, { level: 9 });
    return { tag, checksum, length, data: packed.length < length ? packed : raw };
  });
  const headerSize = 44 + numTables * 20;
  const pad4 = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + pad4(t.data.length), headerSize);
  const out = Buffer.alloc(total);
  out.write('wOFF', 0, 'latin1');
  out.writeUInt32BE(font.readUInt32BE(0), 4); // flavor
  out.writeUInt32BE(total, 8);
  out.writeUInt16BE(numTables, 12);
  out.writeUInt32BE(pad4(12 + numTables * 16) + tables.reduce((s, t) => s + pad4(t.length), 0), 16); // totalSfntSize
  out.writeUInt16BE(1, 20); // majorVersion
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 44 + i * 20;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(offset, at + 4);
    out.writeUInt32BE(t.data.length, at + 8);
    out.writeUInt32BE(t.length, at + 12);
    out.writeUInt32BE(t.checksum, at + 16);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return out;
}
