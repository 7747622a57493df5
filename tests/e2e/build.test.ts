import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern, treeHash } from '../helpers/cli.js';
import { pdfFonts, pdfInfo, pdfOutline, pdfText, readPptx } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';
import { ooxmlErrors } from '../helpers/ooxml.js';

const out = tempDir('lectern-e2e-');
const deck = join(FIXTURES, 'valid');
const file = (name: string) => join(out, name);
let browser: Browser;
let sourcesBefore: string;
let run: ReturnType<typeof lectern>;

beforeAll(async () => {
  sourcesBefore = treeHash(deck);
  run = lectern(['build', deck, '--out', out]);
  browser = await startChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('lectern build (every output of a fixture deck)', () => {
  it('exits 0, lists each file with its size, leaves no temporary files and does not touch the sources', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    for (const name of ['valid.html', 'valid.pdf', 'valid-handout.pdf', 'valid-script.pdf', 'valid.pptx']) {
      expect(run.stdout).toMatch(new RegExp(`${name.replace('.', '\\.')}\\s+[\\d.]+ (KB|MB)`));
    }
    expect(readdirSync(out).sort()).toEqual([
      '.lectern-cache.json',
      '.lectern-diagrams.json',
      '.lectern-pictures.json',
      '.lectern-slides.json',
      '.lectern-warnings.json',
      'valid-handout.pdf',
      'valid-script.pdf',
      'valid.html',
      'valid.pdf',
      'valid.pptx',
    ]);
    expect(treeHash(deck)).toBe(sourcesBefore);
  });

  describe('HTML in Chromium', () => {
    let page: Page;
    const requests: string[] = [];
    beforeAll(async () => {
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file('valid.html')).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    });

    it('has every slide: title, agenda, dividers, content and closing', async () => {
      const classes = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (ss) =>
        ss.map((s) => s.className),
      );
      expect(classes).toHaveLength(10);
      expect(classes[0]).toContain('title');
      expect(classes[1]).toContain('agenda');
      expect(classes.filter((c) => c.includes('divider'))).toHaveLength(3);
      expect(classes[9]).toContain('closing');
      expect(classes[3]).toContain('points-3');
    });

    it('shows the agenda with numbers, titles and minutes, and the dividers with 第 N 章 and title', async () => {
      const texts = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (ss) =>
        ss.map((s) => (s.textContent ?? '').replace(/\s+/g, ' ')),
      );
      expect(texts[1]).toMatch(/01 倾听的力量 10 分钟/);
      expect(texts[1]).toMatch(/03 总结回顾 8 分钟/);
      expect(texts[1]).toMatch(/合计 30 分钟/);
      expect(texts[2]).toMatch(/01 第 1 章 倾听的力量/);
      expect(texts[3]).toMatch(/01 · 倾听的力量/);
      expect(texts[3]).toMatch(/沟通技巧训练营/);
    });

    it('carries the speaker notes for the presenter view', async () => {
      const notes = await page.$$eval('.bespoke-marp-note', (ns) => ns.map((n) => n.textContent ?? ''));
      expect(notes.some((n) => n.includes('欢迎来到沟通技巧训练营'))).toBe(true);
      expect(notes.some((n) => n.includes('讲解倾听三要点'))).toBe(true);
      expect(notes.some((n) => n.includes('本章计划 10 分钟'))).toBe(true);
    });

    it('paints Chinese headings and body text with the embedded font, not a system font', async () => {
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const fontsOf = async (selector: string) => {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        expect(nodeId).toBeGreaterThan(0);
        return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
      };
      for (const selector of ['section.title h1', 'section.title h2', 'section.title p']) {
        const fonts = await fontsOf(selector);
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.every((f) => f.isCustomFont)).toBe(true);
      }
    });

    it('shows the brand colours and logo from deck.md', async () => {
      const style = await page.$eval('section.points-3', (s) => ({
        heading: getComputedStyle(s.querySelector('h2')!).color,
        bar: getComputedStyle(s, '::before').backgroundImage,
        logo: getComputedStyle(s).backgroundImage,
      }));
      expect(style.heading).toBe('rgb(122, 31, 61)');
      expect(style.bar).toContain('rgb(37, 162, 100)');
      expect(style.logo).toMatch(/^url\("data:image\/png;base64,/);
    });

    it('makes no request outside the file itself', () => {
      const outside = requests.filter(
        (u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'),
      );
      expect(outside).toEqual([]);
    });

    it('has no slide whose content overflows its box', async () => {
      const overflow = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (ss) =>
        ss.map((s) => Math.max(s.scrollHeight - s.clientHeight, s.scrollWidth - s.clientWidth)),
      );
      expect(overflow.filter((px) => px > 1)).toEqual([]);
    });
  });

  describe('slides PDF', () => {
    it('has one 16:9 page per slide, title and author metadata', () => {
      const info = pdfInfo(file('valid.pdf'));
      expect(info.Pages).toBe('10');
      expect(info['Page size']).toMatch(/^960 x 540 pts/);
      expect(info.Title).toBe('沟通技巧训练营');
      expect(info.Author).toBe('王老师');
    });

    it('keeps text as searchable text on the right page', () => {
      expect(pdfText(file('valid.pdf'), 4)).toContain('倾听三要点');
      expect(pdfText(file('valid.pdf'), 2)).toContain('清晰表达');
    });

    it('embeds real font subsets, no Type 3', () => {
      const fonts = pdfFonts(file('valid.pdf'));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      expect(fonts.filter((f) => f.type.includes('Type 3'))).toEqual([]);
    });

    it('has one bookmark per chapter', async () => {
      expect(await pdfOutline(file('valid.pdf'))).toEqual(['01 倾听的力量', '02 清晰表达', '03 总结回顾']);
    });
  });

  describe('trainee handout', () => {
    it('is A4 portrait with three content slides a page, title and page numbers, and no speaker notes', () => {
      const info = pdfInfo(file('valid-handout.pdf'));
      expect(info.Pages).toBe('2');
      expect(info['Page size']).toMatch(/\(A4\)/);
      const first = pdfText(file('valid-handout.pdf'), 1);
      expect(first).toContain('沟通技巧训练营');
      expect(first).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/);
      const all = pdfText(file('valid-handout.pdf'));
      expect(all).toContain('倾听三要点');
      expect(all).not.toContain('讲解倾听三要点');
      expect(all).not.toContain('欢迎来到沟通技巧训练营');
      expect(pdfFonts(file('valid-handout.pdf')).filter((f) => f.type.includes('Type 3'))).toEqual([]);
    });
  });

  describe('speaker script', () => {
    it("is A4 with every slide's notes, chapter headings and planned minutes", () => {
      expect(pdfInfo(file('valid-script.pdf'))['Page size']).toMatch(/\(A4\)/);
      const text = pdfText(file('valid-script.pdf'));
      expect(text).toContain('讲解倾听三要点，请学员两两练习复述');
      expect(text).toContain('欢迎来到沟通技巧训练营');
      expect(text).toMatch(/01 倾听的力量\s*10 分钟/);
      expect(text).toContain('请每位学员写下自己的行动计划');
    });

    it('has a bookmark per chapter, with one per slide inside it, made by the browser from the headings', async () => {
      // The script's title is its one top bookmark; the thumbnails' own headings are not bookmarks.
      const script = file('valid-script.pdf');
      expect(await pdfOutline(script)).toEqual(['沟通技巧训练营 · 讲师讲稿']);
      expect(await pdfOutline(script, '沟通技巧训练营 · 讲师讲稿')).toEqual([
        '1 · 沟通技巧训练营',
        '2 · 目录',
        '01 倾听的力量 10 分钟',
        '02 清晰表达 12 分钟',
        '03 总结回顾 8 分钟',
        // The closing slide belongs to no chapter: its bookmark is beside theirs.
        '10 · 谢谢',
      ]);
      expect(await pdfOutline(script, '沟通技巧训练营 · 讲师讲稿', '01 倾听的力量 10 分钟')).toEqual([
        '3 · 倾听的力量',
        '4 · 倾听三要点',
        '5 · 练习材料',
      ]);
    });
  });

  describe('PPTX', () => {
    it('is the editable one: one slide per page, its words as text, the notes in the notes pane', async () => {
      const pptx = await readPptx(file('valid.pptx'));
      expect(pptx.slides).toBe(10);
      // Text frames, not pictures of the slides (the picture PPTX is --format pptx-pictures).
      expect(pptx.pictures.size).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(file('valid.pptx')));
      const slide4 = await zip.file('ppt/slides/slide4.xml')!.async('string');
      expect([...slide4.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')).toMatch(/倾听/);
      expect(pptx.notes.get(1)).toContain('欢迎来到沟通技巧训练营');
      expect(pptx.notes.get(4)).toContain('讲解倾听三要点');
      expect(pptx.notes.get(10)).toContain('感谢大家');
    });

    it('has no error in the Open XML SDK validator', async () => {
      expect(await ooxmlErrors(file('valid.pptx'))).toEqual([]);
    });
  });
});

