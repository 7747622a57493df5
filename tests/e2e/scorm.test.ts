import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromium } from '../helpers/chromium.js';
import { FIXTURES, lectern, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// Each package's SCO hosted as an LMS hosts it: a parent page with scorm-again's LMS-side API
// (window.API for 1.2, window.API_1484_11 for 2004) and the SCO in a frame, served over http.

const out = tempDir('lectern-scorm-');
const plainOut = tempDir('lectern-scorm-plain-');
const SLIDES = 9; // the quiz fixture: title, agenda, 2 dividers, 1 + 3 content slides, closing
const QUIZ = { first: 6, second: 7, third: 8 };
let browser: Browser;
let server: Server;
let base = '';
/** Package files by URL path: /<package>/<file>. */
const served = new Map<string, Buffer>();
const builds: ReturnType<typeof lectern>[] = [];

const RUNTIME = {
  '1.2': { file: 'scorm12.js', ctor: 'Scorm12API', global: 'API' },
  '2004': { file: 'scorm2004.js', ctor: 'Scorm2004API', global: 'API_1484_11' },
} as const;
type Version = keyof typeof RUNTIME;

async function unpack(zipFile: string, as: string): Promise<JSZip> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const [name, f] of Object.entries(zip.files))
    served.set(`/${as}/${name}`, await f.async('nodebuffer'));
  return zip;
}

beforeAll(async () => {
  builds.push(lectern(['build', join(FIXTURES, 'quiz'), '--out', out, '--format', 'scorm12,scorm2004']));
  builds.push(
    lectern(['build', join(FIXTURES, 'valid'), '--out', plainOut, '--format', 'scorm12,scorm2004']),
  );
  for (const b of builds) expect(b.code, b.stderr).toBe(0);
  await unpack(join(out, 'quiz-scorm12.zip'), 'q12');
  await unpack(join(out, 'quiz-scorm2004.zip'), 'q2004');
  await unpack(join(plainOut, 'valid-scorm12.zip'), 'p12');
  await unpack(join(plainOut, 'valid-scorm2004.zip'), 'p2004');
  for (const v of Object.values(RUNTIME))
    served.set(`/lms/${v.file}`, readFileSync(join(ROOT, 'node_modules', 'scorm-again', 'dist', v.file)));
  served.set('/lms/index.html', Buffer.from('<!DOCTYPE html><html><body></body></html>'));
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': req.url!.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await startChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** The LMS page with a fresh API holding `cmi` (the last session's data) and the SCO launched in a frame. */
async function launch(
  page: Page,
  version: Version,
  pkg: string,
  cmi?: Record<string, unknown>,
): Promise<Frame> {
  const rt = RUNTIME[version];
  await page.goto(`${base}/lms/index.html`);
  await page.addScriptTag({ url: `${base}/lms/${rt.file}` });
  await page.evaluate(
    (rt, cmi) => {
      const w = window as unknown as Record<string, unknown>;
      const Api = w[rt.ctor] as new (s: object) => Record<string, (...a: unknown[]) => unknown>;
      const api = new Api({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
      if (cmi) api.loadFromJSON!(cmi, '');
      w.commits = 0;
      w.sets = [];
      api.on!('LMSCommit Commit', () => (w.commits = (w.commits as number) + 1));
      api.on!('LMSSetValue.cmi.* SetValue.cmi.*', (el: unknown, value: unknown) =>
        (w.sets as unknown[]).push([el, value]),
      );
      w[rt.global] = api;
      const frame = document.createElement('iframe');
      frame.id = 'sco';
      frame.style.cssText = 'width:1280px;height:760px;border:0';
      document.body.append(frame);
    },
    rt,
    cmi,
  );
  await page.$eval('#sco', (f, src) => ((f as HTMLIFrameElement).src = src), `${base}/${pkg}/index.html`);
  const handle = await page.waitForSelector('#sco');
  const frame = (await handle!.contentFrame())!;
  await frame.waitForFunction(
    () => document.readyState === 'complete' && document.querySelector('svg.active'),
  );
  return frame;
}

/** What the LMS holds now, flattened: `cmi.core.lesson_status` … */
const cmi = (page: Page, version: Version) =>
  page.evaluate((g) => {
    const api = (window as unknown as Record<string, { getFlattenedCMI(): Record<string, string> }>)[g]!;
    return api.getFlattenedCMI();
  }, RUNTIME[version].global);

const lastSet = (page: Page, element: string) =>
  page.evaluate(
    (el) =>
      ((window as unknown as { sets: [string, string][] }).sets.filter(([e]) => e === el).at(-1) ?? [])[1],
    element,
  );

const commits = (page: Page) => page.evaluate(() => (window as unknown as { commits: number }).commits);

const key = (frame: Frame, k: string) =>
  frame.evaluate((k) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })), k);
const shown = (frame: Frame) =>
  frame.$$eval('svg[data-marpit-svg]', (ss) => ss.findIndex((s) => s.classList.contains('active')) + 1);

