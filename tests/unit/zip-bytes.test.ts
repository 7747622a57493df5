import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipBytes } from '../../src/export/output/zip-bytes.js';

// The zip writer behind every PPTX, the images zip and the SCORM packages, read back by JSZip
// with its CRC-32 check on: an independent reader of the same format.

const WHEN = new Date(2026, 11, 3, 14, 5, 38);

async function sample(): Promise<JSZip> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>', { date: WHEN });
  zip.file('ppt/slides/slide1.xml', '<p:sld>催收心态的培训</p:sld>'.repeat(200), { date: WHEN });
  zip.file('ppt/media/图片 1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]), { date: WHEN });
  zip.file('empty.txt', '', { date: WHEN });
  zip.folder('docs');
  return zip;
}

describe('zipBytes', () => {
  it('writes an archive another reader opens, every file with its bytes, name, date and CRC', async () => {
    const source = await sample();
    const bytes = await zipBytes(source);
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const files = Object.values(read.files).filter((f) => !f.dir);
    expect(files.map((f) => f.name)).toEqual([
      '[Content_Types].xml',
      'ppt/slides/slide1.xml',
      'ppt/media/图片 1.png',
      'empty.txt',
    ]);
    for (const f of files) {
      expect(await f.async('nodebuffer'), f.name).toEqual(await source.file(f.name)!.async('nodebuffer'));
      // Zip keeps local time in two-second steps.
      expect(f.date.getTime(), f.name).toBe(new Date(2026, 11, 3, 14, 5, 38).getTime());
    }
  });

  it('deflates text and stores what is compressed already', async () => {
    const bytes = await zipBytes(await sample());
    // Each local header: signature, version, flags (bit 11, UTF-8 names), method at offset 8.
    const methods: Record<string, number> = {};
    for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50;) {
      const size = bytes.readUInt32LE(at + 18);
      const nameLength = bytes.readUInt16LE(at + 26);
      const name = bytes.toString('utf8', at + 30, at + 30 + nameLength);
      expect(bytes.readUInt16LE(at + 6) & 0x0800, name).toBe(0x0800);
      methods[name] = bytes.readUInt16LE(at + 8);
      at += 30 + nameLength + size;
    }
    expect(methods).toEqual({
      '[Content_Types].xml': 8,
      'ppt/slides/slide1.xml': 8,
      'ppt/media/图片 1.png': 0,
      'empty.txt': 8,
    });
    expect(bytes.length).toBeLessThan(2000);
  });

  it('gives the same bytes for the same files and dates', async () => {
    expect((await zipBytes(await sample())).equals(await zipBytes(await sample()))).toBe(true);
  });
});
