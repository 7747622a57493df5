import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from './cli.js';

export const BASELINES = join(ROOT, 'tests', 'visual', 'baselines');
/** Where a failed comparison leaves the picture it got and a diff image (ignored by git). */
export const DIFFS = join(ROOT, 'tests', 'visual', 'diffs');
/** `npm run snapshots` sets this after a change reviewed by eye: baselines are rewritten. */
export const UPDATING = process.env.LECTERN_UPDATE_SNAPSHOTS === '1';

/** Share of pixels allowed to differ (beyond pixelmatch's anti-aliasing tolerance). */
const MAX_DIFF_SHARE = 0.002;

/** Pages of a PDF as PNG files of a fixed size, rendered by poppler; returns their paths in order. */
export function renderPdfPngs(
  pdf: string,
  width: number,
  height: number,
  pages?: { first: number; last: number },
): { files: string[]; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-snap-'));
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  execFileSync('pdftoppm', [
    '-png',
    '-scale-to-x',
    String(width),
    '-scale-to-y',
    String(height),
    ...range,
    pdf,
    join(dir, 'p'),
  ]);
  const files = readdirSync(dir)
    .sort()
    .map((n) => join(dir, n));
  return { files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SnapshotResult {
  name: string;
  /** Share of differing pixels; undefined when there was no baseline. */
  share?: number;
  problem?: string;
}

/**
 * Compares a picture with its reviewed baseline (tests/visual/baselines/<name>.png) with
 * pixelmatch; on a difference it writes the picture and a diff image to tests/visual/diffs/.
 */
export function compareSnapshot(name: string, actualPng: string): SnapshotResult {
  const baseline = join(BASELINES, `${name}.png`);
  if (UPDATING) {
    mkdirSync(join(baseline, '..'), { recursive: true });
    copyFileSync(actualPng, baseline);
    return { name, share: 0 };
  }
  if (!existsSync(baseline))
    return { name, problem: `no baseline ${baseline}: review the picture, then run npm run snapshots` };
  const want = PNG.sync.read(readFileSync(baseline));
  const got = PNG.sync.read(readFileSync(actualPng));
  const keep = (suffix: string, png: Buffer) => {
    mkdirSync(join(DIFFS, name, '..'), { recursive: true });
    writeFileSync(join(DIFFS, `${name}${suffix}.png`), png);
  };
  if (want.width !== got.width || want.height !== got.height) {
    keep('-actual', readFileSync(actualPng));
    return { name, problem: `size ${got.width}×${got.height}, baseline ${want.width}×${want.height}` };
  }
  const diff = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
  const share = differing / (want.width * want.height);
  if (share > MAX_DIFF_SHARE) {
    keep('-actual', readFileSync(actualPng));
    keep('-diff', PNG.sync.write(diff));
    return {
      name,
      share,
      problem: `${(share * 100).toFixed(2)}% of pixels differ (see ${join(DIFFS, `${name}-diff.png`)})`,
    };
  }
  return { name, share };
}
