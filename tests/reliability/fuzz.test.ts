import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../src/core/errors.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { prepareValidDeck } from '../../src/build/prepare-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { FIXTURES } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Property: whatever the sources hold, load → validate → compose → render ends in a rendered
 * deck whose slide count is the split's, or in a LecternError that says where (file, and line
 * where one applies) — never in another exception, a hang, or Marp seeing other slides than
 * the loader. Runs are modest in `npm test`;
 * FUZZ_RUNS raises them, and FUZZ_SEED replays a failure (fast-check prints seed and path).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A case that takes longer than this counts as a hang. */
const CASE_MS = 20_000;
/** Problems about a file that does not exist have no line. */
const NO_LINE = new Set(['chapter-missing', 'deck-missing']);

export const stats = { cases: 0, rendered: 0, refused: 0, why: {} as Record<string, number> };
const tally = (code: string) => (stats.why[code] = (stats.why[code] ?? 0) + 1);

async function runPipeline(dir: string): Promise<void> {
  stats.cases++;
  const t0 = performance.now();
  // Core code never prints: a library that writes to the console mid-pipeline is a finding.
  const printed = ['error', 'warn', 'log', 'info'].map((k) =>
    vi.spyOn(console, k as 'error').mockImplementation(() => undefined),
  );
  try {
    const loaded = await loadDeck(dir, dir);
    const { problems, model } = validateDeck(loaded);
    for (const p of problems) {
      expect(p.file, p.message).toBeTruthy();
      if (!NO_LINE.has(p.code)) expect(p.line, `${p.code}: ${p.message}`).toBeGreaterThan(0);
    }
    if (!model) {
      stats.refused++;
      tally(problems.find((p) => p.severity === 'error')?.code ?? 'no-model');
      return;
    }
    // fontCss '' skips the font subset: the property is about the sources, not the font.
    const prepared = await prepareValidDeck(loaded, model, problems, { fontCss: '' });
    const split = 3 + model.chapters.reduce((n, c) => n + 1 + c.slides.length, 0);
    expect(prepared.composed.slides.length).toBe(split);
    expect(prepared.rendered.slideSvgs.length).toBe(split);
    stats.rendered++;
  } catch (err) {
    if (!(err instanceof LecternError)) throw err;
    // The loader splits with Marp's own tokens: the two never disagree on the slides.
    expect(err.message).not.toMatch(/Marp sees \d+ slides where lectern sees/);
    stats.refused++;
    tally(err.problems[0]?.code ?? err.message.replace(/\d+/g, 'N').slice(0, 40));
    if (err.problems.length > 0) for (const p of err.problems) expect(p.file, p.message).toBeTruthy();
    else expect(err.file, err.message).toBeTruthy();
  } finally {
    const calls = printed.flatMap((spy) => spy.mock.calls.map((c) => String(c[0]).split('\n')[0]));
    for (const spy of printed) spy.mockRestore();
    expect(calls, 'the pipeline printed to the console').toEqual([]);
    expect(performance.now() - t0).toBeLessThan(CASE_MS);
  }
}

// Pieces of markdown that have broken parsers before: separators, unbalanced comments and
// fences, directives, control and bidi characters, long lines, math, HTML, images.
const piece = fc.oneof(
  fc.constantFrom(
    '---',
    '***',
    '___',
    ' ---',
    '--- ',
    '----',
    '<!--',
    '-->',
    '<!-- 备注 -->',
    '```',
    '~~~',
    '```js',
    '$$',
    '$x^2$',
    '\\href{x}{y}',
  ),
  fc.constantFrom(
    '<!-- _class: cards -->',
    '<!-- theme: gaia -->',
    '<!-- minutes: 5 -->',
    '<!-- minutes: x -->',
    '<!-- paginate: false -->',
    '<!-- _backgroundColor: red -->',
    '<!-- header: "h" -->',
    '<!-- fit -->',
    '<!--\nstyle: x\n-->',
  ),
  fc.constantFrom(
    '## 标题',
    '# H1',
    '- **要点** 文字',
    '1. 第一',
    '> 引用',
    '| a | b |\n| - | - |',
    '![图](assets/dot.png)',
    '<img src="assets/dot.png">',
    '<style scoped>h2{color:red}</style>',
    '[链接](https://example.com)',
    '<br>',
    '<div>',
  ),
  fc.constantFrom(
    '\u000b',
    '\u0001',
    '\u007f',
    '\u202e',
    '\u2066',
    '\u200d',
    '\ufeff',
    '\ud800',
    '\udfff',
    '\u0000',
    '\r',
    '\t',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 1, max: 10_000 }).map((n) => '长'.repeat(n)),
);
const body = fc
  .array(piece, { maxLength: 30 })
  .chain((pieces) =>
    fc
      .array(fc.constantFrom('\n', '\n\n', ' ', ''), { minLength: pieces.length, maxLength: pieces.length })
      .map((gaps) => pieces.map((p, i) => p + gaps[i]).join('')),
  );

