import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { PNG } from 'pngjs';
import type * as CssTree from 'css-tree';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with `npm run pptx-fidelity`, without types.
import { pptxSimilarity } from '../../scripts/fidelity-lib.mjs';
import { ROOT, builtPdfAndPptx } from '../helpers/cli.js';
import { pptxOutline } from '../helpers/readers.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { renderPdfGrey, type Grey } from '../helpers/pixels.js';
import { tempDir } from '../helpers/temp.js';
import { strictXmlParts } from '../helpers/xml-parts.js';

// The editable PPTX of a deck in a theme other than lectern's, opened in LibreOffice, against
// its slides PDF: Marp's default, gaia and uncover themes and a theme of the deck's own
// (tests/fixtures/themes-*). Its look has to come from what the browser shows of that theme:
// close to the PDF pixel by pixel and word by word, dark where the PDF is dark, and nothing of
// the corporate theme's palette.

const P_NS = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';

const { parse, walk } = createRequire(import.meta.url)('css-tree') as typeof CssTree;

interface Words {
  words: number;
  placed: number;
  misplaced: string[];
}
interface Measured {
  pptx: string;
  pdf: string;
  /** LibreOffice's rendering of the PPTX as PDF. */
  shown: string;
  pixels: number[];
  words: Words[];
}

/**
 * Floors a little under what each deck measures today (2026-12-03, later: pixel mean / lowest slide,
 * words placed): default 99.6 / 99.1 %, 123 of 128; gaia 99.5 / 99.1 %, 102 of 102; uncover
 * 99.0 / 98.1 %, 115 of 118; custom 98.6 / 97.4 %, 112 of 112 (its theme names no font: the
 * PPTX names the faces the browser drew, DejaVu Sans and DejaVu Sans Mono here). Words: the
 * 95 % the any-theme issue asks of every deck.
 */
const FLOORS: Record<string, { mean: number; lowest: number; words: number }> = {
  'themes-default': { mean: 0.99, lowest: 0.98, words: 0.95 },
  'themes-gaia': { mean: 0.99, lowest: 0.98, words: 0.95 },
  'themes-uncover': { mean: 0.985, lowest: 0.97, words: 0.95 },
  'themes-custom': { mean: 0.98, lowest: 0.965, words: 0.95 },
};
const DECKS = Object.keys(FLOORS);

const dir = tempDir('lectern-pptx-themes-');
const measured = new Map<string, Measured>();

beforeAll(async () => {
  for (const deck of DECKS) {
    const { pdf, pptx } = builtPdfAndPptx(deck, join(dir, deck, 'out'));
    const work = join(dir, deck, 'work');
    const { pixels, words } = (await pptxSimilarity(pptx, pdf, work)) as Omit<
      Measured,
      'pptx' | 'pdf' | 'shown'
    >;
    const lo = join(work, 'lo');
    const shown = join(
      lo,
      readdirSync(lo).find((f) => f.endsWith('.pdf'))!,
    );
    measured.set(deck, { pptx, pdf, shown, pixels, words });
  }
}, 420_000);

const pct = (xs: number[]) => xs.map((s, i) => `slide ${i + 1}: ${(s * 100).toFixed(1)} %`).join('\n');

