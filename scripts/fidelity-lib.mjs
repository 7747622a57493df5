// How closely a PPTX, opened in LibreOffice, looks like the slides PDF: shared by
// `npm run pptx-fidelity` (the figures for every deck) and the fidelity test (a floor).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const require = createRequire(import.meta.url);
export const SIZE = { x: 960, y: 540 };

/**
 * Each page of `pptx` through LibreOffice against the PDF's: the share of matching pixels, and
 * the words drawn at the same place and size (wordPlacement).
 */
export async function pptxSimilarity(pptx, pdf, work) {
  const fontconfig = await deckFonts(work, pptx);
  const reference = pages(pdf, join(work, 'pdf'));
  const loDir = join(work, 'lo');
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      loDir,
      pptx,
    ],
    { stdio: 'ignore', timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: fontconfig } },
  );
  const converted = readdirSync(loDir).find((f) => f.endsWith('.pdf'));
  const got = pages(join(loDir, converted), join(work, 'pptx'));
  return {
    pixels: reference.map((ref, i) => (got[i] ? similarity(ref, got[i]) : 0)),
    words: wordPlacement(pdf, join(loDir, converted)),
  };
}

/**
 * The deck's Noto Sans SC (both weights) as TTF subsets of the PPTX's text, in a fontconfig of
 * their own. @fontsource's files name their family "Noto Sans SC Thin" (the variable font's
 * default instance); fontconfig renames it at scan time so the PPTX's "Noto Sans SC" finds it.
 */
export async function deckFonts(dir, pptx) {
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
export function pages(pdf, dir) {
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
export function similarity(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 0;
  const diff = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
  return 1 - diff / (a.width * a.height);
}

/** Words with their boxes per page, from `pdftotext -bbox`, in points of a page 960 points wide. */
function pdfWordBoxes(pdf) {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = [];
  let k = 1;
  for (const m of xhtml.matchAll(
    /<page width="([\d.]+)"[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) {
      // A 4:3 slides PDF is 720 points wide, its PPTX 960: both are compared at 960.
      k = 960 / Number(m[1]);
      pages.push([]);
    } else {
      const [x0, y0, x1, y1] = [m[2], m[3], m[4], m[5]].map((v) => Number(v) * k);
      pages.at(-1).push({ text: m[6], cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, h: y1 - y0 });
    }
  }
  return pages;
}

/**
 * How far a word may move (PDF points, on a 960-point-wide page), or a share of its height for
 * large words: Chromium and LibreOffice put a word's box a different share of its size above
 * the baseline (a fit heading 235 points high has its centre 21 points apart in the two PDFs
 * with its glyphs on the same pixels); and how much its size may change.
 */
const NEAR = 12;
const NEAR_SHARE = 0.12;
const SIZE_RATIO = [0.8, 1.25];

/**
 * Per page of `reference`, the words (letters or digits) that `other` draws at the same place
 * and size: a word counts when the other PDF has the same word with its centre within NEAR
 * points (NEAR_SHARE of its height, when more) and its height within SIZE_RATIO. Text drawn as a picture in `other` does not count.
 */
export function wordPlacement(reference, other) {
  const got = pdfWordBoxes(other);
  return pdfWordBoxes(reference).map((words, p) => {
    const mine = words.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
    const misplaced = [];
    for (const w of mine) {
      const near = (got[p] ?? []).some(
        (o) =>
          o.text === w.text &&
          Math.hypot(o.cx - w.cx, o.cy - w.cy) < Math.max(NEAR, NEAR_SHARE * w.h) &&
          o.h / w.h > SIZE_RATIO[0] &&
          o.h / w.h < SIZE_RATIO[1],
      );
      if (!near) misplaced.push(w.text);
    }
    return { words: mine.length, placed: mine.length - misplaced.length, misplaced };
  });
}
