import type JSZip from 'jszip';

// The bytes of a zip archive (PPTX, the images zip, a SCORM package) from the entries a JSZip
// holds. JSZip compresses with pako, in JavaScript on the main thread: 0.3 s for the course's
// PPTX, against 45 ms for Node's zlib, which yazl uses and which runs on libuv's threads.

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?|zip|mp4|mp3)$/i;

/**
 * Writes every file of `zip` in its order, deflated (stored when already compressed), with
 * the entry's own date so the same content gives the same bytes.
 */
export async function zipBytes(zip: JSZip): Promise<Buffer> {
  const { ZipFile } = await import('yazl');
  const out = new ZipFile();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = await entry.async('nodebuffer');
    out.addBuffer(data, entry.name, { mtime: entry.date, compress: !STORED.test(entry.name) });
  }
  out.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    out.outputStream.on('data', (c: Buffer) => chunks.push(c));
    out.outputStream.on('error', reject);
    out.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