describe.each(DECKS)('the editable PPTX of %s, seen in LibreOffice', (deck) => {
  it('is close to the slides PDF pixel by pixel, on average and on every slide', () => {
    const { pixels } = measured.get(deck)!;
    const mean = pixels.reduce((a, b) => a + b, 0) / pixels.length;
    expect(mean, pct(pixels)).toBeGreaterThan(FLOORS[deck]!.mean);
    expect(Math.min(...pixels), pct(pixels)).toBeGreaterThan(FLOORS[deck]!.lowest);
  });

  it('places the words where the slides PDF has them', () => {
    const { words } = measured.get(deck)!;
    const placed = words.reduce((n, w) => n + w.placed, 0);
    const all = words.reduce((n, w) => n + w.words, 0);
    const report = words.map((w, i) => `slide ${i + 1}: ${w.placed}/${w.words} ${w.misplaced.join(' ')}`);
    expect(placed / all, report.join('\n')).toBeGreaterThan(FLOORS[deck]!.words);
  });

  it('draws no slide as a picture of itself: every slide with words has them as text where the PDF has them', () => {
    // Formulas, filtered and stacked backgrounds and fit headings are in these decks: each is
    // pictured alone, or measured, with the slide's words native around it.
    const { words } = measured.get(deck)!;
    const pictured = words.flatMap((w, i) =>
      w.words && w.placed < w.words / 2 ? [`slide ${i + 1}: ${w.placed}/${w.words}`] : [],
    );
    expect(pictured).toEqual([]);
  });

  it("titles every slide in a title placeholder: the outline reads each chapter's headings in order", async () => {
    const outline = await pptxOutline(measured.get(deck)!.pptx);
    expect(outline).toHaveLength(measured.get(deck)!.pixels.length);
    expect(outline.every((t) => t?.trim())).toBe(true);
    // Each chapter slide's first heading, as Marp's parser reads the chapter's markdown.
    const chapters = readdirSync(join(ROOT, 'tests/fixtures', deck)).filter((f) => /^\d\d-.*\.md$/.test(f));
    const headings = chapters.flatMap((f) =>
      slideHeadings(readFileSync(join(ROOT, 'tests/fixtures', deck, f), 'utf8')),
    );
    expect(headings.length).toBeGreaterThan(3);
    const content = outline.filter((t) => headings.includes(t!));
    expect(content).toEqual(headings);
    // Each the heading the slide shows, not a stand-in above its top edge (pptx-decorative.ts).
    const above: string[] = [];
    for (const [name, doc] of await strictXmlParts(measured.get(deck)!.pptx)) {
      if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
      const title = [...doc.getElementsByTagNameNS(P_NS, 'sp')].find((sp) =>
        [...sp.getElementsByTagNameNS(P_NS, 'ph')].some((ph) => /title/i.test(ph.getAttribute('type') ?? '')),
      );
      const y = Number(title?.getElementsByTagNameNS(A_NS, 'off')[0]?.getAttribute('y') ?? -1);
      if (y < 0) above.push(name);
    }
    expect(above).toEqual([]);
  });

  it('is dark where the slides PDF is dark, and light where it is light', () => {
    const { pdf, shown } = measured.get(deck)!;
    const mean = (p: Grey) => p.data.reduce((n, v) => n + v, 0) / p.data.length;
    const dark = (pages: Grey[]) => pages.map((p) => mean(p) < 110);
    const expected = dark(renderPdfGrey(pdf, 10));
    // Every deck has a dark slide (`_backgroundColor`, `invert`): the test would prove nothing without one.
    expect(expected).toContain(true);
    expect(dark(renderPdfGrey(shown, 10))).toEqual(expected);
  });

  it('passes the Open XML SDK validator with no error', async () => {
    expect(await ooxmlErrors(measured.get(deck)!.pptx)).toEqual([]);
  });
});

/** Each slide's first heading, as Marp's markdown parser reads a chapter (its front matter and comments left out). */
function slideHeadings(markdown: string): string[] {
  const tokens = new Marp().markdown.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
  const found: string[] = [];
  let slide = -1;
  tokens.forEach((t, i) => {
    if (t.type === 'marpit_slide_open') slide++;
    if (t.type !== 'heading_open' || found.length > slide) return;
    const text = (tokens[i + 1]?.children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'code_inline')
      .map((c) => c.content)
      .join('')
      .trim();
    found.push(text);
  });
  return found;
}

/** `RRGGBB` for each #rgb / #rrggbb written in a stylesheet, read by css-tree. */
function hexColours(css: string): Set<string> {
  const found = new Set<string>();
  // Custom properties too: themes keep their palettes in them (`--color-canvas-default: #fff`).
  walk(parse(css, { parseCustomProperty: true }), (node) => {
    if (node.type !== 'Hash' || ![3, 6].includes(node.value.length)) return;
    const v = node.value.length === 3 ? [...node.value].map((d) => d + d).join('') : node.value;
    found.add(v.toUpperCase());
  });
  return found;
}