async function goTo(frame: Frame, slide: number): Promise<void> {
  while ((await shown(frame)) < slide) await key(frame, 'ArrowRight');
  expect(await shown(frame)).toBe(slide);
}

async function answer(frame: Frame, options: number[]): Promise<void> {
  for (const o of options) await key(frame, String(o));
  await key(frame, 'Enter');
}

/** Leaves the SCO as a learner closing the LMS's window would: the frame goes away. */
async function close(page: Page): Promise<void> {
  await page.$eval('#sco', (f) => f.remove());
  await page.waitForFunction(() => true);
}

const SESSION_TIME: Record<Version, RegExp> = {
  '1.2': /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
  '2004': /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/,
};

/** Keeps what an LMS keeps for the next launch of a suspended attempt, in scorm-again's JSON. */
function resumeData(version: Version, flat: Record<string, string>): Record<string, unknown> {
  if (version === '1.2')
    return {
      suspend_data: flat['cmi.suspend_data'],
      core: {
        lesson_location: flat['cmi.core.lesson_location'],
        lesson_status: flat['cmi.core.lesson_status'],
        entry: 'resume',
        score: { raw: flat['cmi.core.score.raw'], min: '0', max: '100' },
      },
    };
  return {
    suspend_data: flat['cmi.suspend_data'],
    location: flat['cmi.location'],
    completion_status: flat['cmi.completion_status'],
    entry: 'resume',
  };
}

