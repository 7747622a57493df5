import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { pdfInfo, pdfText, libreOfficePdf } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

// The gallery deck uses every construct lectern supports: its editable PPTX must hold each
// one natively, so a colleague can edit every table cell, code line and bullet.

const dir = tempDir('lectern-gallery-pptx-');
const out = join(dir, 'out');
const file = join(out, 'gallery.pptx');
let zip: JSZip;
let run: ReturnType<typeof lectern>;

const xml = (name: string) => zip.file(name)!.async('string');
const slideNames = () =>
  Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => num(a) - num(b));
const num = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
const texts = (x: string) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!);
/** A slide whose text holds the given words. */
async function slideWith(words: string): Promise<{ name: string; xml: string; rels: string }> {
  for (const name of slideNames()) {
    const x = await xml(name);
    if (texts(x).join('').includes(words))
      return {
        name,
        xml: x,
        rels: await xml(name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels')),
      };
  }
  throw new Error(`no slide says ${words}`);
}
const media = (rels: string) => [...rels.matchAll(/Target="\.\.\/media\/([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  run = lectern(['build', join(FIXTURES, 'gallery'), '--out', out, '--format', 'pptx']);
  zip = await JSZip.loadAsync(readFileSync(file));
});

describe('the gallery deck as an editable PPTX', () => {
  it('builds with no slide left as a picture of itself', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/the editable PPTX shows it as a picture/);
  });

  it('has no error in the Open XML SDK validator', async () => {
    expect(await ooxmlErrors(file)).toEqual([]);
  });

  it('holds each picture once, however many slides show it, and every slide finds its pictures', async () => {
    const parts = Object.keys(zip.files).filter((n) => /^ppt\/media\/[^/]+$/.test(n));
    const bytes = await Promise.all(parts.map((n) => zip.file(n)!.async('nodebuffer')));
    const distinct = new Set(bytes.map((b) => b.toString('base64')));
    expect(distinct.size).toBe(parts.length);
    // The gallery shows its photo on two slides: without the one copy, two parts hold it.
    const shown = (
      await Promise.all(
        slideNames().map(async (n) =>
          media(await xml(n.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'))),
        ),
      )
    ).flat();
    expect(shown.length).toBeGreaterThan(parts.length);
    for (const target of shown) expect(parts).toContain(`ppt/media/${target}`);
  });

  it('shows an SVG drawing as a PNG picture where the slide shows it, and an SVG background whole', async () => {
    const flow = await slideWith('通话流程图');
    expect(media(flow.rels).map((m) => m.split('.').pop())).toEqual(['png']);
    const pic = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(flow.xml)!;
    // Below the heading and inside the slide, as the PDF shows it.
    expect(Number(pic[2]) / 914400).toBeGreaterThan(1.2);
    expect((Number(pic[1]) + Number(pic[3])) / 914400).toBeLessThan(13.34);
    const alone = await xml('ppt/slides/slide8.xml');
    expect((alone.match(/<p:pic>/g) ?? []).length).toBe(1);
    expect(texts(alone).join('')).not.toMatch(/流程/);
  });

  it('holds the table as a native table with a cell per value, header in the brand colour', async () => {
    const s = await slideWith('暂时困难型');
    expect(s.xml).toContain('<a:tbl>');
    const cells = [...s.xml.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((m) => texts(m[0]).join(''));
    expect(cells).toEqual([
      '类型',
      '特征',
      '沟通重点',
      '暂时困难型',
      '有还款意愿，收入中断',
      '共同制定分期方案',
      '情绪激动型',
      '语气急躁，容易争执',
      '先共情，再谈方案',
      '拖延观望型',
      '反复承诺，迟迟不还',
      '明确时间节点',
    ]);
    expect(s.xml).toMatch(/<a:tcPr[^>]*>[\s\S]*?<a:srgbClr val="0B3D6E"/);
  });

  it('holds the code block as monospace text on the code background, line by line', async () => {
    const s = await slideWith('日期：2026-12-01');
    const frame = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*日期：2026-12-01[\s\S]*?<\/p:sp>/.exec(s.xml)![0];
    expect(texts(frame).join('\n')).toBe(
      '日期：2026-12-01\n客户：张先生（尾号 1234）\n结果：承诺 12 月 15 日前还款 500 元\n下次跟进：12 月 16 日',
    );
    // The face the browser draws the theme's code in (corporate.css names none: the generic
    // monospace, fontconfig's choice), as the slides PDF shows it.
    const mono = execFileSync('fc-match', ['-f', '%{family[0]}', 'monospace'], { encoding: 'utf8' });
    expect(frame).toContain(`<a:latin typeface="${mono}"`);
    expect(frame).toContain('<a:ea typeface="Noto Sans SC"');
    expect(frame).toMatch(/<a:solidFill><a:srgbClr val="F2F5F9"/);
    expect(s.xml).not.toMatch(/<p:pic>/);
  });

  it('keeps bold, italic and struck runs, numbers and nested bullets, and the link as a hyperlink', async () => {
    const s = await slideWith('通话四步');
    expect(s.xml).toMatch(/<a:rPr[^>]*\bb="1"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>开场：?<\/a:t>/);
    expect(s.xml).toMatch(/<a:rPr[^>]*\bi="1"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>核实身份<\/a:t>/);
    expect(s.xml).toMatch(/<a:rPr[^>]*\bstrike="sngStrike"[^>]*>(?:(?!<\/a:r>)[\s\S])*<a:t>不要打断<\/a:t>/);
    expect(s.xml).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="4"\/>/);
    expect(s.xml).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>[\s\S]*?<a:buChar/);
    const link = /<a:hlinkClick r:id="(rId\d+)"/.exec(s.xml);
    expect(link).not.toBeNull();
    expect(s.rels).toMatch(
      new RegExp(
        `Id="${link![1]}"[^>]*Target="https://example.com/handbook"[^>]*TargetMode="External"|Target="https://example.com/handbook"[^>]*Id="${link![1]}"`,
      ),
    );
    // One paragraph per item: the runs of an item share it.
    expect((s.xml.match(/<a:pPr\b/g) ?? []).length).toBe((s.xml.match(/<a:p>/g) ?? []).length);
  });

  it("places the pictures as pictures, both of a row of two, the sized chart at Marp's width", async () => {
    const chart = await slideWith('柱状图按月展示回款金额');
    expect(media(chart.rels).filter((m) => /\.png$/.test(m))).toHaveLength(1);
    const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(chart.xml)!;
    // w:400 of a 1280-pixel slide: 400/1280 of 13.333 in, in EMU.
    expect(Number(ext[1]) / 914400).toBeCloseTo((400 / 1280) * 13.333, 1);
    const badges = await slideWith('合规徽章');
    expect(media(badges.rels).map((m) => m.split('.').pop())).toEqual(
      expect.arrayContaining(['gif', 'jpeg']),
    );
    expect((badges.xml.match(/<p:pic>/g) ?? []).length).toBe(2);
  });

  it('has speaker notes on every slide', async () => {
    const names = slideNames();
    expect(names).toHaveLength(19);
    for (const name of names) {
      const rels = await xml(name.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'));
      const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)![1]!;
      const said = texts(await xml(`ppt/notesSlides/${notes}`))
        .join('')
        .replace(/^\d+$|\d+$/, '');
      expect(said.trim().length, `${name} has no notes`).toBeGreaterThan(3);
    }
  });

  it('opens in LibreOffice Impress with every slide and the table and code as text', () => {
    const pdf = libreOfficePdf(file, dir);
    expect(pdfInfo(pdf).Pages).toBe('19');
    expect(pdfText(pdf, 11)).toMatch(/2026-12-01/);
    expect(pdfText(pdf, 13)).toMatch(/1\.[\s\S]*2\.[\s\S]*3\.[\s\S]*4\./);
    // The closing slide's feedback QR code is drawn as a vector shape and scans.
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      '19',
      '-l',
      '19',
      '-singlefile',
      pdf,
      join(dir, 'closing'),
    ]);
    const page = PNG.sync.read(readFileSync(join(dir, 'closing.png')));
    const right = { w: Math.round(page.width / 3), h: Math.round(page.height / 2) };
    const crop = new Uint8ClampedArray(right.w * right.h * 4);
    for (let y = 0; y < right.h; y++) {
      const from = ((page.height - right.h + y) * page.width + (page.width - right.w)) * 4;
      crop.set(page.data.subarray(from, from + right.w * 4), y * right.w * 4);
    }
    expect(jsQR(crop, right.w, right.h)?.data).toBe('https://example.com/feedback/phone-skills');
  });
});
