#!/usr/bin/env node
// Benchmark: lectern against the anchor a Marp user really runs: three marp-cli runs (HTML;
// PDF with outlines; PPTX) on the course's 31 pages written in plain Marp with the default
// theme (../shared/bench/anchor-deck.md), run alternately with lectern, plus an unchanged
// rebuild, a 310-slide deck and the dev server's save-to-screen time. A second, heavier anchor
// (marp-cli on lectern's composed deck with the corporate theme and its embedded font) is kept
// for comparison with earlier figures. Prints medians, per-run ratios, CPU seconds (user+sys of
// the whole process tree) and peak memory. `--diagrams` adds what 10 ```mermaid diagrams cost a
// full build: the course with ten more slides, as diagrams and as the same text in plain code
// fences, alternated, each diagram drawn afresh. Usage: npm run bench [-- --runs N] [--no-big]
// [--only-big] [--no-heavy] [--diagrams] [--only-diagrams]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MARP = join(ROOT, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const ANCHOR_DECK = join(ROOT, '..', 'shared', 'bench', 'anchor-deck.md');
const runsArg = process.argv.indexOf('--runs');
const onlyDiagrams = process.argv.includes('--only-diagrams');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const work = mkdtempSync(join(tmpdir(), 'lectern-bench-'));

const { findBrowser } = await import(join(ROOT, 'dist', 'export', 'browser', 'browser.js'));
const { prepareDeck } = await import(join(ROOT, 'dist', 'build', 'prepare-deck.js'));
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
 * CPU seconds (user + sys) of every reaped descendant of this process: a child's times, its
 * own reaped children's included, are added to its parent's cutime/cstime when it is waited
 * for, so the difference over one run is the CPU of that run's whole tree (Chromium included).
 */
function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of /proc/PID/stat (cutime, cstime), counted from the state field (3).
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/**
 * Runs a command, returns wall seconds, CPU seconds and, when `sample` is set, the peak memory of its process
 * tree. Sampling reads /proc on the same two cores the build uses, so timed runs do not sample:
 * memory comes from separate runs.
 */
function timed(cmd, args, sample = false) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const cpu0 = childrenCpuSeconds();
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: browser },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let peak = 0;
    child.stderr.on('data', (d) => (stderr += d));
    const sampler = sample ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100) : undefined;
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, cpu: childrenCpuSeconds() - cpu0, peak });
    });
  });
}

/** Several commands one after another, as one measurement. */
async function sumOf(runs) {
  const total = { seconds: 0, cpu: 0 };
  for (const args of runs) {
    const t = await timed(process.execPath, args);
    total.seconds += t.seconds;
    total.cpu += t.cpu;
  }
  return total;
}

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

