import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would. */
export function lectern(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fingerprint of every file below a folder, to prove a build left its sources alone. */
export function treeHash(dir: string): string {
  const h = createHash('sha256');
  // Links count by their target's name and FIFOs by their name: following a link cycle or
  // reading a FIFO would never end.
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const info = lstatSync(p);
      if (info.isDirectory()) walk(p);
      else if (info.isSymbolicLink()) h.update(p).update(`-> ${readlinkSync(p)}`);
      else if (info.isFile()) h.update(p).update(readFileSync(p));
      else h.update(p).update('special');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Builds a fixture deck's slides PDF and editable PPTX into `out`; their paths (the build must succeed). */
export function builtPdfAndPptx(deck: string, out: string): { pdf: string; pptx: string } {
  const run = lectern(['build', join(FIXTURES, deck), '--out', out, '--format', 'pdf,pptx']);
  if (run.code !== 0) throw new Error(`lectern build ${deck} exited ${run.code}:\n${run.stderr}`);
  const files = readdirSync(out);
  const pick = (ext: string) =>
    join(
      out,
      files.find((f) => f.endsWith(ext))!,
    );
  return { pdf: pick('.pdf'), pptx: pick('.pptx') };
}
