import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Temporary folders removed when the test file ends, passed or failed: tests leave nothing in
 * the temp folder (tests/global-setup.ts checks for `lectern-*` leftovers at the end). The hook
 * is registered when a test file imports this module, at the file's top level.
 */
const made: string[] = [];

afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
