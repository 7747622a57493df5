#!/usr/bin/env node
// How faithful each PPTX is to the slides PDF, slide by slide: the editable and the picture
// PPTX are converted by LibreOffice to PDF, every page is rendered to PNG at the slides PDF's
// size, and each is compared with the slides PDF's page (pixelmatch, threshold 0.1) as the
// share of pixels that match. Not a test: a measurement, for the decision which PPTX
// `--format pptx` should write.
//
// LibreOffice here has no CJK font; it gets the deck's Noto Sans SC (from @fontsource, as
// TTF) through a fontconfig file of its own, so no system font is installed.
//
//   npm run pptx-fidelity                   # the course, other-topic and gallery decks
//   npm run pptx-fidelity -- --keep DIR     # keep the pictures and PDFs in DIR
//   npm run pptx-fidelity -- --json         # one JSON document
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const DECKS = [
  ['course', join(ROOT, 'slides')],
  ['other-topic', join(ROOT, 'tests/fixtures/other-topic')],
  ['gallery', join(ROOT, 'tests/fixtures/gallery')],
];
const SIZE = { x: 960, y: 540 };
const args = process.argv.slice(2);
const keep = args.includes('--keep') ? resolve(args[args.indexOf('--keep') + 1]) : undefined;
const json = args.includes('--json');

const work = keep ?? mkdtempSync(join(tmpdir(), 'lectern-fidelity-'));
mkdirSync(work, { recursive: true });
try {
  const results = [];
  for (const [name, deck] of DECKS) results.push(await measureDeck(name, deck));
  if (json) console.log(JSON.stringify(results, null, 2));
  else print(results);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

async function measureDeck(name, deck) {
  const dir = join(work, name);
  const out = join(dir, 'out');
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'dist/cli/main.js'),
      'build',
      deck,
      '--out',
      out,
      '--format',
      'pdf,pptx,pptx-editable',
      '--force',
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const files = readdirSync(out);
  const pdf = join(
    out,
    files.find((f) => f.endsWith('.pdf')),
  );
  const editable = join(
    out,
    files.find((f) => f.endsWith('-editable.pptx')),
  );
  const pictures = join(
    out,
    files.find((f) => f.endsWith('.pptx') && !f.endsWith('-editable.pptx')),
  );
  const fontconfig = await deckFonts(dir, editable);
  const reference = pages(pdf, join(dir, 'pdf'));
  const measure = (pptx, label) => {
    const loDir = join(dir, `lo-${label}`);
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        loDir,
        pptx,
      ],
      {
        stdio: 'ignore',
        timeout: 300_000,
        env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      },
    );
    const got = pages(
      join(
        loDir,
        readdirSync(loDir).find((f) => f.endsWith('.pdf')),
      ),
      join(dir, label),
    );
    return reference.map((ref, i) => (got[i] ? similarity(ref, got[i]) : 0));
  };
  return {
    deck: name,
    slides: reference.length,
    editable: measure(editable, 'editable'),
    pictures: measure(pictures, 'pictures'),
  };
}

/**
 * The deck's Noto Sans SC (both weights) as TTF subsets of the PPTX's text, in a fontconfig of
 * their own. @fontsource's files name their family "Noto Sans SC Thin" (the variable font's
 * default instance); fontconfig renames it at scan time so the PPTX's "Noto Sans SC" finds it.
 */
async function deckFonts(dir, pptx) {
  const { default: subsetFont } = await import('subset-font');
  const zip = await JSZip.loadAsync(readFileSync(pptx));
  let text = ' 0123456789';
  for (const f of Object.keys(zip.files).filter((n) =>
    /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n),
  )) {
    for (const m of (await zip.file(f).async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)) text += m[1];
  }
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const pkg = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  for (const weight of [400, 700]) {
    const woff2 = readFileSync(join(pkg, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`));
    writeFileSync(
      join(fonts, `NotoSansSC-${weight}.ttf`),
      await subsetFont(woff2, [...new Set(text)].join(''), { targetFormat: 'truetype' }),
    );
  }
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <match target="scan"><test name="family"><string>Noto Sans SC Thin</string></test><edit name="family" mode="assign" binding="same"><string>Noto Sans SC</string></edit></match>\n  <cachedir>${join(dir, 'fc-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return conf;
}

/** Every page of a PDF as PNG at SIZE. */
function pages(pdf, dir) {
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-scale-to-x',
    String(SIZE.x),
    '-scale-to-y',
    String(SIZE.y),
    pdf,
    join(dir, 'p'),
  ]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(join(dir, f))));
}

/** Share of pixels that match (pixelmatch's threshold 0.1, anti-aliasing counted as matching). */
function similarity(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 0;
  const diff = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
  return 1 - diff / (a.width * a.height);
}

function print(results) {
  const pct = (v) => `${(v * 100).toFixed(1)}%`;
  const mean = (xs) => xs.reduce((n, x) => n + x, 0) / xs.length;
  console.log('pixel similarity to the slides PDF, per slide (LibreOffice → PDF → PNG at 960×540)\n');
  for (const r of results) {
    console.log(`${r.deck} (${r.slides} slides)`);
    console.log('  slide  editable  pictures');
    r.editable.forEach((e, i) =>
      console.log(
        `  ${String(i + 1).padStart(5)}  ${pct(e).padStart(8)}  ${pct(r.pictures[i]).padStart(8)}${e < r.pictures[i] - 0.02 ? '  ←' : ''}`,
      ),
    );
  }
  console.log('\n| deck | slides | editable mean | editable min | pictures mean | pictures min |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.deck} | ${r.slides} | ${pct(mean(r.editable))} | ${pct(Math.min(...r.editable))} | ${pct(mean(r.pictures))} | ${pct(Math.min(...r.pictures))} |`,
    );
}
