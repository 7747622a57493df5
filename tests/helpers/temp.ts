import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A temporary folder removed when the test file ends, passed or failed: tests leave nothing in
 * the system temp folder (a check at the end of the suite looks for `lectern-*` leftovers).
 * Call at module level or inside tests; the cleanup is registered once per test file.
 */
const made: string[] = [];
let registered = false;

export function tempDir(prefix: string): string {
  if (!registered) {
    registered = true;
    afterAll(() => {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