describe.each([
  // 1.2: one wrong of three, 67 % against masteryScore 60: passed. 2004: two wrong, 33 %: failed.
  { version: '1.2' as Version, pkg: 'q12', second: [1, 3], third: [2], percent: 67, result: 'passed' },
  { version: '2004' as Version, pkg: 'q2004', second: [1], third: [2], percent: 33, result: 'failed' },
])('SCORM $version package under scorm-again', ({ version, pkg, second, third, percent, result }) => {
  it('tracks a launch, a suspend, a resume at the bookmark and the end of the course', async () => {
    const page = await browser.newPage();
    const v12 = version === '1.2';
    const status = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const location = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
    const raw = v12 ? 'cmi.core.score.raw' : 'cmi.score.raw';
    const exit = v12 ? 'cmi.core.exit' : 'cmi.exit';
    const sessionTime = v12 ? 'cmi.core.session_time' : 'cmi.session_time';

    // Launch 1: first slides, the first quiz answered wrong (B is right), then closed at slide 7.
    let frame = await launch(page, version, pkg);
    expect(await frame.$('.lectern-untracked')).toBeNull();
    let now = await cmi(page, version);
    expect(now[status]).toBe('incomplete');
    expect(now[location]).toBe('1');
    await goTo(frame, QUIZ.first);
    await answer(frame, [1]);
    await goTo(frame, QUIZ.second);
    const committed = await commits(page);
    expect(committed).toBeGreaterThanOrEqual(QUIZ.second);
    now = await cmi(page, version);
    expect(now[location]).toBe(String(QUIZ.second));
    expect(now[raw]).toBe('0');
    if (!v12) expect(now['cmi.score.scaled']).toBe('0');
    const suspended = JSON.parse(now['cmi.suspend_data']!) as {
      seen: string;
      answers: Record<string, number[]>;
    };
    expect(suspended.answers).toEqual({ [QUIZ.first - 1]: [0] });
    expect(suspended.seen).toBe('1111111' + '00');
    await close(page);
    expect(await commits(page)).toBeGreaterThan(committed);
    expect(await lastSet(page, exit)).toBe('suspend');
    expect(await lastSet(page, sessionTime)).toMatch(SESSION_TIME[version]);
    now = await cmi(page, version);
    expect(now[status]).toBe('incomplete');
    if (!v12) expect(now['cmi.success_status']).toBe('unknown');

    // Launch 2: resumes at slide 7 with the first answer kept, finishes the course.
    frame = await launch(page, version, pkg, resumeData(version, now));
    await frame.waitForFunction(
      (n) => document.querySelectorAll('svg[data-marpit-svg]')[n - 1]!.classList.contains('active'),
      {},
      QUIZ.second,
    );
    expect(await shown(frame)).toBe(QUIZ.second);
    expect(
      await frame.$$eval(`svg[data-marpit-svg]:nth-of-type(${QUIZ.first}) li`, (ls) =>
        ls.map((l) => l.className),
      ),
    ).toEqual(['lectern-wrong', 'lectern-right', '', '']);
    await answer(frame, second);
    await goTo(frame, QUIZ.third);
    await answer(frame, third);
    now = await cmi(page, version);
    expect(now[status]).toBe('incomplete');
    await goTo(frame, SLIDES);
    now = await cmi(page, version);
    expect(now[location]).toBe(String(SLIDES));
    expect(now[raw]).toBe(String(percent));
    expect(now[v12 ? 'cmi.core.score.max' : 'cmi.score.max']).toBe('100');
    expect(now[v12 ? 'cmi.core.score.min' : 'cmi.score.min']).toBe('0');
    if (v12) expect(now[status]).toBe(result);
    else {
      expect(now[status]).toBe('completed');
      expect(now['cmi.success_status']).toBe(result);
      expect(Number(now['cmi.score.scaled'])).toBeCloseTo(percent / 100, 1);
    }
    expect(await frame.$eval('.lectern-quiz-score', (e) => e.textContent)).toContain(
      `${percent === 67 ? 2 : 1} / 3`,
    );
    await close(page);
    expect(await lastSet(page, exit)).toBe(v12 ? '' : 'normal');
    expect(await lastSet(page, sessionTime)).toMatch(SESSION_TIME[version]);
    await page.close();
  }, 120_000);

  it('completes a deck with no quiz on its slides alone, with no score', async () => {
    const page = await browser.newPage();
    const plain = version === '1.2' ? 'p12' : 'p2004';
    const frame = await launch(page, version, plain);
    const total = await frame.$$eval('svg[data-marpit-svg]', (s) => s.length);
    await goTo(frame, total - 1);
    let now = await cmi(page, version);
    expect(now[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status']).toBe('incomplete');
    await goTo(frame, total);
    now = await cmi(page, version);
    expect(now[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status']).toBe('completed');
    expect(now[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('');
    if (version === '2004') expect(now['cmi.success_status']).toBe('unknown');
    await page.close();
  }, 60_000);
});

describe('SCORM package without an LMS', () => {
  it('shows the deck opened as a file and says it is not tracked', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/q12/index.html`);
    expect(await page.$eval('.lectern-untracked', (e) => e.textContent)).toContain('未连接学习平台');
    expect(await page.$$eval('svg.active', (s) => s.length)).toBe(1);
    await page.close();
  });
});

describe('imsmanifest.xml as IMS Content Packaging requires', () => {
  const packages = [
    {
      zip: () => join(out, 'quiz-scorm12.zip'),
      schemaversion: '1.2',
      ns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    },
    {
      zip: () => join(out, 'quiz-scorm2004.zip'),
      schemaversion: '2004 4th Edition',
      ns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    },
    {
      zip: () => join(plainOut, 'valid-scorm12.zip'),
      schemaversion: '1.2',
      ns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    },
    {
      zip: () => join(plainOut, 'valid-scorm2004.zip'),
      schemaversion: '2004 4th Edition',
      ns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    },
  ];
  it.each(packages)(
    '$schemaversion: well-formed, every file listed and present, identifiers unique',
    async (p) => {
      const zip = await JSZip.loadAsync(readFileSync(p.zip()));
      const xml = await zip.file('imsmanifest.xml')!.async('string');
      const page = await browser.newPage();
      // Chromium's XML parser: a document that is not well-formed comes back as a parsererror.
      const read = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const all = [...doc.getElementsByTagName('*')];
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          ns: doc.documentElement.namespaceURI,
          schemaversion: doc.getElementsByTagName('schemaversion')[0]?.textContent,
          title: doc.querySelector('organization > title')?.textContent,
          identifiers: all.flatMap((e) =>
            e.hasAttribute('identifier') ? [e.getAttribute('identifier')!] : [],
          ),
          refs: all.flatMap((e) =>
            e.hasAttribute('identifierref') ? [e.getAttribute('identifierref')!] : [],
          ),
          hrefs: all.flatMap((e) => (e.hasAttribute('href') ? [e.getAttribute('href')!] : [])),
          files: [...doc.getElementsByTagName('file')].map((f) => f.getAttribute('href')!),
          schemaLocation: doc.documentElement.getAttributeNS(
            'http://www.w3.org/2001/XMLSchema-instance',
            'schemaLocation',
          ),
          defaultOrg: doc.querySelector('organizations')?.getAttribute('default'),
        };
      }, xml);
      await page.close();
      expect(read.error).toBe(0);
      expect(read.root).toBe('manifest');
      expect(read.ns).toBe(p.ns);
      expect(read.schemaversion).toBe(p.schemaversion);
      expect(read.title).toMatch(/倾听的知识检查|沟通技巧训练营/);
      expect(new Set(read.identifiers).size).toBe(read.identifiers.length);
      for (const ref of [...read.refs, read.defaultOrg]) expect(read.identifiers).toContain(ref);
      const inZip = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
      for (const href of read.hrefs) expect(inZip).toContain(href);
      expect(inZip.filter((f) => f !== 'imsmanifest.xml').sort()).toEqual([...new Set(read.files)].sort());
      // Every schema schemaLocation names is in the package root.
      const named = read
        .schemaLocation!.trim()
        .split(/\s+/)
        .filter((_, i) => i % 2 === 1);
      expect(named.length).toBeGreaterThanOrEqual(3);
      for (const f of named) expect(inZip).toContain(f);
    },
  );

  it('a rebuild gives byte-identical packages', () => {
    const again = tempDir('lectern-scorm-again-');
    const run = lectern([
      'build',
      join(FIXTURES, 'quiz'),
      '--out',
      again,
      '--format',
      'scorm12,scorm2004',
      '--force',
    ]);
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['quiz-scorm12.zip', 'quiz-scorm2004.zip'])
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  }, 60_000);
});
