import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Picture names in slide order: 01.png … 99.png, with more digits when a deck has more slides. */
export function pictureNames(count: number): string[] {
  const digits = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(digits, '0')}.png`);
}

/**
 * The slides as PNG files for chat groups (WeChat, DingTalk take pictures, not decks): a folder
 * of 01.png … and the same files in a zip, to send in one go. `pictures` are the PPTX's own
 * captures, by slide index.
 */
export async function writeSlideImages(
  pictures: Map<number, Buffer>,
  count: number,
  folder: string,
  zipFile: string,
): Promise<void> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // The staging made the folder: creating it again (recursively) after an interrupted build
  // removed its temporary folder would bring that folder back.
  await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  const names = pictureNames(count);
  for (const [i, name] of names.entries()) {
    const png = pictures.get(i);
    if (!png) throw new Error(`slide ${i + 1} has no picture`);
    await writeFile(join(folder, name), png);
    // PNG is compressed already: stored as it is.
    zip.file(name, png, { compression: 'STORE' });
  }
  await writeFile(zipFile, await zip.generateAsync({ type: 'nodebuffer' }));
}
