import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { inkedShare, pdfWords, renderPdfGrey } from '../helpers/pixels.js';
import { pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

/**
 * ```mermaid fences: one diagram of each kind the issue names (flowchart, sequence, mind map,
 * gantt, pie), with Chinese labels, built to every output and read back with real readers.
 */
const dir = tempDir('lectern-diagrams-');
const out = join(dir, 'out');
const DECK = join(FIXTURES, 'diagrams');
const FORMATS = 'all,pptx-pictures,images,share';
/** Every label the diagrams show, by the slide (1-based) that shows it. */
const LABELS: Record<number, string[]> = {
  4: ['学员提问', '讲师能否回答', '当场答复', '升级给专家'],
  5: ['学员', '客服', '专家', '来电咨询', '转接问题', '回电解答'],
  6: ['沟通', '倾听', '表达', '反馈'],
  8: ['课程时间表', '上午', '下午', '开场介绍', '倾听练习', '角色扮演'],
  9: ['课时分配', '讲授', '练习'],
};
/** Lines of the diagrams' mermaid code, which no output may hold. */
const CODE = [
  'flowchart LR',
  'B -->|能|',
  '学员->>客服',
  'sequenceDiagram',
  'root((沟通))',
  'dateFormat HH:mm',
  '"讲授" : 40',
];
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
let browser: Browser;
let build: ReturnType<typeof lectern>;

beforeAll(async () => {
  build = lectern(['build', DECK, '--out', out, '--format', FORMATS]);
  browser = await startChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A built HTML opened in Chromium: every request it makes, and what its slides show. */
async function openHtml(file: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const shown = await page.evaluate(() => ({
      diagrams: [...document.querySelectorAll('section p.lectern-diagram > svg')].map((svg) => ({
        text: svg.textContent ?? '',
        foreignObjects: svg.querySelectorAll('foreignObject').length,
        width: Number(svg.getAttribute('width')),
      })),
      text: [...document.querySelectorAll('section')].map((s) => (s as HTMLElement).innerText).join('\n'),
      code: document.querySelectorAll('code.language-mermaid, pre.mermaid').length,
    }));
    return { requests, ...shown };
  } finally {
    await page.close();
  }
}

describe('a deck with diagrams', () => {
  it('builds to every output', () => {
    expect(build.stderr).not.toMatch(/error|overflows/);
    expect(build.code).toBe(0);
  });

  for (const [name, file] of [
    ['HTML', 'diagrams.html'],
    ['share copy', 'diagrams-share.html'],
  ] as const) {
    it(`shows each diagram in the ${name} as inline SVG with its labels as SVG text, no mermaid code, no request`, async () => {
      const html = await openHtml(join(out, file));
      expect(html.diagrams).toHaveLength(5);
      for (const [i, labels] of Object.values(LABELS).entries()) {
        for (const label of labels) expect(html.diagrams[i]!.text).toContain(label);
        expect(html.diagrams[i]!.foreignObjects).toBe(0);
        expect(html.diagrams[i]!.width).toBeGreaterThan(100);
      }
      const source = readFileSync(join(out, file), 'utf8');
      for (const line of CODE) {
        expect(source.includes(line) || source.includes(escaped(line)), line).toBe(false);
        expect(html.text).not.toContain(line);
      }
      expect(html.code).toBe(0);
      expect(source).not.toMatch(/mermaid\.(min\.)?js|securityLevel/);
      // Only the file itself and its own data: URIs (fonts, pictures) are loaded: no network.
      expect(html.requests.filter((u) => !/^(data|about|blob):/.test(u))).toEqual([
        pathToFileURL(join(out, file)).href,
      ]);
    });
  }

  it('paints every label of every diagram in the slides PDF, as real text', () => {
    const pdf = join(out, 'diagrams.pdf');
    const dpi = 100;
    const pages = renderPdfGrey(pdf, dpi);
    const words = pdfWords(pdf);
    for (const [slide, labels] of Object.entries(LABELS)) {
      const onPage = words.filter((w) => w.page === Number(slide));
      for (const label of labels) {
        const word = onPage.find((w) => w.text === label);
        expect(word, `${label} on slide ${slide}`).toBeDefined();
        expect(inkedShare(pages[Number(slide) - 1]!, word!, dpi), label).toBeGreaterThanOrEqual(0.75);
      }
    }
    for (const line of CODE) expect(pdfText(pdf)).not.toContain(line);
  });

  it('keeps the labels as text in the handout and the speaker script', () => {
    for (const file of ['diagrams-handout.pdf', 'diagrams-script.pdf']) {
      const text = pdfText(join(out, file)).replace(/\s+/g, '');
      for (const label of Object.values(LABELS).flat()) expect(text, `${file}: ${label}`).toContain(label);
    }
  });

  it('places each diagram in the editable PPTX as a PNG picture with its SVG part, where the slide shows it', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'diagrams.pptx')));
    const parse = async (name: string) =>
      new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'application/xml');
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const pres = await parse('ppt/presentation.xml');
    const sldSz = pres.getElementsByTagName('p:sldSz')[0]!;
    const [slideW, slideH] = ['cx', 'cy'].map((k) => Number(sldSz.getAttribute(k)));
    const pdfWordsOf = pdfWords(join(out, 'diagrams.pdf'));
    const pageW = 960; // points: Marp's 1280 px slide
    for (const [slide, labels] of Object.entries(LABELS)) {
      const xml = await parse(`ppt/slides/slide${slide}.xml`);
      const rels = await parse(`ppt/slides/_rels/slide${slide}.xml.rels`);
      const target = (id: string) =>
        [...rels.getElementsByTagName('Relationship')]
          .find((r) => r.getAttribute('Id') === id)
          ?.getAttribute('Target');
      const pics = [...xml.getElementsByTagName('p:pic')];
      expect(pics, `slide ${slide}`).toHaveLength(1);
      const blip = pics[0]!.getElementsByTagNameNS(A, 'blip')[0]!;
      const png = target(blip.getAttributeNS(R, 'embed')!)!;
      const ext = [...blip.getElementsByTagNameNS(A, 'ext')].find(
        (e) => e.getAttribute('uri') === '{96DAC541-7B7A-43D3-8B79-37D633B846F1}',
      );
      const svgBlip = ext?.getElementsByTagNameNS(
        'http://schemas.microsoft.com/office/drawing/2016/SVG/main',
        'svgBlip',
      )[0];
      expect(svgBlip, `slide ${slide} svgBlip`).toBeDefined();
      const svgPart = target(svgBlip!.getAttributeNS(R, 'embed')!)!;
      expect(png).toMatch(/\.png$/);
      expect(svgPart).toMatch(/\.svg$/);
      const pngData = PNG.sync.read(await zip.file(`ppt/${png.replace('../', '')}`)!.async('nodebuffer'));
      const svg = new DOMParser().parseFromString(
        await zip.file(`ppt/${svgPart.replace('../', '')}`)!.async('string'),
        'image/svg+xml',
      );
      expect(svg.documentElement!.tagName).toBe('svg');
      for (const label of labels) expect(svg.documentElement!.textContent).toContain(label);
      // PowerPoint has no Lectern Sans: the SVG names the Chinese faces it has after it.
      expect(svg.getElementsByTagName('style')[0]!.textContent).toContain(
        '"Lectern Sans","Noto Sans SC","Microsoft YaHei"',
      );
      // Where the slide shows it: each label's box in the slides PDF lies inside the picture.
      const xfrm = pics[0]!.getElementsByTagNameNS(A, 'xfrm')[0]!;
      const off = xfrm.getElementsByTagNameNS(A, 'off')[0]!;
      const size = xfrm.getElementsByTagNameNS(A, 'ext')[0]!;
      const x = Number(off.getAttribute('x')) / slideW;
      const y = Number(off.getAttribute('y')) / slideH;
      const w = Number(size.getAttribute('cx')) / slideW;
      const h = Number(size.getAttribute('cy')) / slideH;
      // At least twice the size the slide shows it at, and drawn: its shapes filled, its
      // labels and lines inked (a picture that failed to draw is transparent).
      expect(pngData.width).toBeGreaterThanOrEqual(2 * w * 1280 * 0.99);
      let opaque = 0;
      let ink = 0;
      for (let i = 0; i < pngData.data.length; i += 4) {
        if (pngData.data[i + 3]! < 128) continue;
        opaque++;
        if (pngData.data[i]! + pngData.data[i + 1]! + pngData.data[i + 2]! < 3 * 110) ink++;
      }
      const pixels = pngData.width * pngData.height;
      expect(opaque / pixels, `slide ${slide} picture drawn`).toBeGreaterThan(0.05);
      expect(ink / pixels, `slide ${slide} labels and lines inked`).toBeGreaterThan(0.003);
      for (const label of labels) {
        const word = pdfWordsOf.find((v) => v.page === Number(slide) && v.text === label)!;
        const cx = (word.x0 + word.x1) / 2 / pageW;
        const cy = (word.y0 + word.y1) / 2 / ((pageW * slideH) / slideW);
        expect(cx, `${label} x`).toBeGreaterThan(x);
        expect(cx, `${label} x`).toBeLessThan(x + w);
        expect(cy, `${label} y`).toBeGreaterThan(y);
        expect(cy, `${label} y`).toBeLessThan(y + h);
      }
    }
  });

  it('shows the diagrams in the slide pictures and the picture PPTX', async () => {
    const images = join(out, 'diagrams-images');
    // The folder's marker (.lectern-output) says it is lectern's to replace.
    const names = readdirSync(images)
      .filter((n) => !n.startsWith('.'))
      .sort();
    expect(names).toHaveLength(12);
    for (const slide of Object.keys(LABELS)) {
      const png = PNG.sync.read(readFileSync(join(images, names[Number(slide) - 1]!)));
      // The diagram's strokes and fills: dark pixels in the middle band, below the title.
      let dark = 0;
      for (let y = Math.round(png.height * 0.3); y < png.height * 0.8; y++)
        for (let x = 0; x < png.width; x++) {
          const i = (y * png.width + x) * 4;
          if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 160) dark++;
        }
      expect(dark, `slide ${slide}`).toBeGreaterThan(2000);
    }
    const pictures = await JSZip.loadAsync(readFileSync(join(out, 'diagrams-pictures.pptx')));
    expect(Object.keys(pictures.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(
      12,
    );
  });

  it('draws byte-identical diagrams on a rebuild from nothing, and an unchanged diagram starts no browser', async () => {
    const again = join(dir, 'again');
    expect(lectern(['build', DECK, '--out', again, '--format', 'html']).code).toBe(0);
    expect(readFileSync(join(again, '.lectern-diagrams.json'), 'utf8')).toBe(
      readFileSync(join(out, '.lectern-diagrams.json'), 'utf8'),
    );
    expect(readFileSync(join(again, 'diagrams.html'))).toEqual(readFileSync(join(out, 'diagrams.html')));
    // The PPTX's PNGs of kept diagrams, drawn by the PPTX, are those drawn with the diagrams.
    expect(lectern(['build', DECK, '--out', again, '--format', 'pptx']).code).toBe(0);
    const pngs = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const names = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && n.endsWith('.png'));
      return Promise.all(names.sort().map(async (n) => [n, await zip.file(n)!.async('base64')]));
    };
    const drawn = await pngs(join(out, 'diagrams.pptx'));
    expect(drawn).toHaveLength(5);
    expect(await pngs(join(again, 'diagrams.pptx'))).toEqual(drawn);
    // Another slide's text changes: the HTML is rebuilt, its diagrams come from the cache.
    // The same folder name, so the same output names.
    const deck = join(dir, 'edited', 'diagrams');
    cpSync(DECK, deck, { recursive: true });
    const review = join(deck, '03-review.md');
    writeFileSync(review, readFileSync(review, 'utf8').replace('画出流程', '画出一个流程'));
    expect(lectern(['build', deck, '--out', again, '--format', 'html']).code).toBe(0);
    // No browser to be had: a build that tried to start one would fail (exit 5).
    const cached = lectern(['build', deck, '--out', again, '--format', 'html', '--force', '--quiet'], {
      env: { CHROME_PATH: join(dir, 'no-browser') },
    });
    expect(cached.stderr).not.toMatch(/browser|CHROME_PATH/);
    expect(cached.code).toBe(0);
    expect(readFileSync(join(again, 'diagrams.html'), 'utf8')).toContain('画出一个流程');
  });

  it('reports a diagram mermaid cannot read at its line in the chapter, with mermaid’s message', () => {
    const deck = join(dir, 'broken');
    cpSync(DECK, deck, { recursive: true });
    const chapter = join(deck, '01-flows.md');
    const text = readFileSync(chapter, 'utf8');
    writeFileSync(chapter, text.replace('  B -->|不能| D[升级给专家]', '  B -->|不能| D[[升级给专家'));
    const line = text.split('\n').findIndex((l) => l.includes('升级给专家')) + 1;
    const check = lectern(['check', deck]);
    expect(check.code).toBe(3);
    expect(check.stderr + check.stdout).toContain(
      `01-flows.md:${line}: error: mermaid cannot read this diagram`,
    );
    expect(check.stderr + check.stdout).toMatch(/Expecting .*got/);
    const built = lectern(['build', deck, '--out', join(dir, 'broken-out'), '--format', 'html']);
    expect(built.code).toBe(3);
    expect(built.stderr).toContain(`01-flows.md:${line}`);
    expect(() => readdirSync(join(dir, 'broken-out'))).toThrow();
  });
});
