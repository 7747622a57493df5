import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Browser } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml, serializeXml } from '../../src/core/xml-tree.js';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { pdfWords, type PdfWord } from '../helpers/pixels.js';
import { libreOfficePdf } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';
import { libreOfficeTemplate } from '../helpers/templates.js';

// deck.md `theme: template` (issue 28): the HTML and the slides PDF in the company template's
// colours. LibreOffice's templates all carry Office's default colour scheme when converted, so
// two of them get a scheme of their own here, as a company's would be, written with the XML parser.

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** `potx` with some of its theme's scheme colours set (`{ dk2: '7A1F3D' }`), written to `to`. */
async function recoloured(potx: string, to: string, colours: Record<string, string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(potx));
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))) {
    const doc = parseXml(await zip.file(name)!.async('string'));
    for (const scheme of doc.getElementsByTagNameNS(A, 'clrScheme'))
      for (const el of scheme.childNodes)
        if (el.nodeType === 1 && colours[el.localName])
          for (const c of el.getElementsByTagNameNS(A, 'srgbClr'))
            c.setAttribute('val', colours[el.localName]!);
    zip.file(name, serializeXml(doc));
  }
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** `potx` with every face of its theme's font scheme set to `face`, written to `to`. */
async function refonted(potx: string, to: string, face: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(potx));
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))) {
    const doc = parseXml(await zip.file(name)!.async('string'));
    for (const scheme of doc.getElementsByTagNameNS(A, 'fontScheme'))
      for (const tag of ['latin', 'ea', 'cs'])
        for (const el of scheme.getElementsByTagNameNS(A, tag)) el.setAttribute('typeface', face);
    zip.file(name, serializeXml(doc));
  }
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const LOGO = 'e0218a';

/**
 * `potx` with a logo on its first master, as a company's template has one: a 3:1 picture in
 * LOGO's colour at the top right (the master's last shape), written to `to`.
 */
