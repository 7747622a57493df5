import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const out = tempDir('lectern-images-');
const folder = join(out, 'valid-images');
let run: ReturnType<typeof lectern>;

/** Picture of each PPTX slide, by slide number. */
async function pptxPictures(file: string): Promise<Map<number, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const pictures = new Map<number, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) =>
    /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n),
  )) {
    const media = /Target="\.\.\/media\/([^"]+)"/.exec(await zip.file(name)!.async('string'))![1];
    pictures.set(
      Number(/slide(\d+)\.xml/.exec(name)![1]),
      await zip.file(`ppt/media/${media}`)!.async('nodebuffer'),
    );
  }
  return pictures;
}

beforeAll(() => {
  run = lectern(['build', join(FIXTURES, 'valid'), '--out', out, '--format', 'pptx-pictures,images']);
});

describe('--format images: one PNG per slide for chat groups', () => {
  it('writes 01.png … 10.png at 1920×1080 and a zip of the same files', async () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    // Besides the pictures, the marker that lets the next build replace the folder (it is not in the zip).
    expect(readdirSync(folder)).toContain('.lectern-output');
    const names = readdirSync(folder)
      .filter((n) => n !== '.lectern-output')
      .sort();
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `${String(i + 1).padStart(2, '0')}.png`));
    for (const name of names) {
      const png = PNG.sync.read(readFileSync(join(folder, name)));
      expect([png.width, png.height]).toEqual([1920, 1080]);
    }
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'valid-images.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(names);
    expect(await zip.file('05.png')!.async('nodebuffer')).toEqual(readFileSync(join(folder, '05.png')));
    expect(run.stdout).toMatch(/valid-images\.zip\s+[\d.]+ (KB|MB)/);
  });

  it('keeps the slides in order: dividers and title on the dark brand colour, content slides on white', () => {
    // valid: title, agenda, divider, 2 content, divider, content, divider (review), content, closing.
    const dark = [1, 3, 6, 8, 10];
    for (let n = 1; n <= 10; n++) {
      const png = PNG.sync.read(readFileSync(join(folder, `${String(n).padStart(2, '0')}.png`)));
      const at = (png.width * 700 + 1700) * 4;
      const brightness = png.data[at]! + png.data[at + 1]! + png.data[at + 2]!;
      expect(brightness < 300, `slide ${n}`).toBe(dark.includes(n));
    }
  });

  it('takes the PPTX pictures from the same captures (no second pass): slide N of the PPTX is N.png', async () => {
    const pictures = await pptxPictures(join(out, 'valid-pictures.pptx'));
    expect(pictures.size).toBe(10);
    for (const [n, data] of pictures)
      expect(data.equals(readFileSync(join(folder, `${String(n).padStart(2, '0')}.png`))), `slide ${n}`).toBe(
        true,
      );
  });

  it('a second build with nothing changed keeps the pictures', () => {
    const again = lectern(['build', join(FIXTURES, 'valid'), '--out', out, '--format', 'images']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/valid-images\s+[\d.]+ MB\s+\(unchanged\)/);
  });
});
