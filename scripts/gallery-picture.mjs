// Writes docs/gallery.png for the README: eight slides of the gallery deck, tiled from the
// reviewed snapshot baselines (tests/visual/baselines/gallery/), so the picture is generated
// from the deck, never drawn by hand. `npm run snapshots` runs it after refreshing baselines.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SLIDES = [4, 5, 6, 7, 10, 11, 13, 15];
const COLUMNS = 4;
const GAP = 8;
const tiles = SLIDES.map((n) => PNG.sync.read(readFileSync(join(root, 'tests', 'visual', 'baselines', 'gallery', `slide-${String(n).padStart(2, '0')}.png`))));
// Half size: each output pixel is the mean of a 2×2 block of the 640×360 snapshot.
const w = tiles[0].width / 2;
const h = tiles[0].height / 2;
const rows = Math.ceil(tiles.length / COLUMNS);
const out = new PNG({ width: COLUMNS * w + (COLUMNS + 1) * GAP, height: rows * h + (rows + 1) * GAP });
out.data.fill(0xd0);
tiles.forEach((tile, i) => {
  const ox = GAP + (i % COLUMNS) * (w + GAP);
  const oy = GAP + Math.floor(i / COLUMNS) * (h + GAP);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (sx, sy) => tile.data[(sy * tile.width + sx) * 4 + c];
        const mean = (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
        out.data[((oy + y) * out.width + ox + x) * 4 + c] = Math.round(mean);
      }
    }
  }
});
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'gallery.png'), PNG.sync.write(out));
console.log(`docs/gallery.png: ${SLIDES.length} gallery slides`);
