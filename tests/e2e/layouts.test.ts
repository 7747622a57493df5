import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { ooxmlErrors } from '../helpers/ooxml.js';

/** Every layout of the theme, as the class that chooses it. */
const LAYOUTS = [
  'points',
  'bullets',
  'case',
  'exercise',
  'roleplay',
  'statement',
  'compare',
  'checklist',
  'split',
  'table',
  'quiz',
];
const fixture = join(FIXTURES, 'layouts');
const out = tempDir('lectern-layouts-');
let browser: Browser;

beforeAll(async () => {
  browser = await startChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the layouts fixture deck', () => {
  it("uses every layout of the theme, each chosen by the slide's shape or its class", async () => {
    const composed = composeDeck(validateDeck(await loadDeck(fixture, FIXTURES)).model!);
    const used = new Set(composed.slides.flatMap((s) => s.layout?.split(/\s+/) ?? []));
    expect(LAYOUTS.filter((l) => !used.has(l))).toEqual([]);
    expect(used).toContain('points-2');
    expect(used).toContain('points-4');
  });

  it.each(['16:9', '4:3'])('renders every layout without overflow at %s', (size) => {
    const deck = join(tempDir('lectern-layouts-size-'), 'layouts');
    cpSync(fixture, deck, { recursive: true });
    const deckMd = readFileSync(join(deck, 'deck.md'), 'utf8');
    writeFileSync(join(deck, 'deck.md'), deckMd.replace('chapters: 2', `chapters: 2\nsize: "${size}"`));
    const run = lectern(['check', deck, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errors: 0, warnings: 0, findings: [] });
  });

  it('has a master for every layout in the editable PPTX, with native frames: a table, role cards, the time box', async () => {
    const run = lectern(['build', fixture, '--format', 'pptx', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/as a picture/);
    expect(await ooxmlErrors(join(out, 'layouts.pptx'))).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'layouts.pptx')));
    const layoutNames = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
        .map(async (n) => /<p:cSld name="([^"]+)"/.exec(await zip.file(n)!.async('string'))?.[1]),
    );
    for (const l of ['案例', '练习', '角色扮演', '金句', '对比', '清单', '图文', '表格'])
      expect(layoutNames).toContain(l);
    const slides = await Promise.all(
      Array.from({ length: 19 }, (_, i) => zip.file(`ppt/slides/slide${i + 1}.xml`)!.async('string')),
    );
    const slideWith = (text: string) => slides.find((x) => x.includes(text)) ?? '';
    expect(slideWith('客户类型与沟通重点')).toContain('<a:tbl>');
    expect(slideWith('客户类型与沟通重点')).toContain('情绪激动型');
    expect(slideWith('练习：写下你的减压清单')).toContain('练习 · 10 分钟');
    // Each step a card of its own with its number in a circle, as the slides PDF draws it.
    const exercise = slideWith('练习：写下你的减压清单');
    expect(exercise.match(/<a:prstGeom prst="ellipse">/g)?.length).toBe(3);
    expect(exercise).toMatch(/<a:prstGeom prst="ellipse">[\s\S]*?<a:t>1<\/a:t>/);
    expect(slideWith('角色扮演：协商还款方案')).toContain('角色扮演 · 15 分钟');
    expect(slideWith('角色扮演：协商还款方案')).toContain('观察员');
    expect(slideWith('沟通用语对比')).toContain('我理解您现在的困难');
    // The theme's ::before marks as shapes where the slides document draws them: the case's
    // question mark in its accent circle, a box to tick per checklist item, the statement's quote mark.
    expect(slideWith('案例：一通逾期提醒电话')).toMatch(/<a:prstGeom prst="ellipse">[\s\S]*?<a:t>\?<\/a:t>/);
    const checklist = slideWith('通话前自检清单');
    expect(checklist.match(/<a:ln w="\d+"><a:solidFill><a:srgbClr val="0B3D6E"\/>/g)?.length).toBe(4);
    expect(slideWith('尊重每一位客户')).toContain('<a:t>“</a:t>');
  });
});

describe('the course deck', () => {
  it('mixes at least five layouts, three or more in every chapter, and chapters 02–06 each show an exercise with its time box', async () => {
    const run = lectern(['build', join(ROOT, 'slides'), '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(join(out, 'slides.html')).href, { waitUntil: 'load' });
      const slides = await page.$$eval(
        'svg[data-marpit-svg] > foreignObject > section:not([data-marpit-advanced-background="background"])',
        (sections) =>
          sections.map((s) => {
            const box = s.querySelector('h6:last-of-type');
            const rect = box?.getBoundingClientRect();
            return {
              classes: [...s.classList],
              header: s.querySelector('header')?.textContent ?? '',
              timeBox: box && rect && rect.width > 0 && rect.height > 0 ? (box.textContent ?? '') : '',
            };
          }),
      );
      const layouts = new Set(slides.flatMap((s) => s.classes.filter((c) => LAYOUTS.includes(c))));
      expect(layouts.size).toBeGreaterThanOrEqual(5);
      for (const chapter of ['01', '02', '03', '04', '05', '06', '07']) {
        const mix = new Set(
          slides
            .filter((s) => s.header.startsWith(chapter))
            .flatMap((s) => s.classes.filter((c) => LAYOUTS.includes(c))),
        );
        expect(mix.size, `layouts of chapter ${chapter}`).toBeGreaterThanOrEqual(3);
      }
      for (const chapter of ['02', '03', '04', '05', '06']) {
        const exercise = slides.find(
          (s) =>
            s.header.startsWith(chapter) &&
            (s.classes.includes('exercise') || s.classes.includes('roleplay')),
        );
        expect(exercise?.timeBox, `chapter ${chapter}`).toMatch(/^(练习|角色扮演) · \d+ 分钟$/);
      }
    } finally {
      await page.close();
    }
  });
});
