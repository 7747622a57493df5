import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lectern, treeHash } from '../helpers/cli.js';
import { pdfText } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const tmp = () => tempDir('lectern-import-');
const MARP = join(FIXTURES, 'marp-import');
const PNG = join(MARP, 'default', 'assets', 'paper.png');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

/** A Marp file in a folder of its own, with the files it links. */
function marpFile(text: string, files: Record<string, string> = {}): { dir: string; file: string } {
  const dir = tmp();
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    copyFileSync(from, join(dir, name));
  }
  writeFileSync(join(dir, 'talk.md'), text);
  return { dir, file: join(dir, 'talk.md') };
}

describe('lectern import', () => {
  it('keeps every slide, note and directive, and the built deck shows the deck’s own header and footer', async () => {
    const work = tmp();
    const source = join(work, 'src');
    cpSync(join(MARP, 'default'), source, { recursive: true });
    const before = treeHash(source);
    const deck = join(work, 'deck');
    const r = lectern(['import', join(source, 'talk.md'), '--out', deck]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 slides in 2 chapters and the review, 1 image\(s\) copied/);
    expect(r.stdout).toMatch(/03-review\.md: the review was drafted from the chapter headings; edit it/);
    expect(treeHash(source)).toBe(before);
    expect(readdirSync(deck).sort()).toEqual([
      '01-hooks-in-practice.md',
      '02-patterns.md',
      '03-review.md',
      'assets',
      'deck.md',
    ]);
    const deckMd = readFileSync(join(deck, 'deck.md'), 'utf8');
    expect(deckMd).toMatch(/^footer: CS571 \| Lecture 08: React 2$/m);
    expect(deckMd).toMatch(/^backgroundImage: url\('assets\/paper\.png'\)$/m);
    expect(deckMd).toMatch(/^theme: default$/m);
    expect(deckMd).toMatch(/^chapters: 2$/m);
    expect(readFileSync(join(deck, 'assets', 'paper.png'))).toEqual(readFileSync(PNG));
    // Every line of the source's body is in a chapter, in order.
    const chapters = ['01-hooks-in-practice.md', '02-patterns.md'].map((f) =>
      readFileSync(join(deck, f), 'utf8'),
    );
    const body = readFileSync(join(source, 'talk.md'), 'utf8').split('\n---\n').slice(1).join('\n---\n');
    const kept = chapters.map((c) => c.split('\n---\n').slice(1).join('\n---\n').trim()).join('\n\n');
    expect(kept.replace(/\s+/g, ' ')).toBe(body.trim().replace(/\s+/g, ' '));

    const out = join(work, 'out');
    const built = lectern(['build', deck, '--out', out, '--format', 'pdf,script,pptx']);
    expect(built.stderr).not.toMatch(/error:/);
    expect(built.code).toBe(0);
    const pages = pdfText(join(out, 'deck.pdf')).split('\f');
    // Title, agenda, divider, then the first content slide: the deck's header and footer, not lectern's.
    expect(pages[3]).toMatch(/Basics/);
    expect(pages[3]).toMatch(/CS571 \| Lecture 08: React 2/);
    expect(pages.join('\n')).not.toMatch(/01 · Hooks in practice/);
    // The second section's header, and the shortcode drawn as its emoji.
    expect(pages[7]).toMatch(/Patterns/);
    expect(pages[3]).toMatch(/👌/);
    expect(pages.join('\n')).not.toMatch(/:ok_hand:|:satisfied:/);
    // The editable PPTX draws the header each slide shows: the deck's, never lectern's chapter header.
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'deck.pptx')));
    const runs = async (n: number) =>
      [...(await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(
        (m) => m[1],
      );
    expect(await runs(4)).toContain('Basics');
    expect(await runs(8)).toContain('Patterns');
    expect((await runs(4)).join(' ')).not.toMatch(/01 · /);
    // The notes made it to the speaker script.
    const script = pdfText(join(out, 'deck-script.pdf'));
    expect(script).toMatch(/Welcome everyone; ask who has written a class\s+component\./);
    expect(script).toMatch(/Mention the useFetch example from last\s+week\./);
  }, 180_000);

  it('lists each web image with the command that downloads it, writes the deck whole, and the build names the image until it is there', () => {
    const { file } = marpFile(
      '---\nmarp: true\n---\n\n# Charts\n\n![chart](https://example.com/pics/sales%20chart.png)\n\n---\n\n## Local\n\n![](img/a.png)\n',
      { 'img/a.png': PNG },
    );
    const work = tmp();
    const deck = join(work, 'deck');
    const r = lectern(['import', file, '--out', deck], { cwd: work });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 web image(s) to download before the deck builds');
    expect(r.stderr).toContain(
      `curl -fL -o 'deck/assets/sales-chart.png' 'https://example.com/pics/sales%20chart.png'`,
    );
    noStack(r.stderr);
    const chapter = readFileSync(join(deck, '01-charts.md'), 'utf8');
    expect(chapter).toContain('![chart](assets/sales-chart.png)');
    expect(chapter).toContain('![](assets/a.png)');
    const before = lectern(['check', 'deck'], { cwd: work });
    expect(before.code).toBe(3);
    expect(before.stderr + before.stdout).toMatch(
      /deck\/01-charts\.md:9: error: image assets\/sales-chart\.png does not exist/,
    );
    // What the curl command would do.
    copyFileSync(PNG, join(deck, 'assets', 'sales-chart.png'));
    const after = lectern(['check', 'deck'], { cwd: work });
    expect(after.stdout).toMatch(/^0 error\(s\)/m);
    expect(after.code).toBe(0);
  }, 120_000);

  it('refuses a folder that is not empty and touches nothing in it', () => {
    const work = tmp();
    const deck = join(work, 'deck');
    mkdirSync(deck);
    writeFileSync(join(deck, 'notes.txt'), 'mine');
    const r = lectern(['import', join(MARP, 'gaia', 'talk.md'), '--out', deck], { cwd: work });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/deck is not empty; lectern import never overwrites anything/);
    expect(r.stderr).toMatch(/hint: /);
    noStack(r.stderr);
    expect(readdirSync(deck)).toEqual(['notes.txt']);
    expect(readdirSync(work)).toEqual(['deck']);
  });

  it.each([
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /is a binary file/],
    ['a GBK file', Buffer.from([0x23, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]), /is not UTF-8 text/],
    [
      'front matter and no slides',
      Buffer.from('---\nmarp: true\n---\n\n<!-- only a note -->\n'),
      /has no slides/,
    ],
  ])('says that %s is not a Marp markdown file, and writes nothing', (_what, bytes, why) => {
    const work = tmp();
    writeFileSync(join(work, 'talk.md'), bytes);
    const r = lectern(['import', 'talk.md'], { cwd: work });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/talk\.md:\d+: talk\.md is not a Marp markdown file: /);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(/hint: /);
    noStack(r.stderr);
    expect(readdirSync(work)).toEqual(['talk.md']);
    expect(existsSync(join(work, 'talk'))).toBe(false);
  });

  it('reports a backgroundImage outside the deck once, at its directive’s line', () => {
    const { dir, file } = marpFile(
      '---\nmarp: true\n---\n\n# One\n\n<!-- _backgroundImage: url(../../elsewhere/bg.png) -->\n\ntext\n',
    );
    const deck = join(dir, 'deck');
    expect(lectern(['import', file, '--out', deck]).code).toBe(0);
    const r = lectern(['check', deck, '--json']);
    const findings = (
      JSON.parse(r.stdout) as { findings: { code: string; line: number; severity: string }[] }
    ).findings;
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.line])).toEqual([['image-outside', 9]]);
  }, 60_000);
});
