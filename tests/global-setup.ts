import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The suite runs with a temp folder of its own (TMPDIR, inherited by the CLI and Chromium the
 * tests start), so other runs on the same machine cannot disturb the check at the end: when the
 * suite ends, no `lectern-*` entry (test folders, build staging, Chromium profiles) and no
 * puppeteer profile may remain. The folder itself is removed either way.
 */
const LEFTOVER = /^(lectern-|puppeteer_dev_chrome_profile-)/;

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-suite-'));
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir).filter((n) => LEFTOVER.test(n));
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) {
      // vitest reports a teardown error but keeps exit code 0: fail the run explicitly.
      process.exitCode = 1;
      throw new Error(
        `the tests left ${left.length} entries in the temp folder: ${left.slice(0, 10).join(', ')}`,
      );
    }
  };
}