async function withLogo(potx: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(potx));
  const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: `#${LOGO}` } })
    .png()
    .toBuffer();
  zip.file('ppt/media/company-logo.png', png);
  const types = parseXml(await zip.file('[Content_Types].xml')!.async('string'));
  const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
  if (!types.getElementsByTagNameNS(CT, 'Default').some((d) => d.getAttribute('Extension') === 'png')) {
    const d = types.createElementNS(CT, 'Default');
    d.setAttribute('Extension', 'png');
    d.setAttribute('ContentType', 'image/png');
    types.documentElement.insertBefore(d, types.documentElement.firstChild);
  }
  zip.file('[Content_Types].xml', serializeXml(types));
  const relsName = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
  const rels = parseXml(await zip.file(relsName)!.async('string'));
  const rel = rels.createElementNS(rels.documentElement.namespaceURI, 'Relationship');
  rel.setAttribute('Id', 'rIdCompanyLogo');
  rel.setAttribute('Type', `${R}/image`);
  rel.setAttribute('Target', '../media/company-logo.png');
  rels.documentElement.appendChild(rel);
  zip.file(relsName, serializeXml(rels));
  const masterName = 'ppt/slideMasters/slideMaster1.xml';
  const master = parseXml(await zip.file(masterName)!.async('string'));
  const tree = master.getElementsByTagNameNS(P, 'spTree')[0]!;
  const pic = parseXml(
    `<p:pic xmlns:p="${P}" xmlns:a="${A}" xmlns:r="${R}"><p:nvPicPr><p:cNvPr id="900" name="Company logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>` +
      `<p:blipFill><a:blip r:embed="rIdCompanyLogo"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
      `<p:spPr><a:xfrm><a:off x="8500000" y="250000"/><a:ext cx="1200000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
  ).documentElement;
  tree.appendChild(pic);
  zip.file(masterName, serializeXml(master));
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** A fixture deck (by default an English one with no brand of its own) on `potx`, with `theme:` as given. */
function deckOn(potx: string | undefined, theme: string, fixture = 'other-topic'): string {
  const deck = join(tempDir('lectern-template-theme-'), 'deck');
  cpSync(join(FIXTURES, fixture), deck, { recursive: true });
  const file = join(deck, 'deck.md');
  const lines = [`theme: ${theme}`, ...(potx ? ['pptxTemplate: brand/company.potx'] : [])];
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\n${lines.join('\n')}\n`));
  if (potx) {
    cpSync(potx, join(deck, 'brand', 'company.potx'));
  }
  return deck;
}

const rgb = async (png: Buffer | string, x: number, y: number): Promise<string> => {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (Math.round(y) * info.width + Math.round(x)) * 3;
  return [...data.subarray(at, at + 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
};

/** Within a few levels per channel (the PDF's rendering, the screenshot's colour profile). */
const near = (hex: string, want: string) =>
  [0, 2, 4].every(
    (i) => Math.abs(parseInt(hex.slice(i, i + 2), 16) - parseInt(want.slice(i, i + 2), 16)) <= 6,
  );

/** Page `page` of `pdf` as a PNG at `dpi`, written as `<to>.png`: its path. */
function pagePng(pdf: string, page: number, dpi: number, to: string): string {
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-singlefile',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    pdf,
    to,
  ]);
  return `${to}.png`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await startChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Focus's green accent2 reads at 2.4:1 on its maroon, under the 3:1 of large text: the divider's
// number takes accent1's gold instead. Vivid's accent2 reads at 4.6:1 on its teal and is kept.
const SCHEMES: { template: string; colours: Record<string, string>; primary: string; accent: string }[] = [
  {
    template: 'Focus',
    colours: { dk2: '7A1F3D', accent1: 'F2C14E', accent2: '2E8B57' },
    primary: '7a1f3d',
    accent: 'f2c14e',
  },
  { template: 'Vivid', colours: { dk2: '0F4C5C', accent2: 'F4A259' }, primary: '0f4c5c', accent: 'f4a259' },
];

/** The share of the pixels in a word's box (at `dpi`) that are near `want`. */
async function shareNear(png: string, word: PdfWord, dpi: number, want: string): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const k = dpi / 72;
  let hits = 0;
  let all = 0;
  for (let y = Math.floor(word.y0 * k); y < Math.ceil(word.y1 * k); y++)
    for (let x = Math.floor(word.x0 * k); x < Math.ceil(word.x1 * k); x++) {
      const at = (y * info.width + x) * 3;
      const c = [...data.subarray(at, at + 3)].map((v) => v.toString(16).padStart(2, '0')).join('');
      all++;
      if (near(c, want)) hits++;
    }
  return hits / all;
}

describe('theme: template', () => {
  for (const s of SCHEMES)
    it(`shows the course in ${s.template}'s colours (primary #${s.primary}, accent #${s.accent}) in the slides PDF and the HTML`, async () => {
      const dir = tempDir('lectern-template-colours-');
      const potx = join(dir, `${s.template}.potx`);
      await recoloured(libreOfficeTemplate(s.template), potx, s.colours);
      const deck = deckOn(potx, 'template');
      const out = join(dir, 'out');
      const run = lectern(['build', deck, '--out', out, '--format', 'pdf,html,handout,script', '--quiet']);
      expect(run.code, run.stderr).toBe(0);
      // The handout's and the script's chapter headings (11 pt and 15 pt, the tallest "Daily" of
      // each, above the slides' smaller ones) are in the primary too.
      for (const doc of ['deck-handout.pdf', 'deck-script.pdf']) {
        const file = join(out, doc);
        const heading = pdfWords(file)
          .filter((w) => w.text === 'Daily')
          .sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0))[0]!;
        const png = pagePng(file, heading.page, 144, join(dir, doc));
        expect(await shareNear(png, heading, 144, s.primary), `${doc}'s chapter heading`).toBeGreaterThan(
          0.05,
        );
      }
      // The title slide: its gradient starts at the primary in the top-left corner, the accent
      // bar runs along its bottom edge.
      const page = pagePng(join(out, 'deck.pdf'), 1, 36, join(dir, 'p'));
      const { width, height } = await sharp(page).metadata();
      expect(await rgb(page, 2, 2)).toSatisfy((c: string) => near(c, s.primary));
      expect(await rgb(page, width! / 2, height! - 2)).toSatisfy((c: string) => near(c, s.accent));
      // The first divider's large "01" is painted in the accent (the glyphs fill about a third of
      // their box; the rest is the primary's gradient).
      const pdf = join(out, 'deck.pdf');
      // (The agenda's "01" is a small pill; the divider's is the tallest.)
      const number = pdfWords(pdf)
        .filter((w) => w.text === '01')
        .sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0))[0]!;
      expect(number).toBeDefined();
      const divider = pagePng(pdf, number.page, 72, join(dir, 'divider'));
      expect(await shareNear(divider, number, 72, s.accent)).toBeGreaterThan(0.15);
      expect(await rgb(page, 2, 2)).not.toSatisfy((c: string) => near(c, '0b3d6e'));
      const tab = await browser.newPage();
      try {
        await tab.setViewport({ width: 1280, height: 720 });
        await tab.goto(`${pathToFileURL(join(out, 'deck.html')).href}#1`, { waitUntil: 'load' });
        const shot = Buffer.from(await tab.screenshot({ type: 'png' }));
        // The slide sits under bespoke's progress bar, a few pixels in; near its top-left corner, the primary.
        const top = await tab.$eval('svg[data-marpit-svg]', (svg) => svg.getBoundingClientRect().top);
        expect(await rgb(shot, 40, top + 40)).toSatisfy((c: string) => near(c, s.primary));
      } finally {
        await tab.close();
      }
    }, 120_000);

  it("names the template's fonts it cannot embed, at the theme: line, and not once they are lectern's face", async () => {
    const dir = tempDir('lectern-template-fonts-');
    const deck = deckOn(libreOfficeTemplate('Focus'), 'template');
    const run = lectern(['check', deck]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      /deck\.md:2: warning: the template's fonts \(Arial, DejaVu Sans\) cannot be embedded: the HTML and the PDFs show Noto Sans SC/,
    );
    // The same template with its theme fonts set to the face lectern embeds.
    const noto = join(dir, 'noto.potx');
    await refonted(libreOfficeTemplate('Focus'), noto, 'Noto Sans SC');
    cpSync(noto, join(deck, 'brand', 'company.potx'));
    const again = lectern(['check', deck]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toContain("the template's fonts");
  }, 60_000);

  it("takes the logo from the template's master onto the title slide, in the HTML and the slides PDF", async () => {
    const dir = tempDir('lectern-template-logo-');
    const potx = join(dir, 'logo.potx');
    await withLogo(libreOfficeTemplate('Focus'), potx);
    const deck = deckOn(potx, 'template');
    const out = join(dir, 'out');
    const run = lectern(['build', deck, '--out', out, '--format', 'pdf,html', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    // lectern's title slide draws the logo 90 px high, 70 px from the right, 60 px from the top:
    // a 3:1 logo spans x 940–1210, y 60–150 of the 1280×720 slide.
    const title = pagePng(join(out, 'deck.pdf'), 1, 72, join(dir, 't'));
    const { width } = await sharp(title).metadata();
    const k = width! / 1280;
    expect(await rgb(title, 1075 * k, 105 * k)).toSatisfy((c: string) => near(c, LOGO));
    expect(await rgb(title, 1075 * k, 200 * k)).not.toSatisfy((c: string) => near(c, LOGO));
    const tab = await browser.newPage();
    try {
      await tab.setViewport({ width: 1280, height: 720 });
      await tab.goto(`${pathToFileURL(join(out, 'deck.html')).href}#1`, { waitUntil: 'load' });
      const box = await tab.$eval('svg[data-marpit-svg]', (svg) => {
        const r = svg.getBoundingClientRect();
        return { left: r.left, top: r.top, k: r.width / 1280 };
      });
      const shot = Buffer.from(await tab.screenshot({ type: 'png' }));
      expect(await rgb(shot, box.left + 1075 * box.k, box.top + 105 * box.k)).toSatisfy((c: string) =>
        near(c, LOGO),
      );
    } finally {
      await tab.close();
    }
    expect(readFileSync(join(out, 'deck.html'), 'utf8')).toContain(
      '--lectern-logo: url("data:image/png;base64,',
    );
    // Growing Liberty's master has a picture too: a strip along the slide's right edge, no logo.
    const plain = deckOn(libreOfficeTemplate('Growing_Liberty'), 'template');
    const strips = join(dir, 'strips');
    expect(lectern(['build', plain, '--out', strips, '--format', 'html', '--quiet']).code).toBe(0);
    expect(readFileSync(join(strips, 'deck.html'), 'utf8')).not.toContain('--lectern-logo: url("data:');
  }, 120_000);

  it("writes the template's colours in the PPTX as its theme colours, and LibreOffice draws them", async () => {
    const dir = tempDir('lectern-template-scheme-');
    const potx = join(dir, 'focus.potx');
    await recoloured(libreOfficeTemplate('Focus'), potx, SCHEMES[0]!.colours);
    // The course fixture with cards, an exercise and its time box; its own brand primary is the template's dk2.
    const deck = deckOn(potx, 'template', 'valid');
    const out = join(dir, 'out');
    const run = lectern(['build', deck, '--out', out, '--format', 'pptx', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const file = join(out, 'deck.pptx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const colours = { scheme: new Map<string, number>(), rgb: new Map<string, number>() };
    for (const name of slides) {
      const doc = parseXml(await zip.file(name)!.async('string'));
      for (const [kind, local] of [
        ['scheme', 'schemeClr'],
        ['rgb', 'srgbClr'],
      ] as const)
        for (const c of doc.getElementsByTagNameNS(A, local)) {
          const v = c.getAttribute('val')!.toUpperCase();
          colours[kind].set(v, (colours[kind].get(v) ?? 0) + 1);
        }
    }
    expect(colours.scheme.get('DK2') ?? 0, 'the primary as the theme colour dk2').toBeGreaterThan(3);
    expect(colours.rgb.get('7A1F3D'), 'the primary as RGB').toBeUndefined();
    expect(colours.rgb.get('FFFFFF'), "white, the scheme's lt1").toBeUndefined();
    expect(await ooxmlErrors(file)).toEqual([]);
    // LibreOffice draws the cards' numbers and the time box in the theme colour.
    const pdf = libreOfficePdf(file, dir);
    execFileSync('pdftoppm', ['-r', '36', '-png', pdf, join(dir, 'lo')]);
    const pages = readdirSync(dir).filter((f) => /^lo-\d+\.png$/.test(f));
    let primary = 0;
    for (const p of pages) {
      const { data } = await sharp(join(dir, p)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      for (let i = 0; i < data.length; i += 3)
        if (near([0, 1, 2].map((k) => data[i + k]!.toString(16).padStart(2, '0')).join(''), '7a1f3d'))
          primary++;
    }
    expect(primary, 'pixels in the primary').toBeGreaterThan(500);
  }, 180_000);

  it('without pptxTemplate is an error at the theme: line, and nothing is written', () => {
    const deck = deckOn(undefined, 'template');
    const out = join(tempDir('lectern-template-none-'), 'out');
    const run = lectern(['build', deck, '--out', out, '--format', 'html']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /deck\.md:2: error: theme: template takes its colours from the company's template/,
    );
    expect(run.stderr).toContain('add pptxTemplate: brand/company.potx');
    expect(existsSync(out)).toBe(false);
  });
});
