import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { pptxFilesUnder, strictXmlParts } from './xml-parts.js';
import { lineBreakFaults, pdfFilesUnder } from './line-breaks.js';

/**
 * Temporary folders removed when the test file ends, passed or failed: tests leave nothing in
 * the temp folder (tests/global-setup.ts checks for `lectern-*` leftovers at the end). The hook
 * is registered when a test file imports this module, at the file's top level. Before they go,
 * every PPTX a test built in them has each XML part parsed by a strict XML parser: one that is
 * not well-formed fails the test file; and every PDF is read line by line for Chinese
 * line-breaking faults (line-breaks.ts): a line that starts with closing punctuation or ends
 * with opening punctuation fails it too.
 */
const made: string[] = [];

afterAll(async () => {
  const dirs = made.splice(0);
  try {
    for (const file of dirs.flatMap(pptxFilesUnder)) await strictXmlParts(file);
    const faults = dirs.flatMap(pdfFilesUnder).flatMap(lineBreakFaults);
    if (faults.length > 0) throw new Error(`Chinese line breaks broken:\n${faults.join('\n')}`);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
