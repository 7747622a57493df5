import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { pdfFigures, pdfHeadings } from '../helpers/pdf-structure.js';
import { startChromium } from '../helpers/chromium.js';
import { pathToFileURL } from 'node:url';
import { pdfInfo } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The three PDFs as a screen reader meets them: tagged, in the deck's language, and every
// Figure of the structure tree named: a picture by its markdown alt text, a slide shown small
// in the handout and script by the slide's title; backgrounds without words are no Figures.
const out = tempDir('lectern-a11y-pdf-');
const FORMATS = ['--format', 'pdf,handout,script'];

beforeAll(() => {
  for (const [name, dir] of [
    ['gallery', join(FIXTURES, 'gallery')],
    ['slides', join(ROOT, 'slides')],
  ] as const) {
    const r = lectern(['build', dir, '--out', join(out, name), ...FORMATS]);
    expect(r.code, r.stderr).toBe(0);
  }
});

const file = (deck: string, suffix = '') => join(out, deck, `${deck}${suffix}.pdf`);

describe('PDF tags', () => {
  it.each(['', '-handout', '-script'])(
    'gallery%s.pdf: tagged, in the deck language, and poppler reads its structure tree without an error',
    (suffix) => {
      const path = file('gallery', suffix);
      expect(pdfInfo(path).Tagged).toBe('yes');
      // Chromium writes PDF 2.0's Strong and Em, which poppler refuses unless the RoleMap maps them.
      const struct = spawnSync('pdfinfo', ['-struct', path], { encoding: 'utf8' });
      expect(struct.status).toBe(0);
      expect(struct.stderr).not.toMatch(/Syntax Error/);
      expect(struct.stdout).toMatch(/\bH[12]\b/);
      expect(readFileSync(path).toString('latin1')).toMatch(/\/Lang \(zh-CN\)/);
    },
  );
});

// The gallery's pictures, in order, as its markdown names them; its two backgrounds have no words.
const PICTURES = ['通话流程', '本季度回款柱状图', '合规徽章', '客服现场照片'];
// The gallery's slides by title; slide 8 has no heading and is named by its number.
const TITLES = [
  '电话沟通实务',
  '目录',
  '图片与图表',
  '通话流程图（SVG）',
  '本季度回款（PNG，w:400）',
  '现场照片（右侧背景）',
  '合规徽章（GIF 与 JPEG）',
  '幻灯片 8 / 19',
  '文字与结构',
  '常见客户类型',
  '记录模板',
  '一句话提醒',
  '通话四步',
  '少见字符',
  '表情与生僻字 ✅',
  '这是一个特别长的标题，用来检查标题在幻灯片上能否自动换行并保持对齐',
  '总结回顾',
  '回顾',
  '谢谢',
];
// The handout shows the content slides: no title, agenda, dividers (3, 9, 14, 17) or closing.
const CONTENT = new Set([4, 5, 6, 7, 8, 10, 11, 12, 13, 15, 16, 18]);

describe('PDF figures have alt text', () => {
  it('slides PDF: each picture a Figure with its markdown alt text, no Figure for a background', async () => {
    expect(await pdfFigures(file('gallery'))).toEqual(PICTURES.map((alt) => ({ alt, nested: false })));
  });

  it("script: each slide a Figure named by the slide's title, its pictures inside with their alt text", async () => {
    const figures = await pdfFigures(file('gallery', '-script'));
    expect(figures.filter((f) => !f.nested).map((f) => f.alt)).toEqual(TITLES);
    expect(figures.filter((f) => f.nested).map((f) => f.alt)).toEqual(PICTURES);
  });

  it('handout: each content slide a Figure named by its title, then the QR code by its caption', async () => {
    const figures = await pdfFigures(file('gallery', '-handout'));
    const content = TITLES.filter((_, i) => CONTENT.has(i + 1));
    expect(figures.filter((f) => !f.nested).map((f) => f.alt)).toEqual([...content, '扫码填写课程反馈']);
    expect(figures.filter((f) => f.nested).map((f) => f.alt)).toEqual(PICTURES);
  });

  it.each(['', '-handout', '-script'])(
    'the course: every Figure of slides%s.pdf has alt text',
    async (suffix) => {
      const figures = await pdfFigures(file('slides', suffix));
      expect(figures.filter((f) => f.alt === '')).toEqual([]);
      // The script shows every slide: one thumbnail for each page of the slides PDF.
      const slides = Number(pdfInfo(file('slides')).Pages);
      if (suffix === '-script') expect(figures.filter((f) => !f.nested)).toHaveLength(slides);
    },
  );
});

describe('PDF headings', () => {
  it("slides PDF: the structure tree's headings are the slides' headings, in order", async () => {
    const html = join(out, 'gallery-html');
    const r = lectern(['build', join(FIXTURES, 'gallery'), '--out', html, '--format', 'html', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const browser = await startChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(html, 'gallery.html')).href, { waitUntil: 'load' });
      const shown = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
        sections.flatMap((s) =>
          [...s.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
            (h.textContent ?? '').replace(/\s+/g, ''),
          ),
        ),
      );
      expect(shown.length).toBeGreaterThan(TITLES.length);
      expect(pdfHeadings(file('gallery'))).toEqual(shown);
    } finally {
      await browser.close();
    }
  });
});
