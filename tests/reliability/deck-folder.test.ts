import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, outputTargets, type Format } from '../../src/build/formats.js';
import { LecternError } from '../../src/core/errors.js';
import { assertOutputsAvoid } from '../../src/export/output/output-targets.js';
import { Staging } from '../../src/export/output/staging.js';
import { CACHE_FILE } from '../../src/export/output/build-cache.js';
import { FIXTURES, ROOT, lectern, treeHash } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { edit } from './case.js';

/**
 * Property (issue 24): whatever the output folder, the deck's `name`, the formats and the deck
 * folder's own name and place (named like an output, inside the output folder, inside an
 * output), a build leaves every byte of the deck folder as it was. It builds or refuses with
 * exit 4; nothing else. FUZZ_SEED replays a failure (fast-check prints the seed and the case).
 */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const NAMES = ['talk', 'deck', '课程'] as const;

interface Layout {
  name: string;
  /** The deck folder's name: often one of its own outputs'. */
  deckName: (name: string) => string;
  /** Where the deck folder sits below the case's folder. */
  under: (name: string) => string;
  /** --out, relative to the case's folder; `@deck` is the deck folder. */
  out: string;
  formats: Format[];
}

const layout = (formats: fc.Arbitrary<Format[]>): fc.Arbitrary<Layout> =>
  fc.record({
    name: fc.constantFrom(...NAMES),
    deckName: fc.constantFrom<Layout['deckName']>(
      (n) => `${n}-images`,
      (n) => `${n}.html`,
      (n) => `${n}-share.html`,
      (n) => `${n}-images.zip`,
      () => CACHE_FILE,
      () => '.lectern-slides.json',
      () => '.lectern-tmp-4999999-x',
      () => 'deck',
      () => 'out',
      () => 'slides 课程',
    ),
    under: fc.constantFrom<Layout['under']>(
      () => '',
      () => 'out',
      (n) => `out/${n}-images`,
      (n) => `${n}-images`,
    ),
    out: fc.constantFrom(
      '.',
      'out',
      'out/sub',
      '@deck',
      '@deck/..',
      '@deck/out',
      '@deck/..out',
      'link',
      'link/x',
    ),
    formats,
  });

/** Makes the case's folder: the valid fixture as the deck, named and placed as the layout says. */
function lay(dir: string, l: Layout): { deck: string; out: string } {
  const deck = join(dir, l.under(l.name), l.deckName(l.name));
  mkdirSync(dirname(deck), { recursive: true });
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  edit(join(deck, 'deck.md'), (t) => t.replace('chapters: 2', `chapters: 2\nname: ${l.name}`));
  symlinkSync(deck, join(dir, 'link'));
  const rel = relative(dir, deck) || '.';
  return { deck, out: l.out.replace('@deck', rel) };
}

/** A build either succeeds or refuses with exit 4 (or 3: a deck folder named `.lectern-…` holds no deck to refuse). */
function expectOutputRefusal(err: unknown): void {
  if (!(err instanceof LecternError)) throw err;
  expect(err.exit, err.message).toBe('OUTPUT');
}

const FAST: Format[] = ['html', 'share'];

describe('the deck folder is never written', () => {
  it('whatever the layout, staging and publishing leave the deck as it was (no browser)', async () => {
    await fc.assert(
      fc.asyncProperty(layout(fc.subarray([...FORMATS], { minLength: 1 })), async (l) => {
        const dir = tempDir('lectern-prop-');
        const { deck, out } = lay(dir, l);
        const before = treeHash(deck);
        const outDir = join(dir, out);
        const targets = l.formats.flatMap((f) => outputTargets(l.name, f));
        try {
          // What build() does around its writers, with every staged output written for real.
          await assertOutputsAvoid(
            outDir,
            targets.map((t) => t.name),
            [{ path: deck, label: 'the deck folder' }],
            out,
          );
          await using staging = await Staging.open(outDir);
          for (const t of targets) {
            if (t.folder) writeFileSync(join(await staging.folder(t.name), '01.png'), 'png');
            else await staging.write(t.name, 'output');
          }
          await staging.publishAll(targets, {});
        } catch (err) {
          expectOutputRefusal(err);
        }
        expect(treeHash(deck)).toBe(before);
      }),
      { numRuns: 300, seed: SEED, verbose: 1 },
    );
  });

  it('whatever the layout, a build and a rebuild leave the deck as it was', async () => {
    const formats = fc.oneof(
      { weight: 5, arbitrary: fc.subarray(FAST, { minLength: 1 }) },
      { weight: 1, arbitrary: fc.constant<Format[]>(['html', 'images']) },
    );
    let built = 0;
    await fc.assert(
      fc.asyncProperty(layout(formats), async (l) => {
        const dir = tempDir('lectern-prop-');
        const { deck, out } = lay(dir, l);
        const before = treeHash(deck);
        // The built CLI, as a user runs it (marp-cli resolves its engine from dist/); then a rebuild.
        for (let i = 0; i < 2; i++) {
          const r = lectern(
            ['build', relative(dir, deck) || '.', '--out', out, '--format', l.formats.join(',')],
            {
              cwd: dir,
            },
          );
          expect([0, 4], r.stderr).toContain(r.code);
          expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
          if (i === 0 && r.code === 0) built++;
          expect(treeHash(deck)).toBe(before);
        }
        expect(existsSync(join(deck, 'deck.md'))).toBe(true);
      }),
      { numRuns: 12, seed: SEED, verbose: 1 },
    );
    // The property means something only if some layouts do build.
    expect(built).toBeGreaterThan(0);
  });
});

describe("lectern's own folder", () => {
  it("takes outputs beside its sources, as the README's npm run slides writes out/, and refuses them in its read folders", () => {
    const out = `.test-out-${process.pid}`;
    try {
      const r = lectern(['build', join(FIXTURES, 'valid'), '--out', out, '--format', 'html'], { cwd: ROOT });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(ROOT, out, 'valid.html'))).toBe(true);
    } finally {
      rmSync(join(ROOT, out), { recursive: true, force: true });
    }
    const themes = treeHash(join(ROOT, 'themes'));
    for (const folder of ['themes', 'dist/x', 'node_modules', 'src']) {
      const r = lectern(['build', join(FIXTURES, 'valid'), '--out', folder, '--format', 'html'], {
        cwd: ROOT,
      });
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/this output lies inside a folder of lectern's own/);
    }
    expect(treeHash(join(ROOT, 'themes'))).toBe(themes);
    expect(existsSync(join(ROOT, 'dist', 'x'))).toBe(false);
  });
});