describe("a default-theme deck's editable PPTX", () => {
  it("holds none of the corporate theme's colours that Marp's default theme does not have too", async () => {
    const own = hexColours(new Marp().themeSet.get('default')!.css);
    const corporate = [...hexColours(readFileSync(join(ROOT, 'themes/corporate.css'), 'utf8'))].filter(
      (c) => !own.has(c),
    );
    expect(corporate.length).toBeGreaterThan(3);
    const found: string[] = [];
    for (const [name, doc] of await strictXmlParts(measured.get('themes-default')!.pptx)) {
      if (!/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) continue;
      for (const el of [...doc.getElementsByTagName('a:srgbClr')]) {
        const val = (el.getAttribute('val') ?? '').toUpperCase();
        if (corporate.includes(val)) found.push(`${name}: ${val}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('what another theme paints, in its editable PPTX as LibreOffice shows it', () => {
  /** Pixels of slide `n`'s page (960 × 540) within `box` whose colour is within 3 of `hex`. */
  const painted = (deck: string, shown: 'pdf' | 'pptx', n: number, hex: string, box: number[]) => {
    const png = PNG.sync.read(
      readFileSync(join(dir, deck, 'work', shown, `p-${String(n).padStart(2, '0')}.png`)),
    );
    const want = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [x0, y0, x1, y1] = box as [number, number, number, number];
    let count = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * png.width + x) * 4;
        if (want.every((v, c) => Math.abs(png.data[i + c]! - v) <= 3)) count++;
      }
    return count;
  };
  it.each([
    // harbour.css's rule under a heading (`border-bottom`), on a split slide and on a table slide.
    ['themes-custom', 5, 'E07A5F', [40, 95, 420, 120], 600],
    ['themes-custom', 9, 'E07A5F', [40, 95, 900, 120], 1500],
    // And on the chapter divider lectern generates.
    ['themes-custom', 3, 'E07A5F', [40, 255, 900, 285], 1500],
    // Raw HTML: two `<div>` cards in a scoped grid, and an inline `<mark>`.
    ['themes-custom', 10, 'FFFFFF', [70, 130, 460, 320], 30000],
    ['themes-custom', 10, 'FFFF00', [740, 215, 860, 260], 300],
    // Uncover paints a code block's `code`, not its `pre`: the box is the code's.
    ['themes-uncover', 6, 'F2F1F4', [300, 235, 650, 262], 4000],
    // Uncover's page-number corner, the section's `::after` painted with a gradient.
    ['themes-uncover', 6, 'F1F0F4', [880, 470, 960, 540], 3000],
  ])('%s slide %i: %s where the slides PDF paints it', (deck, n, hex, box, least) => {
    const inPdf = painted(deck, 'pdf', n, hex, box);
    expect(inPdf).toBeGreaterThan(least);
    expect(painted(deck, 'pptx', n, hex, box)).toBeGreaterThan(inPdf * 0.8);
  });
});

describe("another theme's painted background under the slides lectern generates", () => {
  it("is the gradient background of gaia's title, agenda and divider, and of every slide of it", async () => {
    const parts = await strictXmlParts(measured.get('themes-gaia')!.pptx);
    const slides = [...parts].filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides).toHaveLength(11);
    for (const [name, doc] of slides) {
      const bg = doc.getElementsByTagNameNS(P_NS, 'bg')[0];
      // Gaia's `linear-gradient(135deg, …)` (its page colour a shade darker at the middle): a
      // gradient fill a colleague can edit, or the picture of a slide whose `![bg]` pictures
      // are baked with it.
      const fill =
        bg?.getElementsByTagNameNS(A_NS, 'gradFill')[0] ?? bg?.getElementsByTagNameNS(A_NS, 'blipFill')[0];
      expect(fill, name).toBeDefined();
      if (fill?.localName === 'gradFill') {
        expect(fill.getElementsByTagNameNS(A_NS, 'lin')[0]?.getAttribute('ang'), name).toBe('2700000');
        const stops = [...fill.getElementsByTagNameNS(A_NS, 'srgbClr')];
        expect(stops.length, name).toBe(4);
        // Opaque: a translucent stop is blended over the slide's colour, as CSS paints it.
        expect(
          stops.filter((c) => c.getElementsByTagNameNS(A_NS, 'alpha').length),
          name,
        ).toEqual([]);
      }
      // Outside the shape tree: the title is still the first shape read.
      const tree = doc.getElementsByTagNameNS(P_NS, 'spTree')[0]!;
      const first = [...tree.childNodes].find((c) =>
        ['sp', 'pic', 'graphicFrame'].includes((c as Element).localName ?? ''),
      ) as Element;
      expect(first.getElementsByTagNameNS(P_NS, 'ph')[0]?.getAttribute('type'), name).toMatch(
        /^(title|ctrTitle)$/,
      );
    }
  });
});

describe("formulas in another theme's editable PPTX", () => {
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const slideWith = async (deck: string, text: string) =>
    [...(await strictXmlParts(measured.get(deck)!.pptx))].find(
      ([name, doc]) =>
        /^ppt\/slides\/slide\d+\.xml$/.test(name) && (doc.documentElement.textContent ?? '').includes(text),
    )?.[1];

  it('pictures each formula alone, named by its TeX, the text around it native', async () => {
    const doc = (await slideWith('themes-default', 'Talk for at most'))!;
    const named = [...doc.getElementsByTagNameNS(P, 'pic')].map((pic) =>
      pic.getElementsByTagNameNS(P, 'cNvPr')[0]?.getAttribute('descr'),
    );
    expect(named).toEqual(['\\frac{1}{3}', 't_{\\text{listen}} = 2 \\times t_{\\text{talk}}']);
    // The inline formula's place in its line: a no-break space spaced out to the formula's width.
    const runs = [...doc.getElementsByTagNameNS(A, 'r')];
    const at = runs.findIndex((r) => r.textContent === '\u00a0');
    expect(runs[at - 1]?.textContent).toBe('Talk for at most ');
    expect(runs[at + 1]?.textContent).toBe(' of the time and listen for the rest.');
    const spc = Number(runs[at]!.getElementsByTagNameNS(A, 'rPr')[0]?.getAttribute('spc'));
    // \frac{1}{3} at the default theme's 35 px is some 20 px wide: 15 pt of spacing or so.
    expect(spc).toBeGreaterThan(500);
    expect(spc).toBeLessThan(3000);
  });

  it('pictures a formula in a theme of its own, on a slide with a filtered split background', async () => {
    const doc = (await slideWith('themes-custom', 'The cost of a complaint is'))!;
    const named = [...doc.getElementsByTagNameNS(P, 'pic')].map(
      (pic) => pic.getElementsByTagNameNS(P, 'cNvPr')[0]?.getAttribute('descr') ?? '',
    );
    expect(named.filter((d) => d.includes('\\times') || d === 'n')).toEqual(['c = n \\times t', 'n']);
  });
});

describe("code in another theme's editable PPTX", () => {
  // Each deck's first fence, how it starts, and a string literal in it.
  const FENCES: [deck: string, start: string, literal: string][] = [
    ['themes-gaia', "note('late'", "'late'"],
    ['themes-default', 'const question', "'why?'"],
    ['themes-uncover', 'const owner', "'Ada'"],
  ];
  it.each(FENCES)(
    "keeps the highlighter's colours in %s: a string in its own colour",
    async (deck, start, literal) => {
      const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
      const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
      const colourOf = (run: Element) =>
        run.getElementsByTagNameNS(A, 'srgbClr')[0]?.getAttribute('val') ?? '';
      const frames = [...(await strictXmlParts(measured.get(deck)!.pptx))]
        .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .flatMap(([, doc]) => [...doc.getElementsByTagNameNS(P, 'sp')])
        .map((sp) => [...sp.getElementsByTagNameNS(A, 'r')])
        .filter((runs) =>
          runs
            .map((r) => r.textContent)
            .join('')
            .startsWith(start),
        );
      expect(frames).toHaveLength(1);
      const runs = frames[0]!;
      const string = runs.find((r) => (r.textContent ?? '').includes(literal));
      expect(string).toBeDefined();
      expect(colourOf(string!)).not.toBe(colourOf(runs[0]!));
      expect(new Set(runs.map(colourOf)).size).toBeGreaterThanOrEqual(2);
    },
  );
});