// The 310-slide deck: the course's chapters repeated until there are 300 content slides.
function bigDeck() {
  const dir = join(work, 'big');
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  const bodies = readdirSync(dir)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .map((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split(/\n---\n/)
        .slice(2)
        .join('\n---\n'),
    );
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

/** marp-cli ×3 (HTML; PDF with outlines; PPTX) on one markdown file with the given themes. */
function marpRuns(dir, markdown, themes) {
  const base = [
    MARP,
    markdown,
    ...(themes.length ? ['--theme-set', ...themes] : []),
    '--browser-path',
    browser,
    '--no-config-file',
  ];
  return [
    [...base, '-o', join(dir, 'a.html')],
    [...base, '--pdf', '--pdf-outlines', '-o', join(dir, 'a.pdf')],
    [...base, '--pptx', '-o', join(dir, 'a.pptx')],
  ];
}

/** What a marp-cli user runs instead: the course in plain Marp, default theme, system fonts. */
function plainAnchor() {
  const dir = join(work, 'anchor');
  mkdirSync(dir, { recursive: true });
  cpSync(ANCHOR_DECK, join(dir, 'anchor-deck.md'));
  return marpRuns(dir, join(dir, 'anchor-deck.md'), []);
}

/** The earlier, heavier anchor: lectern's composed deck with its theme and embedded font. */
async function heavyAnchor() {
  const deck = await prepareDeck(join(ROOT, 'slides'));
  const dir = join(work, 'heavy');
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  writeFileSync(join(dir, 'deck-composed.md'), deck.composed.markdown);
  const themes = deck.theme.css.map((css, i) => {
    writeFileSync(join(dir, `theme-${i}.css`), css);
    return join(dir, `theme-${i}.css`);
  });
  return marpRuns(dir, join(dir, 'deck-composed.md'), themes);
}

const anchorRuns = onlyDiagrams ? [] : plainAnchor();
const heavyRuns = process.argv.includes('--no-heavy') || onlyDiagrams ? [] : await heavyAnchor();
const big = bigDeck();
const out31 = join(work, 'out31');
const out310 = join(work, 'out310');
const results = { anchor: [], heavy: [], lectern: [], unchanged: [], big: [] };
const memory = { anchor: 0, heavy: 0, lectern: 0, unchanged: 0, big: 0 };
const lecternArgs = {
  lectern: [CLI, 'build', 'slides', '--out', out31, '--force', '--quiet'],
  unchanged: [CLI, 'build', 'slides', '--out', out31, '--quiet'],
  big: [CLI, 'build', big, '--out', out310, '--force', '--quiet'],
};

console.log(
  `lectern bench: ${RUNS} runs each, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${mib(totalmem())} memory, Node ${process.version}`,
);
for (let i = 0; i < (process.argv.includes('--only-big') || onlyDiagrams ? 0 : RUNS); i++) {
  const anchor = await sumOf(anchorRuns);
  results.anchor.push(anchor);
  results.lectern.push(await timed(process.execPath, lecternArgs.lectern));
  results.unchanged.push(await timed(process.execPath, lecternArgs.unchanged));
  if (heavyRuns.length) results.heavy.push(await sumOf(heavyRuns));
  const r = results.lectern.at(-1);
  console.log(
    `  run ${i + 1}: anchor ${anchor.seconds.toFixed(2)} s (${anchor.cpu.toFixed(1)} CPU s), lectern ${r.seconds.toFixed(2)} s (${r.cpu.toFixed(1)} CPU s, ratio ${(r.seconds / anchor.seconds).toFixed(3)}), unchanged ${results.unchanged.at(-1).seconds.toFixed(2)} s` +
      (heavyRuns.length ? `, heavy anchor ${results.heavy.at(-1).seconds.toFixed(2)} s` : ''),
  );
}
const onlyBig = process.argv.includes('--only-big');
for (
  let i = 0;
  i < (process.argv.includes('--no-big') || onlyDiagrams ? 0 : Math.max(1, Math.ceil(RUNS / 2)));
  i++
) {
  // Alone, the 310-slide deck is still compared with 31-slide builds of the same moment.
  if (onlyBig) results.lectern.push(await timed(process.execPath, lecternArgs.lectern));
  results.big.push(await timed(process.execPath, lecternArgs.big));
  process.stdout.write(`  310 slides run ${i + 1}: ${results.big.at(-1).seconds.toFixed(2)} s\n`);
}
// Peak memory: one sampled run of each measured command.
for (const k of Object.keys(memory).filter((k) => results[k].length)) {
  for (const args of k === 'anchor' ? anchorRuns : k === 'heavy' ? heavyRuns : [lecternArgs[k]])
    memory[k] = Math.max(memory[k], (await timed(process.execPath, args, true)).peak);
}

// lectern dev: from saving a chapter to an open Chromium page showing the new text. The page
// polls its own DOM every animation frame and records when the text appears (polling from
// puppeteer would add some 150 ms of its own); both clocks are the machine's epoch clock.
async function devLatency() {
  const deck = join(work, 'dev');
  cpSync(join(ROOT, 'slides'), deck, { recursive: true });
  const child = spawn(process.execPath, [CLI, 'dev', deck, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out)) await new Promise((r) => setTimeout(r, 50));
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)[0];
  const { launch } = await import('puppeteer-core');
  const { chromiumArgs } = await import(join(ROOT, 'dist', 'export', 'browser', 'browser.js'));
  const chromium = await launch({ executablePath: browser, headless: true, args: chromiumArgs() });
  const page = await chromium.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const file = join(deck, '03-positive-mindset.md');
  const times = [];
  try {
    for (let i = 0; i < 9; i++) {
      const marker = `正确认识自我 ${i}`;
      const seen = page.evaluate(
        (text) =>
          new Promise((resolve) => {
            const look = () =>
              document.body.innerText.includes(text)
                ? resolve(performance.timeOrigin + performance.now())
                : requestAnimationFrame(look);
            look();
          }),
        marker,
      );
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.timeOrigin + performance.now();
      writeFileSync(file, readFileSync(file, 'utf8').replace(/正确认识自我( \d+)?/, marker));
      times.push((await seen) - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await chromium.close();
    child.kill('SIGINT');
  }
  return { median: median(times), first: times[0] };
}
const dev = process.argv.includes('--only-big') || onlyDiagrams ? undefined : await devLatency();

/** Ten diagrams, two of each kind the README names, as slides of the course's third chapter. */
function diagramDeck(lang) {
  const dir = join(work, `diagrams-${lang}`);
  cpSync(join(ROOT, 'slides'), dir, { recursive: true });
  const kinds = (n) => [
    `flowchart LR\n  A[客户来电 ${n}] --> B{能否解决}\n  B -->|能| C[当场答复]\n  B -->|不能| D[升级给主管]`,
    `sequenceDiagram\n  客户->>客服: 投诉 ${n}\n  客服->>主管: 转交\n  主管-->>客户: 回电`,
    `mindmap\n  root((服务 ${n}))\n    倾听\n    共情\n    解决`,
    `gantt\n  dateFormat HH:mm\n  axisFormat %H:%M\n  section 第${n}天\n  讲授 :a1, 09:00, 60m\n  练习 :a2, after a1, 90m`,
    `pie title 时间 ${n}\n  "讲授" : 40\n  "练习" : 60`,
  ];
  const slides = [1, 2]
    .flatMap((n) => kinds(n))
    .map((src, i) => `## 图 ${i + 1}\n\n\`\`\`${lang}\n${src}\n\`\`\`\n\n<!-- 讲解图 ${i + 1}。 -->`);
  const file = join(dir, '03-positive-mindset.md');
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  return dir;
}
const diagramCost = [];
if (process.argv.includes('--diagrams') || onlyDiagrams) {
  const decks = { mermaid: diagramDeck('mermaid'), text: diagramDeck('text') };
  for (let i = 0; i < RUNS; i++) {
    const run = {};
    for (const [lang, deck] of Object.entries(decks)) {
      const out = join(work, `out-diagrams-${lang}`);
      // Each diagram drawn afresh: the output folder's cache would otherwise keep them.
      rmSync(join(out, '.lectern-diagrams.json'), { force: true });
      run[lang] = (
        await timed(process.execPath, [CLI, 'build', deck, '--out', out, '--force', '--quiet'])
      ).seconds;
    }
    diagramCost.push(run.mermaid - run.text);
    console.log(
      `  diagrams run ${i + 1}: 10 diagrams ${run.mermaid.toFixed(2)} s, as code ${run.text.toFixed(2)} s`,
    );
  }
}

const m = (k) => median(results[k].map((r) => r.seconds));
const cpu = (k) => median(results[k].map((r) => r.cpu));
const peak = (k) => memory[k];
const ratio = (r) => (Number.isFinite(r) ? r.toFixed(3) : 'n/a');
const anchor = results.anchor.length ? m('anchor') : NaN;
const perRun = results.lectern
  .map((r, i) => (results.anchor[i] ? (r.seconds / results.anchor[i].seconds).toFixed(3) : ''))
  .filter(Boolean);
const rows = [
  ['marp-cli ×3 (HTML; PDF + outlines; PPTX), plain anchor deck, 31 slides', 'anchor', '1.00', ''],
  [
    'lectern build --force (all default outputs), the course (slides/)',
    'lectern',
    ratio(m('lectern') / anchor),
    '≤ 0.4 (stretch 0.3)',
  ],
  ['lectern build, unchanged, the course', 'unchanged', ratio(m('unchanged') / anchor), '≤ 0.05'],
  [
    "marp-cli ×3 on lectern's composed deck with the corporate theme (earlier anchor)",
    'heavy',
    ratio(m('heavy') / anchor),
    '',
  ],
];
if (results.big.length)
  rows.push([
    'lectern build --force, 310 slides',
    'big',
    `${(m('big') / m('lectern')).toFixed(2)}× of 31`,
    '≤ 10×, < 1 GiB',
  ]);
if (rows.some((row) => results[row[1]].length))
  console.log(
    '\n| what | median s | CPU s | ratio | goal | peak memory (PSS) |\n| --- | --- | --- | --- | --- | --- |',
  );
for (const [what, k, r, goal] of rows.filter((row) => results[row[1]].length))
  console.log(`| ${what} | ${m(k).toFixed(2)} | ${cpu(k).toFixed(1)} | ${r} | ${goal} | ${mib(peak(k))} |`);
if (perRun.length) console.log(`\nper-run ratios, lectern / anchor: ${perRun.join(', ')}`);
if (dev)
  console.log(
    `lectern dev, the course: save to new text on an open page, median of 9: ${dev.median.toFixed(0)} ms (first save ${dev.first.toFixed(0)} ms; goal ≤ 200 ms, stretch 100 ms)`,
  );
if (diagramCost.length)
  console.log(
    `10 mermaid diagrams add to a full build, median of ${diagramCost.length}: ${median(diagramCost).toFixed(2)} s (goal ≤ 1.5 s)`,
  );
rmSync(work, { recursive: true, force: true });
