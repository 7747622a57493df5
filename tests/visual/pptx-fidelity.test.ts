import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with `npm run pptx-fidelity`, without types.
import { pptxSimilarity } from '../../scripts/fidelity-lib.mjs';
import { FIXTURES, builtPdfAndPptx, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { pdfText } from '../helpers/readers.js';

// The editable PPTX has to look like the slides PDF, not only hold the right text. Each page,
// opened in LibreOffice, is compared with the PDF's page: pixel by pixel, and word by word
// (each word of the PDF drawn at the same place and size). These are the measurements of
// `npm run pptx-fidelity`, held here to a floor, on the gallery deck: every construct, and
// every generated slide (title, agenda, dividers, closing); and on the layouts deck, every
// training layout (case, exercise, role-play, statement, compare, checklist, split, table).

interface Words {
  words: number;
  placed: number;
  misplaced: string[];
}
const dir = tempDir('lectern-pptx-fidelity-');
let pixels: number[] = [];
let words: Words[] = [];

/** Builds a fixture deck's PDF and editable PPTX and compares them page by page. */
async function fidelity(deck: string): Promise<{ pixels: number[]; words: Words[] }> {
  const { pdf, pptx } = builtPdfAndPptx(deck, join(dir, deck, 'out'));
  expect(await ooxmlErrors(pptx)).toEqual([]);
  return (await pptxSimilarity(pptx, pdf, join(dir, deck, 'work'))) as { pixels: number[]; words: Words[] };
}

beforeAll(async () => {
  ({ pixels, words } = await fidelity('gallery'));
}, 180_000);

/** The gallery's generated slides (1-based): title, agenda, the four dividers, closing. */
const GENERATED = [1, 2, 3, 9, 14, 17, 19];

describe('the editable PPTX, seen in LibreOffice, against the slides PDF', () => {
  it('has every slide, each close to its PDF page pixel by pixel', () => {
    expect(pixels).toHaveLength(19);
    const pct = pixels.map((s, i) => `slide ${i + 1}: ${(s * 100).toFixed(1)} %`).join('\n');
    // Pictures of the slides themselves reach 95.8–99.2 % here (JPEG and font smoothing).
    expect(
      pixels.filter((s) => s < 0.95),
      pct,
    ).toEqual([]);
    expect(pixels.reduce((a, b) => a + b, 0) / pixels.length, pct).toBeGreaterThan(0.98);
  });

  it('draws the generated slides word for word where the theme draws them', () => {
    for (const n of GENERATED) {
      const w = words[n - 1]!;
      // The letter-spaced kicker (C ATA LO G U E) comes apart into letters in one PDF and not
      // the other, and LibreOffice spaces a date's digits from its Chinese: one other word may miss.
      const missed = w.misplaced.filter((t) => !/^[A-Z]{1,3}$/.test(t));
      expect(missed.length, `slide ${n}: ${w.misplaced.join(' ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('places most words of the whole deck where the PDF has them', () => {
    const placed = words.reduce((n, w) => n + w.placed, 0);
    const all = words.reduce((n, w) => n + w.words, 0);
    const report = words.map((w, i) => `slide ${i + 1}: ${w.placed}/${w.words} ${w.misplaced.join(' ')}`);
    // 164 of 200 today; text inside pictures (the SVG's labels, the chart's caption) never counts.
    expect(placed / all, report.join('\n')).toBeGreaterThan(0.78);
  });
});

describe('a 4:3 deck on another topic, as an editable PPTX', () => {
  let fourThree: Words[] = [];
  beforeAll(async () => {
    const deck = join(dir, 'four-three');
    cpSync(join(FIXTURES, 'other-topic'), deck, { recursive: true });
    const source = readFileSync(join(deck, 'deck.md'), 'utf8');
    writeFileSync(join(deck, 'deck.md'), source.replace(/^title:/m, 'size: "4:3"\ntitle:'));
    const out43 = join(dir, 'out-43');
    const run = lectern(['build', deck, '--out', out43, '--format', 'pdf,pptx']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out43);
    ({ words: fourThree } = (await pptxSimilarity(
      join(
        out43,
        files.find((f) => f.endsWith('.pptx'))!,
      ),
      join(
        out43,
        files.find((f) => f.endsWith('.pdf'))!,
      ),
      join(dir, 'work-43'),
    )) as { words: Words[] });
  }, 180_000);

  it('places its words where the 4:3 PDF has them, header, footer and generated slides included', () => {
    const placed = fourThree.reduce((n, w) => n + w.placed, 0);
    const all = fourThree.reduce((n, w) => n + w.words, 0);
    const report = fourThree.map((w, i) => `slide ${i + 1}: ${w.placed}/${w.words} ${w.misplaced.join(' ')}`);
    // 273 of 282 today.
    expect(placed / all, report.join('\n')).toBeGreaterThan(0.93);
  });
});

describe('a scaffold of four chapters (`lectern new --chapters 4`), as an editable PPTX', () => {
  let scaffold: Words[] = [];
  beforeAll(async () => {
    const deck = join(dir, 'scaffold-4');
    expect(lectern(['new', deck, '--chapters', '4']).code).toBe(0);
    const out4 = join(dir, 'out-scaffold-4');
    const run = lectern(['build', deck, '--out', out4, '--format', 'pdf,pptx']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out4);
    const pick = (ext: string) =>
      join(
        out4,
        files.find((f) => f.endsWith(ext))!,
      );
    ({ words: scaffold } = (await pptxSimilarity(
      pick('.pptx'),
      pick('.pdf'),
      join(dir, 'work-scaffold-4'),
    )) as {
      words: Words[];
    });
  }, 180_000);

  it("places every word of each chapter's slide, its header (01 · 第 1 章) on one line", () => {
    // Slides 4, 6, 8, 10: each chapter's slide of point cards, after its divider.
    for (const n of [4, 6, 8, 10]) {
      const w = scaffold[n - 1]!;
      expect(w.placed, `slide ${n}: ${w.placed}/${w.words} ${w.misplaced.join(' ')}`).toBe(w.words);
    }
  });
});

/** The layouts deck's training-layout slides (1-based), by layout. */
const LAYOUT_SLIDES = {
  case: 8,
  exercise: 9,
  roleplay: 11,
  statement: 12,
  compare: 13,
  checklist: 14,
  split: 15,
  table: 16,
};

describe('the training layouts in the editable PPTX, against the slides PDF', () => {
  let layouts: { pixels: number[]; words: Words[] } = { pixels: [], words: [] };
  beforeAll(async () => {
    layouts = await fidelity('layouts');
  }, 180_000);

  it('draws every training layout word for word where the theme draws it', () => {
    expect(layouts.words).toHaveLength(20);
    for (const [layout, n] of Object.entries(LAYOUT_SLIDES)) {
      const w = layouts.words[n - 1]!;
      // LibreOffice spaces digits from Chinese (每轮 5 分钟): one word may miss.
      expect(
        w.words - w.placed,
        `${layout} (slide ${n}): ${w.placed}/${w.words} ${w.misplaced.join(' ')}`,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('keeps each training layout close to its PDF page pixel by pixel', () => {
    for (const [layout, n] of Object.entries(LAYOUT_SLIDES))
      expect(layouts.pixels[n - 1], `${layout} (slide ${n})`).toBeGreaterThan(0.96);
  });
});

describe('training slides beyond the layouts deck: a nested list, a formula in a step', () => {
  let shown: { pixels: number[]; words: Words[] } = { pixels: [], words: [] };
  let page = -1;
  let formulaPage = -1;
  beforeAll(async () => {
    const deck = join(dir, 'nested');
    cpSync(join(FIXTURES, 'layouts'), deck, { recursive: true });
    const chapter = join(deck, '02-practice.md');
    writeFileSync(
      chapter,
      `${readFileSync(chapter, 'utf8')}\n---\n\n<!-- _class: exercise -->\n\n## 分组练习\n\n- 阅读案例\n  - 标出客户的三个顾虑\n- 写出你的回应\n\n<!-- minutes: 10 -->\n` +
        `\n---\n\n<!-- _class: exercise -->\n\n## 计算练习\n\n- 先算出 $r = \\frac{a}{b}$ 的值\n- 再比较两组的结果\n\n<!-- minutes: 10 -->\n`,
    );
    const out = join(dir, 'out-nested');
    const run = lectern(['build', deck, '--out', out, '--format', 'pdf,pptx']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out);
    const pdf = join(
      out,
      files.find((f) => f.endsWith('.pdf'))!,
    );
    shown = (await pptxSimilarity(
      join(
        out,
        files.find((f) => f.endsWith('.pptx'))!,
      ),
      pdf,
      join(dir, 'work-nested'),
    )) as typeof shown;
    page = shown.pixels.findIndex((_, i) => pdfText(pdf, i + 1).includes('分组练习'));
    formulaPage = shown.pixels.findIndex((_, i) => pdfText(pdf, i + 1).includes('计算练习'));
  }, 180_000);

  it('keeps the words after a formula in a step where the PDF has them: its space is as wide as it', () => {
    // The formula's picture lies over a no-break space spaced to its width; without the space,
    // 的值 slid under the picture.
    expect(formulaPage).toBeGreaterThan(0);
    const w = shown.words[formulaPage]!;
    expect(w.misplaced, `${w.placed}/${w.words}`).toEqual([]);
  });

  it('draws its cards as the slides document shows them, not a bare list', () => {
    // Two top-level steps, three list items: the measurement is drawn, cards and numbers.
    expect(page).toBeGreaterThan(0);
    const w = shown.words[page]!;
    expect(w.placed / w.words, `${w.placed}/${w.words} ${w.misplaced.join(' ')}`).toBeGreaterThan(0.8);
    expect(shown.pixels[page]).toBeGreaterThan(0.97);
  });
});
