import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { pdfInfo, pdfText, libreOfficePdf, pptxOutline } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('lectern-editable-');
const deck = join(dir, 'deck');
const out = join(dir, 'out');
const file = join(out, 'deck.pptx');
let zip: JSZip;
let run: ReturnType<typeof lectern>;

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const xml = (name: string) => zip.file(name)!.async('string');
const runs = (x: string) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!);
/** Text of each shape (one text frame) of a slide. */
const frames = (x: string) =>
  [...x.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => runs(m[1]!).join('')).filter(Boolean);

beforeAll(async () => {
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  // One slide lectern cannot map to native shapes (raw HTML beside a formula): it must become a
  // picture, with a warning. And one it can: raw HTML beside a table, code and a picture.
  const chapter = join(deck, '02-speaking.md');
  writeFileSync(
    chapter,
    `${readFileSync(chapter, 'utf8')}\n---\n\n## 公式\n\n<div>E = mc²</div>\n\n$$\nE = mc^2\n$$\n\n<!-- 讲解公式 -->\n` +
      `\n---\n\n## 单位表\n\n<style scoped>.note { position: relative; } .note::before { content: '提示'; position: absolute; top: -10px; right: -10px; padding: 4px 12px; font-size: 20px; line-height: 24px; background: #25a264; color: #fff; }</style>\n\n<div class="note">先看单位</div>\n\n| 量 | 单位 |\n| --- | --- |\n| E | J |\n\n\`\`\`js\nconst e = m * c * c;\n\`\`\`\n\n![点](assets/dot.png)\n\n<!-- 讲解单位 -->\n`,
  );
  run = lectern(['build', deck, '--out', out, '--format', 'pptx']);
  zip = await JSZip.loadAsync(readFileSync(file));
});

