import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeck } from '../../src/scaffold/new-deck.js';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { lineBreakFaults, pdfFilesUnder } from '../helpers/line-breaks.js';
import { tempDir } from '../helpers/temp.js';
import { strictXmlParts } from '../helpers/xml-parts.js';

// The print corpus (issue 25): decks others write and decks written to be hard — bold-colon
// lists, long headings, an exercise at 4:3, a figure with a caption, wide and narrow tables,
// paragraphs that end near a line's end — at both sizes, through every typesetting check:
// `check` finds nothing (no overflow, no collision) and every line of the slides PDF, handout
// and script keeps the line-breaking rules and has no lone last character.

type Size = '16:9' | '4:3';

/** The deck with `size:` set in its deck.md. */
function sized(deck: string, size: Size): string {
  const file = join(deck, 'deck.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\nsize: "${size}"\n`));
  return deck;
}

/** A copy of a fixture deck at `size`. */
function fixtureAt(name: string, size: Size): string {
  const deck = join(tempDir('lectern-corpus-'), name);
  cpSync(join(FIXTURES, name), deck, { recursive: true });
  return sized(deck, size);
}

async function scaffoldAt(chapters: number, size: Size): Promise<string> {
  const deck = join(tempDir('lectern-corpus-'), `c${chapters}`);
  await newDeck({ dir: deck, chapters });
  return sized(deck, size);
}

const CORPUS: [string, Size, () => Promise<string> | string][] = [
  ['typesetting', '16:9', () => fixtureAt('typesetting', '16:9')],
  ['typesetting', '4:3', () => fixtureAt('typesetting', '4:3')],
  ['layouts', '16:9', () => fixtureAt('layouts', '16:9')],
  ['layouts', '4:3', () => fixtureAt('layouts', '4:3')],
  ['gallery', '16:9', () => fixtureAt('gallery', '16:9')],
  ['valid', '4:3', () => fixtureAt('valid', '4:3')],
  ['quiz', '16:9', () => fixtureAt('quiz', '16:9')],
  ['a 4-chapter scaffold', '4:3', () => scaffoldAt(4, '4:3')],
  ['a 10-chapter scaffold', '16:9', () => scaffoldAt(10, '16:9')],
];

describe('the print corpus', () => {
  it.each(CORPUS)(
    '%s at %s: check finds nothing, its PDFs keep every line-breaking rule',
    async (_, __, make) => {
      const deck = await make();
      const check = lectern(['check', deck, '--json']);
      const report = JSON.parse(check.stdout) as { errors: number; findings: { code: string }[] };
      // A scaffold's sample text is its own warning, not a typesetting one.
      expect(report.findings.filter((f) => f.code !== 'placeholder')).toEqual([]);
      expect(report.errors).toBe(0);
      const out = tempDir('lectern-corpus-out-');
      const build = lectern(['build', deck, '--format', 'pdf,handout,script', '--out', out, '--quiet']);
      expect(build.code, build.stderr).toBe(0);
      const pdfs = pdfFilesUnder(out);
      expect(pdfs).toHaveLength(3);
      expect(pdfs.flatMap(lineBreakFaults)).toEqual([]);
    },
  );
});

describe('figures and tables, measured in the HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['16:9', '4:3'] as const)(
    'at %s: the figure is centred above its caption; no table column is narrower than four characters or its text',
    async (size) => {
      const out = tempDir('lectern-corpus-html-');
      const run = lectern(['build', fixtureAt('typesetting', size), '--format', 'html', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const page = await browser.newPage();
      try {
        await page.goto(pathToFileURL(join(out, 'typesetting.html')).href, { waitUntil: 'load' });
        const figure = await page.$eval('section.figure', (s) => {
          const box = s.getBoundingClientRect();
          const img = s.querySelector('img')!.getBoundingClientRect();
          const caption = [...s.querySelectorAll(':scope > p')].find((p) => !p.querySelector('img'))!;
          const c = caption.getBoundingClientRect();
          return {
            offCentre: Math.abs(img.left + img.width / 2 - (box.left + box.width / 2)) / box.width,
            gap: c.top - img.bottom,
            align: getComputedStyle(caption).textAlign,
            inside: c.bottom <= box.bottom,
          };
        });
        expect(figure.offCentre).toBeLessThan(0.01);
        // The editable PPTX shows the caption as the slide does: centred, in its colour.
        const build = lectern(['build', fixtureAt('typesetting', size), '--format', 'pptx', '--out', out]);
        expect(build.code, build.stderr).toBe(0);
        const captionColour = await page.$eval('section.figure', (s) => {
          const caption = [...s.querySelectorAll(':scope > p')].find((p) => !p.querySelector('img'))!;
          const [r, g, b] = (getComputedStyle(caption).color.match(/\d+/g) ?? []).map(Number);
          return [r, g, b]
            .map((n) => n!.toString(16).padStart(2, '0'))
            .join('')
            .toUpperCase();
        });
        const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
        const paragraphs = [...(await strictXmlParts(join(out, 'typesetting.pptx'))).entries()]
          .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
          .flatMap(([, doc]) => [...doc.getElementsByTagNameNS(A, 'p')]);
        const caption = paragraphs.find((p) => (p.textContent ?? '').startsWith('数据来源'))!;
        expect(caption.getElementsByTagNameNS(A, 'pPr')[0]?.getAttribute('algn')).toBe('ctr');
        const colours = [...caption.getElementsByTagNameNS(A, 'srgbClr')].map((c) => c.getAttribute('val'));
        expect(colours[0]).toBe(captionColour);
        expect(figure.gap).toBeGreaterThanOrEqual(0);
        expect(figure.align).toBe('center');
        expect(figure.inside).toBe(true);
        // A cell is at least four characters wide, or as wide as its text on one line.
        const narrow = await page.$$eval('section.table :is(th, td)', (cells) =>
          cells.flatMap((cell) => {
            const style = getComputedStyle(cell);
            const content = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const probe = document.createElement('span');
            probe.style.cssText = `font: ${style.font}; white-space: nowrap; position: absolute`;
            probe.textContent = cell.textContent;
            document.body.append(probe);
            const oneLine = probe.getBoundingClientRect().width;
            probe.remove();
            return content + 0.5 < Math.min(4 * parseFloat(style.fontSize), oneLine)
              ? [cell.textContent]
              : [];
          }),
        );
        expect(narrow).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
