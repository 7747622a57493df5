#!/usr/bin/env node
// Benchmark: lectern against the anchor of three marp-cli runs (HTML; PDF with outlines; PPTX)
// on the same 31-slide deck, run alternately, plus an unchanged rebuild and a 310-slide deck.
// Prints medians, ratios against the goals of the performance issue, and peak memory of the
// whole process tree (Node and Chromium). Usage: npm run bench [-- --runs N]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const work = mkdtempSync(join(tmpdir(), 'lectern-bench-'));

const { findBrowser } = await import(join(ROOT, 'dist', 'export', 'browser.js'));
const { prepareDeck } = await import(join(ROOT, 'dist', 'prepare-deck.js'));
const browser = findBrowser();

/**
 * Memory of a process and all its descendants, from /proc: proportional set size (PSS), so
 * pages that Chromium's processes share are counted once. smaps_rollup is costly to read, so
 * only the tree's own processes are read, and only a few times a second.
 */
function treeRss(rootPid) {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const pid of parent.keys()) {
    let p = pid;
    while (p > 1 && p !== rootPid) p = parent.get(p) ?? 0;
    if (p !== rootPid) continue;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      // ended
    }
  }
  return total;
}

/**
 * Runs a command, returns wall seconds and, when `sample` is set, the peak memory of its process
 * tree. Sampling reads /proc on the same two cores the build uses, so timed runs do not sample:
 * memory comes from separate runs.
 */
function timed(cmd, args, sample = false) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: browser }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (d) => (stderr += d));
    const sampler = sample ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100) : undefined;
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, peak });
    });
  });
}

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

// The 310-slide deck: the course's chapters repeated until there are 300 content slides.
function bigDeck() {
  const dir = join(work, 'big');
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  const bodies = readdirSync(dir)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8').split(/\n---\n/).slice(2).join('\n---\n'));
  const pool = bodies.flatMap((b) => b.split(/\n\n---\n\n/));
  readdirSync(dir)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .forEach((f, i) => {
      const head = readFileSync(join(dir, f), 'utf8').split(/\n---\n/)[0];
      const count = i < 6 ? 43 : 42;
      const slides = Array.from({ length: count }, (_, k) => pool[(i * 43 + k) % pool.length]);
      writeFileSync(join(dir, f), `${head}\n---\n\n${slides.join('\n\n---\n\n')}\n`);
    });
  return dir;
}

async function anchorFiles() {
  const deck = await prepareDeck(join(ROOT, 'slides'));
  const dir = join(work, 'anchor');
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  writeFileSync(join(dir, 'deck-composed.md'), deck.composed.markdown);
  const themes = deck.theme.css.map((css, i) => {
    writeFileSync(join(dir, `theme-${i}.css`), css);
    return join(dir, `theme-${i}.css`);
  });
  const base = [MARP, join(dir, 'deck-composed.md'), '--theme-set', ...themes, '--browser-path', browser, '--no-config-file'];
  return [
    [...base, '-o', join(dir, 'a.html')],
    [...base, '--pdf', '--pdf-outlines', '-o', join(dir, 'a.pdf')],
    [...base, '--pptx', '-o', join(dir, 'a.pptx')],
  ];
}

const anchorRuns = await anchorFiles();
const big = bigDeck();
const out31 = join(work, 'out31');
const out310 = join(work, 'out310');
const results = { anchor: [], lectern: [], unchanged: [], big: [] };
const memory = { anchor: 0, lectern: 0, unchanged: 0, big: 0 };
const lecternArgs = { lectern: [CLI, 'build', 'slides', '--out', out31, '--force', '--quiet'], unchanged: [CLI, 'build', 'slides', '--out', out31, '--quiet'], big: [CLI, 'build', big, '--out', out310, '--force', '--quiet'] };

