import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { pdfInfo } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Ctrl-C is always 130 (issue 24): 50 SIGINTs at random times (seeded: FUZZ_SEED replays) into
 * builds of a small deck that start Chromium. Every run exits 130, leaves no temporary folder in
 * its output folder and no Chromium profile in its own TMPDIR, and whatever outputs it left
 * are whole. Three builds run at a time.
 */
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 50;
const AT_ONCE = 3;
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);

interface Outcome {
  delay: number;
  /** Whether the signal was sent: the build had not ended yet. */
  sent: boolean;
  /** Every output is in place (a build that ended before its signal). */
  complete: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  left: string[];
  broken: string[];
}

async function interruptedBuild(dir: string, deck: string, delay: number): Promise<Outcome> {
  const out = join(dir, 'out');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const child = spawn(process.execPath, [CLI, 'build', deck, '--out', out, '--format', 'html,pdf,images'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let sent = false;
  const timer = setTimeout(() => {
    // A build that already ended is not interrupted: it must simply have succeeded.
    if (child.exitCode !== null || child.signalCode !== null) return;
    sent = true;
    child.kill('SIGINT');
  }, delay);
  const { code, signal } = await exited;
  clearTimeout(timer);
  const left = [
    ...(existsSync(out) ? readdirSync(out).filter((n) => n.startsWith('.lectern-tmp-')) : []),
    ...readdirSync(tmp).filter((n) => n.startsWith('lectern-chromium-')),
  ];
  // A build interrupted after it renamed its outputs into place leaves them whole.
  const broken: string[] = [];
  if (existsSync(join(out, 'deck.pdf')) && pdfInfo(join(out, 'deck.pdf')).Pages !== '10')
    broken.push('deck.pdf');
  if (
    existsSync(join(out, 'deck.html')) &&
    !/<\/html>\s*$/.test(readFileSync(join(out, 'deck.html'), 'utf8'))
  )
    broken.push('deck.html');
  const complete = ['deck.html', 'deck.pdf', 'deck-images.zip'].every((f) => existsSync(join(out, f)));
  return { delay, sent, code, signal, stderr, left, broken, complete };
}

describe('a reader that stops early', () => {
  // `lectern build … | head -1` and the like: the closed pipe is no error of the build.
  it.each([
    ['build | head -1', 'build "$DECK" --out "$OUT" --format html --force | head -1 >/dev/null'],
    ['build | true', 'build "$DECK" --out "$OUT" --format html --force | true'],
    ['check --json | true', 'check "$DECK" --json | true'],
  ])("%s: the exit code is the command's, no stack trace", (_name, line) => {
    const dir = tempDir('lectern-pipe-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const r = spawnSync('bash', ['-c', `node "$CLI" ${line}; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      env: { ...process.env, CLI, DECK: deck, OUT: join(dir, 'out') },
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/exit=0$/m);
    expect(r.stderr).not.toMatch(/EPIPE|^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('Ctrl-C', () => {
  it(`${RUNS} SIGINTs at random times into builds all exit 130 and leave nothing behind (seed ${SEED})`, async () => {
    const deck = join(tempDir('lectern-sigint-'), 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    // The signals land anywhere from the module loading to the publishing of the outputs: over
    // the time a whole build takes here, measured first (three at a time run slower: x1.5).
    const t0 = performance.now();
    const whole = await interruptedBuild(tempDir('lectern-sigint-'), deck, 600_000);
    expect(whole.code, whole.stderr).toBe(0);
    const span = Math.round((performance.now() - t0) * 1.5);
    const delays = fc.sample(fc.noBias(fc.integer({ min: 30, max: span })), { numRuns: RUNS, seed: SEED });
    const outcomes: Outcome[] = [];
    const queue = [...delays];
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        for (let d = queue.shift(); d !== undefined; d = queue.shift())
          outcomes.push(await interruptedBuild(tempDir('lectern-sigint-'), deck, d));
      }),
    );
    // 130 as the shell reports it: a SIGINT that lands before Node has run any of lectern's code
    // (Node takes a few hundred ms to start on a busy machine) ends the process by the signal,
    // which the shell shows as 130 too; from lectern's first module on, lectern exits 130 itself.
    // A signal that lands after the build has ended finds no process: that build exited 0 with
    // its outputs whole (on a busy machine the builds run longer than the measured one, or shorter).
    const bad = outcomes.filter(
      (o) =>
        !(o.code === 130 || o.code === 0 || (o.code === null && o.signal === 'SIGINT')) ||
        o.left.length > 0 ||
        o.broken.length > 0,
    );
    expect(
      bad.map(
        (o) =>
          `${o.delay} ms: exit ${o.code ?? o.signal}, left ${o.left.join(' ')} ${o.broken.join(' ')}\n${o.stderr}`,
      ),
      `seed ${SEED} (FUZZ_SEED=${SEED} replays it)`,
    ).toEqual([]);
    for (const o of outcomes) expect(o.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const handled = outcomes.filter((o) => o.code === 130);
    for (const o of handled) expect(o.stderr).toMatch(/lectern: interrupted/);
    // Most signals land while lectern runs: the property is about its handling, not Node's.
    expect(handled.length, `${handled.length} of ${RUNS} exited 130 themselves`).toBeGreaterThan(RUNS / 2);
    // No Chromium outlives its build.
    const chromium = spawnSync('pgrep', ['-f', 'lectern-sigint-'], { encoding: 'utf8' }).stdout.trim();
    expect(chromium).toBe('');
  }, 300_000);
});