// Front matter values of every YAML type, and YAML that is barely YAML.
const yamlValue = fc.oneof(
  fc.constantFrom(
    '',
    '~',
    'null',
    'true',
    'no',
    '0',
    '-1',
    '1e999',
    '.nan',
    '2026-12-01',
    '12:30',
    '0x1F',
    '[1, 2]',
    '{a: 1}',
    '"\\v\\u0000\\x01"',
    "'引号'",
    '|\n  块\n  文本',
    '>\n  折叠',
    '&a x',
    '*a',
    '!!binary aGk=',
    '!!js/function x',
    '[',
    '{',
    '"未闭合',
    '- a\n- b',
  ),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.double().map(String),
  fc.integer().map(String),
);
const key = fc.constantFrom(
  'title',
  'minutes',
  'notes',
  'subtitle',
  'chapters',
  'duration',
  'theme',
  'name',
  'lang',
  'size',
  'brand',
  'closing',
  'agendaNotes',
  'marp',
  'class',
  'unknown',
  '',
);
const frontMatter = fc
  .array(fc.tuple(key, yamlValue), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));

function writeDeck(dir: string, deckFm: string, chapterFm: string, chapterBody: string, reviewBody: string) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(FIXTURES, 'valid', 'assets'), join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'deck.md'),
    `---\ntitle: 模糊测试\nchapters: 1\n${deckFm}\n---\n\n<!-- 标题备注 -->\n`,
  );
  writeFileSync(join(dir, '01-fuzz.md'), `---\ntitle: 第一章\n${chapterFm}\n---\n\n${chapterBody}\n`);
  writeFileSync(join(dir, '02-review.md'), `---\ntitle: 回顾\n---\n\n${reviewBody}\n`);
}

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

describe('fuzzing load → validate → compose → render', () => {
  const root = tempDir('lectern-fuzz-');

  it('random bodies: unbalanced comments and fences, random separators, directives, control characters, long lines', async () => {
    const dir = join(root, 'bodies');
    await fc.assert(
      fc.asyncProperty(body, body, async (a, b) => {
        writeDeck(dir, '', '', `## 开始\n\n${a}`, b);
        await runPipeline(dir);
      }),
      params,
    );
  });

  it('random front matter of every YAML type', async () => {
    const dir = join(root, 'front-matter');
    await fc.assert(
      fc.asyncProperty(frontMatter, frontMatter, async (deckFm, chapterFm) => {
        writeDeck(dir, deckFm, chapterFm, '## 页\n\n- 要点\n\n<!-- 备注 -->', '## 回顾\n\n<!-- 备注 -->');
        await runPipeline(dir);
      }),
      params,
    );
  });

  it('mutations of the fixture decks: cut, duplicated and inserted lines', async () => {
    const dir = join(root, 'mutations');
    const sources = ['01-listening.md', '02-speaking.md', '03-review.md'].map((f) =>
      readFileSync(join(FIXTURES, 'valid', f), 'utf8'),
    );
    const mutation = fc.array(
      fc.tuple(fc.constantFrom('cut', 'dup', 'insert', 'swap'), fc.nat(), fc.nat(), piece),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), mutation, async (which, steps) => {
        let lines = (sources[which] as string).split('\n');
        for (const [op, i, j, text] of steps) {
          const at = i % (lines.length + 1);
          const to = j % (lines.length + 1);
          if (op === 'cut') lines = [...lines.slice(0, Math.min(at, to)), ...lines.slice(Math.max(at, to))];
          else if (op === 'dup')
            lines = [...lines.slice(0, at), ...lines.slice(at, at + 3), ...lines.slice(at)];
          else if (op === 'insert') lines = [...lines.slice(0, at), text, ...lines.slice(at)];
          else [lines[at], lines[to]] = [lines[to] ?? '', lines[at] ?? ''];
        }
        rmSync(dir, { recursive: true, force: true });
        cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
        writeFileSync(
          join(dir, ['01-listening.md', '02-speaking.md', '03-review.md'][which] as string),
          lines.join('\n'),
        );
        await runPipeline(dir);
      }),
      params,
    );
  });

  it('ran every case', () => {
    // Printed so the counts in reports come from a run, not from memory.
    console.log(
      `fuzz: ${stats.cases} cases, ${stats.rendered} rendered, ${stats.refused} refused with file:line (${Object.entries(
        stats.why,
      )
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(3 * RUNS);
  });
});
