import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { inkedShare, pdfWords, renderPdfGrey } from '../helpers/pixels.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { readPptx } from '../helpers/readers.js';
import { compareSnapshot, renderPdfPngs } from '../helpers/snapshots.js';

/**
 * What a person sees, for the course deck, a deck on another topic and the gallery deck that
 * uses every construct a trainer plausibly writes: words painted, pictures decoded, and
 * slides compared with reviewed snapshots pixel by pixel.
 */
const DECKS = {
  course: join(ROOT, 'slides'),
  'other-topic': join(FIXTURES, 'other-topic'),
  gallery: join(FIXTURES, 'gallery'),
  layouts: join(FIXTURES, 'layouts'),
} as const;
type DeckName = keyof typeof DECKS;
const SNAPSHOT_DECKS: DeckName[] = ['course', 'gallery', 'layouts'];
const out = mkdtempSync(join(tmpdir(), 'lectern-visual-'));
const built = (deck: DeckName, suffix: string) =>
  join(out, deck, `${deck === 'course' ? 'slides' : deck}${suffix}`);
const runs = new Map<DeckName, ReturnType<typeof lectern>>();
let browser: Browser;

beforeAll(async () => {
  for (const [name, dir] of Object.entries(DECKS) as [DeckName, string][]) {
    // The gallery goes to all six outputs; the others to what this file reads.
    const formats = name === 'gallery' ? 'all,pptx-pictures' : 'html,pdf,handout,script';
    runs.set(name, lectern(['build', dir, '--out', join(out, name), '--format', formats]));
  }
  browser = await startChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Rendering resolution for the ink check: 9 pt header text is some 12 px tall. */
const DPI = 100;
/** Words smaller than this (slide thumbnails in the handout and script) are too small to judge. */
const MIN_HEIGHT_PT = 6;

describe.each(Object.keys(DECKS) as DeckName[])('the %s deck', (deck) => {
  it('builds without errors', () => {
    const run = runs.get(deck)!;
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.code).toBe(0);
  });

  it.each(['.pdf', '-handout.pdf', '-script.pdf'])('paints every word that its %s carries', (suffix) => {
    const pdf = built(deck, suffix);
    const pages = renderPdfGrey(pdf, DPI);
    const words = pdfWords(pdf).filter(
      (w) => w.y1 - w.y0 >= MIN_HEIGHT_PT && /[\p{L}\p{N}\p{So}]/u.test(w.text),
    );
    expect(words.length).toBeGreaterThan(20);
    const unpainted = words.filter((w) => inkedShare(pages[w.page - 1]!, w, DPI) < 0.75);
    expect(unpainted.map((w) => `page ${w.page}: ${w.text}`)).toEqual([]);
  });

  it('shows every picture decoded and no markdown or data: text on any slide of the HTML', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(built(deck, '.html')).href, { waitUntil: 'load' });
      const report = await page.evaluate(async () => {
        const sections = [...document.querySelectorAll('section')];
        const slides = [...document.querySelectorAll('svg[data-marpit-svg]')];
        const shownAsText = slides
          .map(
            (s, i) => [i + 1, [...s.querySelectorAll('section')].map((x) => x.innerText).join('\n')] as const,
          )
          .filter(([, t]) => /!\[|\]\(|data:/.test(t));
        const images = [...document.querySelectorAll('img')];
        const backgrounds = sections
          .flatMap((s) => [...s.querySelectorAll('figure')])
          .flatMap((f) => /url\("?([^")]+)"?\)/.exec(getComputedStyle(f).backgroundImage)?.[1] ?? []);
        const broken: string[] = [];
        for (const img of images) {
          await img.decode().catch(() => broken.push(`img ${img.src.slice(0, 40)}`));
          if (img.naturalWidth === 0) broken.push(`img ${img.src.slice(0, 40)} has no size`);
        }
        for (const url of backgrounds) {
          const probe = new Image();
          probe.src = url;
          await probe.decode().catch(() => broken.push(`background ${url.slice(0, 40)}`));
        }
        return {
          shownAsText: shownAsText.map(([n, t]) => `slide ${n}: ${t.slice(0, 60)}`),
          pictures: images.length + backgrounds.length,
          broken,
        };
      });
      expect(report.shownAsText).toEqual([]);
      expect(report.broken).toEqual([]);
      if (deck === 'gallery') expect(report.pictures).toBe(6);
    } finally {
      await page.close();
    }
  });

  it('declares only font faces the browser can read: an unreadable face leaves its characters to system fonts', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(built(deck, '.html')).href, { waitUntil: 'load' });
      const faces = await page.evaluate(async () => {
        const all = [...document.fonts];
        await Promise.all(all.map((f) => f.load().catch(() => undefined)));
        return all.map((f) => `${f.family} ${f.weight} ${f.unicodeRange.slice(0, 30)}: ${f.status}`);
      });
      expect(faces.length).toBeGreaterThan(1);
      expect(faces.filter((f) => !f.endsWith(': loaded'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(['course', 'gallery'] as DeckName[])('the presenter view of the %s deck', (deck) => {
  it('draws the speaker notes with the embedded font, which holds every character of them', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${pathToFileURL(built(deck, '.html')).href}?view=presenter#4`, { waitUntil: 'load' });
      await page.waitForSelector('.bespoke-marp-presenter-note-container');
      const note = await page.evaluate(async () => {
        await document.fonts.ready;
        const el = document.querySelector<HTMLElement>('.bespoke-marp-presenter-note-container')!;
        const family = getComputedStyle(el).fontFamily;
        const text = el.innerText.trim();
        // Every face of the family that covers the text is loaded and has the characters.
        await document.fonts.load(`16px 'Lectern Sans'`, text);
        return { family, text, covered: document.fonts.check(`16px 'Lectern Sans'`, text) };
      });
      expect(note.text.length).toBeGreaterThan(5);
      expect(note.family).toContain('Lectern Sans');
      expect(note.covered).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('the gallery deck, which uses every construct', () => {
  it('is clean in check: no error, no warning, no overflow', () => {
    const run = lectern(['check', DECKS.gallery, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errors: 0, warnings: 0, findings: [] });
  });

  it('reaches both PPTX files with every slide, its pictures and its notes', async () => {
    const pictures = await readPptx(built('gallery', '-pictures.pptx'));
    expect(pictures.slides).toBe(19);
    expect(pictures.notes.get(4)).toContain('draw.io');
    expect(await ooxmlErrors(built('gallery', '-pictures.pptx'))).toEqual([]);
    expect(await ooxmlErrors(built('gallery', '.pptx'))).toEqual([]);
    const editable = await readPptx(built('gallery', '.pptx'));
    expect(editable.slides).toBe(19);
    expect(editable.media).toBeGreaterThanOrEqual(4);
    expect(editable.notes.get(15)).toContain('扩展 B 区');
  });
});

describe.each(SNAPSHOT_DECKS)('snapshots of the %s deck', (deck) => {
  it('match the reviewed baselines: every slide at 640×360, the first handout and script pages', () => {
    const shots = [
      { pdf: built(deck, '.pdf'), size: [640, 360], prefix: 'slide', pages: undefined },
      { pdf: built(deck, '-handout.pdf'), size: [420, 594], prefix: 'handout', pages: { first: 1, last: 1 } },
      { pdf: built(deck, '-script.pdf'), size: [420, 594], prefix: 'script', pages: { first: 1, last: 1 } },
    ];
    const problems: string[] = [];
    let compared = 0;
    for (const shot of shots) {
      const { files, dispose } = renderPdfPngs(shot.pdf, shot.size[0]!, shot.size[1]!, shot.pages);
      try {
        files.forEach((file, i) => {
          const result = compareSnapshot(`${deck}/${shot.prefix}-${String(i + 1).padStart(2, '0')}`, file);
          compared++;
          if (result.problem) problems.push(`${result.name}: ${result.problem}`);
        });
      } finally {
        dispose();
      }
    }
    expect(compared).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
