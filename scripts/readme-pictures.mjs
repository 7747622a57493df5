// Writes the README's pictures from the reviewed snapshot baselines (tests/visual/baselines/),
// so they are generated from decks, never drawn by hand: docs/gallery.png (eight slides of the
// gallery deck) and docs/layouts/<layout>.png (one slide of the layouts deck per layout).
// `npm run snapshots` runs it after refreshing the baselines.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseline = (deck, n) =>
  PNG.sync.read(
    readFileSync(join(root, 'tests', 'visual', 'baselines', deck, `slide-${String(n).padStart(2, '0')}.png`)),
  );

/** Slides at half size (each pixel the mean of a 2×2 block of the 640×360 snapshot), tiled. */
function tile(slides, columns, gap) {
  const w = slides[0].width / 2;
  const h = slides[0].height / 2;
  const rows = Math.ceil(slides.length / columns);
  const out = new PNG({ width: columns * w + (columns + 1) * gap, height: rows * h + (rows + 1) * gap });
  out.data.fill(0xd0);
  slides.forEach((slide, i) => {
    const ox = gap + (i % columns) * (w + gap);
    const oy = gap + Math.floor(i / columns) * (h + gap);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let c = 0; c < 4; c++) {
          const at = (sx, sy) => slide.data[(sy * slide.width + sx) * 4 + c];
          const mean =
            (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
          out.data[((oy + y) * out.width + ox + x) * 4 + c] = Math.round(mean);
        }
      }
    }
  });
  return PNG.sync.write(out);
}

mkdirSync(join(root, 'docs', 'layouts'), { recursive: true });
writeFileSync(
  join(root, 'docs', 'gallery.png'),
  tile(
    [4, 5, 6, 7, 10, 11, 13, 15].map((n) => baseline('gallery', n)),
    4,
    8,
  ),
);
/** The layouts deck's slide for each layout (tests/fixtures/layouts/). */
const LAYOUT_SLIDES = {
  'points-2': 4,
  'points-3': 5,
  'points-4': 6,
  bullets: 7,
  case: 8,
  exercise: 9,
  roleplay: 11,
  statement: 12,
  compare: 13,
  checklist: 14,
  split: 15,
  table: 16,
  quiz: 19,
};
for (const [layout, n] of Object.entries(LAYOUT_SLIDES))
  writeFileSync(join(root, 'docs', 'layouts', `${layout}.png`), tile([baseline('layouts', n)], 1, 0));
console.log(`docs/gallery.png and ${Object.keys(LAYOUT_SLIDES).length} pictures in docs/layouts/`);
