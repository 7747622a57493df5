// Writes docs/diagrams.png, the README's picture of diagrams: the five diagram slides of
// tests/fixtures/diagrams, built to a slides PDF and rendered by poppler, tiled 3 × 2.
// Usage: node scripts/diagrams-picture.mjs (after npm run build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'lectern-diagrams-picture-'));
try {
  execFileSync(process.execPath, [
    join(root, 'dist', 'cli', 'main.js'),
    'build',
    join(root, 'tests', 'fixtures', 'diagrams'),
    '--out',
    work,
    '--format',
    'pdf',
    '--quiet',
  ]);
  const slides = [4, 5, 6, 8, 9].map((n) => {
    execFileSync('pdftoppm', [
      '-png',
      '-f',
      String(n),
      '-l',
      String(n),
      '-scale-to-x',
      '480',
      '-scale-to-y',
      '270',
      '-singlefile',
      join(work, 'diagrams.pdf'),
      join(work, `s${n}`),
    ]);
    return PNG.sync.read(readFileSync(join(work, `s${n}.png`)));
  });
  const [w, h, gap, columns] = [480, 270, 8, 3];
  const out = new PNG({ width: columns * w + (columns + 1) * gap, height: 2 * h + 3 * gap });
  out.data.fill(0xd0);
  slides.forEach((slide, i) => {
    const ox = gap + (i % columns) * (w + gap);
    const oy = gap + Math.floor(i / columns) * (h + gap);
    for (let y = 0; y < h; y++)
      slide.data.copy(out.data, ((oy + y) * out.width + ox) * 4, y * w * 4, (y + 1) * w * 4);
  });
  writeFileSync(join(root, 'docs', 'diagrams.png'), PNG.sync.write(out));
  console.log('docs/diagrams.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