describe('a deck on another topic', () => {
  it('builds with its own agenda, dividers and slide count', async () => {
    const dir = tempDir('lectern-other-');
    const r = lectern(['build', join(FIXTURES, 'other-topic'), '--out', dir, '--format', 'html']);
    expect(r.code).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'other-topic.html')).href, { waitUntil: 'load' });
    const texts = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (ss) =>
      ss.map((s) => (s.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    expect(texts).toHaveLength(20);
    expect(texts[1]).toMatch(
      /Agenda CONTENTS 01 Daily checks 10 min 02 Loading 15 min 03 Driving 15 min 04 Parking 10 min 05 Review 10 min 60 min in all/,
    );
    expect(texts.filter((t) => /^\d\d CHAPTER /.test(t)).map((t) => t.slice(0, 2))).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
    ]);
    expect(texts[19]).toMatch(/^Thank you/);
    await page.close();
  });
});

describe('unchanged rebuilds', () => {
  it('skips outputs whose inputs did not change, rebuilds with --force or after an edit, with equal content', () => {
    const dir = tempDir('lectern-cache-');
    const src = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), src, { recursive: true });
    const outDir = join(dir, 'out');
    const html = join(outDir, 'deck.html');
    expect(lectern(['build', src, '--out', outDir, '--format', 'html']).code).toBe(0);
    const first = { bytes: readFileSync(html), mtime: statSync(html).mtimeMs };

    const again = lectern(['build', src, '--out', outDir, '--format', 'html']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/deck\.html\s+[\d.]+ KB\s+\(unchanged\)/);
    expect(statSync(html).mtimeMs).toBe(first.mtime);

    const forced = lectern(['build', src, '--out', outDir, '--format', 'html', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).not.toMatch(/unchanged/);
    expect(readFileSync(html).equals(first.bytes)).toBe(true);

    writeFileSync(
      join(src, '02-speaking.md'),
      readFileSync(join(src, '02-speaking.md'), 'utf8').replace('用短句说清要点', '用短句讲清要点'),
    );
    const edited = lectern(['build', src, '--out', outDir, '--format', 'html']);
    expect(edited.stdout).not.toMatch(/unchanged/);
    expect(readFileSync(html, 'utf8')).toContain('用短句讲清');
  });
});
