#!/usr/bin/env node
// How faithful each PPTX is to the slides PDF, slide by slide: the editable and the picture
// PPTX are converted by LibreOffice to PDF, every page is rendered to PNG at the slides PDF's
// size, and each is compared with the slides PDF's page (pixelmatch, threshold 0.1) as the
// share of pixels that match: the measurement behind `--format pptx` writing the editable
// PPTX. tests/visual/pptx-fidelity.test.ts holds the gallery deck to a floor.
//
// LibreOffice here has no CJK font; it gets the deck's Noto Sans SC (from @fontsource, as
// TTF) through a fontconfig file of its own, so no system font is installed.
//
//   npm run pptx-fidelity                   # the course, other-topic and gallery decks
//   npm run pptx-fidelity -- --keep DIR     # keep the pictures and PDFs in DIR
//   npm run pptx-fidelity -- --json         # one JSON document
//   npm run pptx-fidelity -- --deck gaia=tests/fixtures/themes-gaia --deck x=path/to/deck
//                                           # those decks instead (repeatable), named as given
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pptxSimilarity } from './fidelity-lib.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_DECKS = [
  ['course', join(ROOT, 'slides')],
  ['other-topic', join(ROOT, 'tests/fixtures/other-topic')],
  ['gallery', join(ROOT, 'tests/fixtures/gallery')],
];
const args = process.argv.slice(2);
const DECKS = chosenDecks(args) ?? DEFAULT_DECKS;
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

/**
 * The decks named by `--deck name=path` (each once or more), or undefined when none is: any
 * deck can be measured, a theme's fixture as well as the corporate decks.
 */
function chosenDecks(argv) {
  const decks = [];
  argv.forEach((arg, i) => {
    if (arg !== '--deck') return;
    const spec = argv[i + 1] ?? '';
    const eq = spec.indexOf('=');
    if (eq < 1 || eq === spec.length - 1) {
      console.error(`--deck wants name=path, got "${spec}"`);
      process.exit(2);
    }
    decks.push([spec.slice(0, eq), resolve(spec.slice(eq + 1))]);
  });
  return decks.length ? decks : undefined;
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
      'pdf,pptx,pptx-pictures',
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
  const pictures = join(
    out,
    files.find((f) => f.endsWith('-pictures.pptx')),
  );
  const editable = join(
    out,
    files.find((f) => f.endsWith('.pptx') && !f.endsWith('-pictures.pptx')),
  );
  const editable_ = await pptxSimilarity(editable, pdf, join(dir, 'editable'));
  const pictures_ = await pptxSimilarity(pictures, pdf, join(dir, 'pictures'));
  return {
    deck: name,
    slides: editable_.pixels.length,
    editable: editable_.pixels,
    pictures: pictures_.pixels,
    // Words of the PDF the editable PPTX draws at the same place and size (a picture has none).
    words: editable_.words,
  };
}

function print(results) {
  const pct = (v) => `${(v * 100).toFixed(1)}%`;
  const mean = (xs) => xs.reduce((n, x) => n + x, 0) / xs.length;
  console.log('pixel similarity to the slides PDF, per slide (LibreOffice → PDF → PNG at 960×540),');
  console.log('and the words the editable PPTX draws where the PDF does (within 12 pt, size within 25 %)\n');
  for (const r of results) {
    console.log(`${r.deck} (${r.slides} slides)`);
    console.log('  slide  editable  pictures  words placed');
    r.editable.forEach((e, i) => {
      const w = r.words[i];
      const missed = w.misplaced.length
        ? `  (${w.misplaced.slice(0, 4).join(' ')}${w.misplaced.length > 4 ? ' …' : ''})`
        : '';
      console.log(
        `  ${String(i + 1).padStart(5)}  ${pct(e).padStart(8)}  ${pct(r.pictures[i]).padStart(8)}  ${`${w.placed}/${w.words}`.padStart(12)}${e < r.pictures[i] - 0.02 ? '  ←' : ''}${missed}`,
      );
    });
  }
  console.log(
    '\n| deck | slides | editable mean | editable min | pictures mean | pictures min | words placed |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const placed = r.words.reduce((n, w) => n + w.placed, 0);
    const words = r.words.reduce((n, w) => n + w.words, 0);
    console.log(
      `| ${r.deck} | ${r.slides} | ${pct(mean(r.editable))} | ${pct(Math.min(...r.editable))} | ${pct(mean(r.pictures))} | ${pct(Math.min(...r.pictures))} | ${placed}/${words} (${pct(placed / words)}) |`,
    );
  }
}