describe('editable PPTX', () => {
  it('is written as <name>.pptx (what --format pptx and all write) with one slide per page', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/deck\.pptx/);
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(12);
  });

  it("keeps titles and points as real text: a card's number, title and text each a frame, as the theme sets them", async () => {
    const slide = await xml('ppt/slides/slide4.xml');
    const f = frames(slide);
    expect(f).toContain('倾听三要点');
    for (const card of [
      ['01', '保持专注', '不打断对方的陈述，专心听完。'],
      ['02', '及时回应', '通过点头和复述表明理解。'],
      ['03', '换位思考', '站在对方角度理解困难。'],
    ])
      expect(f.slice(f.indexOf(card[0]!), f.indexOf(card[0]!) + 3)).toEqual(card);
    expect(frames(await xml('ppt/slides/slide2.xml')).join(' ')).toMatch(/倾听的力量.*10 分钟/);
    expect(frames(await xml('ppt/slides/slide3.xml')).join(' ')).toMatch(/倾听的力量\s*01\s*第 1 章/); // the title is read first (pptx-reading-order.ts)
  });

  it("draws the theme's brand bar, page-number pill and logo from its CSS, as editable shapes and a picture", async () => {
    const doc = new DOMParser().parseFromString(await xml('ppt/slides/slide4.xml'), 'text/xml');
    const EMU = 914400 / 96;
    const shapes = [...doc.getElementsByTagNameNS(P, 'sp'), ...doc.getElementsByTagNameNS(P, 'pic')].map(
      (sp) => {
        const at = (name: string) => sp.getElementsByTagNameNS(A, name)[0];
        const px = (el: Element | undefined, k: string) => Math.round(Number(el?.getAttribute(k)) / EMU);
        // The shape's size, not a decorative mark's extension (`a:extLst`).
        const size = at('xfrm')?.getElementsByTagNameNS(A, 'ext')[0];
        const fill = [...sp.getElementsByTagNameNS(P, 'spPr')][0]?.getElementsByTagNameNS(A, 'srgbClr')[0];
        return {
          kind: sp.localName,
          box: [px(at('off'), 'x'), px(at('off'), 'y'), px(size, 'cx'), px(size, 'cy')],
          geom: at('prstGeom')?.getAttribute('prst'),
          fill: fill?.getAttribute('val'),
          // The text's colour: its runs', or its list style's (the slide number's).
          ink: [at('rPr'), at('defRPr')]
            .map((e) => e?.getElementsByTagNameNS(A, 'srgbClr')[0]?.getAttribute('val'))
            .find(Boolean),
          text: sp.textContent?.trim(),
        };
      },
    );
    // corporate.css: a 10 px bar, the brand's primary to 78 % of the width, its accent after.
    expect(shapes).toContainEqual(expect.objectContaining({ box: [0, 0, 998, 10], fill: '7A1F3D' }));
    expect(shapes).toContainEqual(expect.objectContaining({ box: [998, 0, 282, 10], fill: '25A264' }));
    // The page number on its pill (`::after`, radius 14 px), the number a field over it.
    expect(shapes).toContainEqual(expect.objectContaining({ geom: 'roundRect', fill: '7A1F3D', text: '' }));
    expect(shapes.find((s) => s.text === '4')?.ink).toBe('FFFFFF');
    // The logo where `background-position: right 40px top 24px` and `background-size: auto 40px` put it.
    expect(shapes).toContainEqual(expect.objectContaining({ kind: 'pic', box: [1200, 24, 40, 40] }));
    // Nothing of it is a picture of the slide's background.
    expect(doc.getElementsByTagNameNS(P, 'bg')[0]?.getElementsByTagNameNS(A, 'blip').length ?? 0).toBe(0);
  });

  it('names the theme font and its Chinese fallback', async () => {
    const slide = await xml('ppt/slides/slide4.xml');
    expect(slide).toContain('<a:ea typeface="Noto Sans SC" pitchFamily="34" charset="-122"/>');
    const theme = await xml('ppt/theme/theme1.xml');
    expect(theme).toContain('<a:ea typeface="Microsoft YaHei"/>');
    expect(theme).toContain('<a:font script="Hans" typeface="Microsoft YaHei"/>');
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map((n) => xml(n)),
    );
    expect(layouts.join('\n')).toMatch(/<p:cSld name="内容"/);
    expect(layouts.join('\n')).toMatch(/<p:cSld name="章节页"/);
  });

  it("puts every slide's notes in the notes pane and embeds images", async () => {
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map(async (n) => runs(await xml(n)).join('')),
    );
    expect(notes.join('\n')).toContain('讲解倾听三要点');
    expect(notes.join('\n')).toContain('欢迎来到沟通技巧训练营');
    expect(Object.keys(zip.files).some((n) => /^ppt\/media\/.*\.png$/.test(n))).toBe(true);
  });

  it('shows an unmappable slide as a picture and says which one', async () => {
    expect(run.stderr).toMatch(
      /02-speaking\.md:\d+: warning: slide 8 has raw HTML: the editable PPTX shows it as a picture/,
    );
    // Its one text frame is its title, drawn before (behind) the picture of the whole slide.
    const slide8 = await xml('ppt/slides/slide8.xml');
    expect(frames(slide8)).toEqual(['公式']);
    expect(slide8.indexOf('<p:pic>')).toBeGreaterThan(slide8.indexOf('<p:ph type="title"/>'));
    expect(await xml('ppt/slides/_rels/slide8.xml.rels')).toMatch(/\.jpe?g"/);
  });

  it('draws raw HTML beside a table, code and a picture natively: its text, the table as a table, the code as text', async () => {
    expect(run.stderr).not.toMatch(/slide 9 has/);
    const slide9 = await xml('ppt/slides/slide9.xml');
    expect(frames(slide9)).toEqual(expect.arrayContaining(['单位表', '先看单位', 'const e = m * c * c;']));
    const doc = new DOMParser().parseFromString(slide9, 'text/xml');
    const cells = [...doc.getElementsByTagNameNS(A, 'tc')].map((c) => c.textContent?.trim());
    expect(cells).toEqual(['量', '单位', 'E', 'J']);
    // No picture of the slide: the theme's logo, 40 px wide, and the markdown's picture where
    // the slide shows it, named by its alt text.
    const pics = [...doc.getElementsByTagNameNS(P, 'pic')].map((p) =>
      Number(p.getElementsByTagNameNS(A, 'xfrm')[0]?.getElementsByTagNameNS(A, 'ext')[0]?.getAttribute('cx')),
    );
    expect(pics).toHaveLength(2);
    expect(pics.every((cx) => cx < 600 * 9525)).toBe(true);
    expect(slide9).toMatch(/<p:cNvPr id="\d+" name="[^"]*" descr="点"/);
    // The HTML's badge (`::before`, absolutely placed) as a shape as big as CSS makes it: two
    // 20 px characters and 12 px of padding either side, a 24 px line and 4 px above and below.
    const badge = [...doc.getElementsByTagNameNS(P, 'sp')].find((sp) => sp.textContent?.trim() === '提示')!;
    const ext = badge.getElementsByTagNameNS(A, 'xfrm')[0]!.getElementsByTagNameNS(A, 'ext')[0]!;
    expect([ext.getAttribute('cx'), ext.getAttribute('cy')].map((v) => Math.round(Number(v) / 9525))).toEqual(
      [64, 32],
    );
  });

  it("gives every run the deck's language and its Latin, East Asian and complex-script faces", async () => {
    const parts = Object.keys(zip.files).filter((n) =>
      /^ppt\/(slides\/slide|slideLayouts\/slideLayout|slideMasters\/slideMaster|notesSlides\/notesSlide)\d+\.xml$/.test(
        n,
      ),
    );
    let checked = 0;
    for (const name of parts) {
      const doc = new DOMParser().parseFromString(await xml(name), 'text/xml');
      const runs = [...doc.getElementsByTagNameNS(A, 'r'), ...doc.getElementsByTagNameNS(A, 'fld')];
      for (const r of runs) {
        const props = [...r.childNodes].find((n) => (n as Element).localName === 'rPr') as
          Element | undefined;
        const faces = [...(props?.childNodes ?? [])].map((n) => (n as Element).localName);
        expect(props?.getAttribute('lang'), `${name}: ${r.textContent}`).toBe('zh-CN');
        expect(faces, `${name}: ${r.textContent}`).toEqual(expect.arrayContaining(['latin', 'ea', 'cs']));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('caches each slide number in its field, and the masters cache the mark PowerPoint writes', async () => {
    const field = async (name: string) => {
      const doc = new DOMParser().parseFromString(await xml(name), 'text/xml');
      return [...doc.getElementsByTagNameNS(A, 'fld')]
        .filter((f) => f.getAttribute('type') === 'slidenum')
        .map((f) => f.textContent);
    };
    expect(await field('ppt/slides/slide4.xml')).toEqual(['4']);
    expect(await field('ppt/slideMasters/slideMaster1.xml')).toEqual(['‹#›']);
  });

  it("titles every slide in its layout's title placeholder: the outline reads the slides' headings in order", async () => {
    expect(await pptxOutline(file)).toEqual([
      '沟通技巧训练营',
      '目录',
      '倾听的力量',
      '倾听三要点',
      '练习材料',
      '清晰表达',
      '表达两原则',
      // The slide shown as a picture keeps its heading as its title, behind the picture.
      '公式',
      '单位表',
      '总结回顾',
      '行动计划',
      '谢谢',
    ]);
    const cover = await xml('ppt/slides/slide1.xml');
    expect(cover).toContain('<p:ph type="ctrTitle"/>');
  });

  it("names the layouts in the deck's language, each with a title placeholder", async () => {
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map(async (n) => new DOMParser().parseFromString(await xml(n), 'text/xml')),
    );
    const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
    const names = layouts.map((d) => d.getElementsByTagNameNS(P, 'cSld')[0]!.getAttribute('name'));
    expect(names).toEqual(expect.arrayContaining(['内容', '封面', '章节页', '目录', '案例']));
    for (const d of layouts)
      expect([...d.getElementsByTagNameNS(P, 'ph')].map((ph) => ph.getAttribute('type'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(title|ctrTitle)$/)]),
      );
  });

  it('has no error in the Open XML SDK validator', async () => {
    expect(await ooxmlErrors(file)).toEqual([]);
  });

  it('opens in LibreOffice Impress with every slide', () => {
    const pdf = libreOfficePdf(file, dir);
    expect(pdfInfo(pdf).Pages).toBe('12');
    expect(pdfText(pdf, 4)).toContain('倾听三要点');
  });
});
