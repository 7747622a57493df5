import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { ooxmlErrors } from '../helpers/ooxml.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');
/** Characters XML 1.0 forbids: any of them makes a PPTX part malformed. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('resources and faults', () => {
  it('a full disk (a file-size limit): exit 4 naming the output, previous outputs byte-identical, no temporary folder left', () => {
    const dir = tempDir('lectern-fault-');
    const out = join(dir, 'out');
    expect(lectern(['build', 'tests/fixtures/valid', '--out', out, '--format', 'html']).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    // 150 KiB: smaller than the HTML (about 200 KB). `ulimit -f` counts 1024-byte blocks in sh
    // and bash alike; Node ignores SIGXFSZ, so writes fail with EFBIG.
    const r = spawnSync(
      'sh',
      [
        '-c',
        `ulimit -f 150 && exec "${process.execPath}" "${CLI}" build tests/fixtures/valid --out "${out}" --format html --force`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 170_000 },
    );
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/lectern: cannot write .*out\/valid\.html: EFBIG/);
    expect(r.stderr).toMatch(/hint: the disk is full or the file is larger than allowed/);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readdirSync(out).sort()).toEqual(Object.keys(before).sort());
    for (const [f, bytes] of Object.entries(before))
      expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
  });

  it('control characters (a vertical tab from Word, YAML escapes) never reach the PPTX XML, and notes survive', async () => {
    const dir = tempDir('lectern-fault-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const file = join(deck, '02-speaking.md');
    const text = readFileSync(file, 'utf8')
      .replace('title: 清晰表达', 'title: "清晰\\v表达\\x01"')
      .replace('用短句说清要点。', '用短句\u000b说清要点\u0001。')
      .replace('<!-- 强调准确性，时间：约 12 分钟 -->', '<!-- 强调\u000b准确性\u001f，时间：约 12 分钟 -->');
    writeFileSync(file, text);
    const r = lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'pptx,pptx-pictures']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/02-speaking\.md:\d+: warning: holds control characters/);
    for (const name of ['deck.pptx', 'deck-pictures.pptx']) {
      expect(await ooxmlErrors(join(dir, 'out', name)), name).toEqual([]);
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out', name)));
      const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
      let notes = '';
      for (const part of parts) {
        const xml = await zip.file(part)!.async('string');
        expect(xml, `${name} ${part}`).not.toMatch(XML_INVALID);
        if (part.includes('notesSlide')) notes += xml;
      }
      expect(notes, name).toMatch(/强调 准确性 ，时间/);
    }
  }, 180_000);

  it('a FIFO in the deck folder does not hang the input hash', () => {
    const dir = tempDir('lectern-fault-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    execFileSync('mkfifo', [join(deck, 'assets', 'pipe')]);
    const r = lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('check --json names file and line for decks refused after validation', () => {
  const cases: [string, (deck: string) => void, RegExp, number][] = [
    [
      'a script link from MathJax',
      (d) =>
        writeFileSync(
          join(d, '02-speaking.md'),
          readFileSync(join(d, '02-speaking.md'), 'utf8').replace(
            '## 表达两原则',
            '$\\href{javascript:alert(1)}{x}$\n\n## 表达两原则',
          ),
        ),
      /02-speaking\.md$/,
      6,
    ],
    [
      'a theme CSS syntax error',
      (d) => {
        writeFileSync(join(d, 'brand.css'), '/* @theme brand */\nsection {\n  color: red;\n');
        writeFileSync(
          join(d, 'deck.md'),
          readFileSync(join(d, 'deck.md'), 'utf8').replace('chapters: 2', 'chapters: 2\ntheme: brand.css'),
        );
      },
      /brand\.css$/,
      2,
    ],
  ];
  it.each(cases)('%s', (_name, change, file, line) => {
    const dir = tempDir('lectern-fault-');
    const deck = join(dir, 'deck');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    change(deck);
    const r = lectern(['check', deck, '--json']);
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout) as { errors: number; findings: { file: string; line: number }[] };
    expect(report.errors).toBeGreaterThan(0);
    expect(report.findings[0]!.file).toMatch(file);
    expect(report.findings[0]!.line).toBe(line);
  });
});