console.log(`lectern bench: ${RUNS} runs each, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${mib(totalmem())} memory, Node ${process.version}`);
for (let i = 0; i < (process.argv.includes('--only-big') ? 0 : RUNS); i++) {
  let seconds = 0;
  for (const args of anchorRuns) {
    seconds += (await timed(process.execPath, args)).seconds;
  }
  results.anchor.push({ seconds });
  results.lectern.push(await timed(process.execPath, lecternArgs.lectern));
  results.unchanged.push(await timed(process.execPath, lecternArgs.unchanged));
  console.log(`  run ${i + 1}: anchor ${seconds.toFixed(2)} s, lectern ${results.lectern.at(-1).seconds.toFixed(2)} s, unchanged ${results.unchanged.at(-1).seconds.toFixed(2)} s`);
}
const onlyBig = process.argv.includes('--only-big');
for (let i = 0; i < (process.argv.includes('--no-big') ? 0 : Math.max(1, Math.ceil(RUNS / 2))); i++) {
  // Alone, the 310-slide deck is still compared with 31-slide builds of the same moment.
  if (onlyBig) results.lectern.push(await timed(process.execPath, lecternArgs.lectern));
  results.big.push(await timed(process.execPath, lecternArgs.big));
  process.stdout.write(`  310 slides run ${i + 1}: ${results.big.at(-1).seconds.toFixed(2)} s\n`);
}
// Peak memory: one sampled run of each measured command.
for (const k of Object.keys(memory).filter((k) => results[k].length)) {
  for (const args of k === 'anchor' ? anchorRuns : [lecternArgs[k]]) memory[k] = Math.max(memory[k], (await timed(process.execPath, args, true)).peak);
}

// lectern dev: time from saving a chapter to the server holding the new slides (the open page
// then fetches them at once over server-sent events).
async function devLatency() {
  const deck = join(work, 'dev');
  cpSync(join(ROOT, 'slides'), deck, { recursive: true });
  const child = spawn(process.execPath, [CLI, 'dev', deck, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out)) await new Promise((r) => setTimeout(r, 50));
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)[0];
  const version = async () => (await (await fetch(`${url}__lectern/state`)).json()).version;
  const file = join(deck, '03-positive-mindset.md');
  const times = [];
  for (let i = 0; i < 9; i++) {
    const before = await version();
    const t0 = performance.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/正确认识自我( \d+)?/, `正确认识自我 ${i}`));
    while ((await version()) === before) await new Promise((r) => setTimeout(r, 5));
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGINT');
  return median(times);
}
const dev = await devLatency();

const m = (k) => median(results[k].map((r) => r.seconds));
const peak = (k) => memory[k];
const ratio = (r) => (Number.isFinite(r) ? r.toFixed(3) : 'n/a');
const anchor = results.anchor.length ? m('anchor') : NaN;
const rows = [
  ['marp-cli ×3 (HTML; PDF + outlines; PPTX), 31 slides', anchor, '1.00', '', peak('anchor')],
  ['lectern build --force (all 5 outputs), 31 slides', m('lectern'), ratio(m('lectern') / anchor), '≤ 0.4', peak('lectern')],
  ['lectern build, unchanged, 31 slides', m('unchanged'), ratio(m('unchanged') / anchor), '≤ 0.05', peak('unchanged')],
];
if (results.big.length) rows.push(['lectern build --force, 310 slides', m('big'), `${(m('big') / m('lectern')).toFixed(2)}× of 31`, '≤ 10×', peak('big')]);
console.log('\n| what | median s | ratio | goal | peak memory |\n| --- | --- | --- | --- | --- |');
for (const [what, s, ratio, goal, p] of rows.filter((r) => Number.isFinite(r[1]))) console.log(`| ${what} | ${s.toFixed(2)} | ${ratio} | ${goal} | ${mib(p)} |`);
console.log(`\nlectern dev, 31 slides: save to updated slides, median of 9: ${dev.toFixed(0)} ms (goal ≤ 300 ms)`);
rmSync(work, { recursive: true, force: true });
