import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/export/browser/browser.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { fixtureDeck } from '../helpers/fixture-decks.js';
import { pdfInfo } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('lectern-library-');
const courses = join(root, 'courses');
const out = join(root, 'out');
const launches = join(root, 'launches.log');
// The real browser behind a wrapper that notes each start: the library must start it once.
const wrapper = join(root, 'chromium-counting');
const decks = ['alpha', 'broken', 'forklift'].map((d) => join(courses, d));
let run: ReturnType<typeof lectern>;
const env = { CHROME_PATH: wrapper };

beforeAll(() => {
  mkdirSync(courses);
  cpSync(join(FIXTURES, 'valid'), join(courses, 'alpha'), { recursive: true });
  renameSync(fixtureDeck('bad-feedback-url', courses), join(courses, 'broken'));
  cpSync(join(FIXTURES, 'other-topic'), join(courses, 'forklift'), { recursive: true });
  writeFileSync(
    wrapper,
    `#!/bin/sh\necho start >> '${launches}'\nexec '${findBrowser({ PATH: process.env.PATH })}' "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  run = lectern(['build', ...decks.map((d) => `${d}/`), '--out', out, '--format', 'html,pdf'], {
    cwd: root,
    env,
  });
});

const starts = () => (existsSync(launches) ? readFileSync(launches, 'utf8').trim().split('\n').length : 0);

describe('lectern build courses/*/ (a library of decks)', () => {
  it('builds each good deck into out/<deck>/, though another deck is broken', () => {
    expect(pdfInfo(join(out, 'alpha', 'alpha.pdf')).Pages).toBe('10');
    expect(existsSync(join(out, 'alpha', 'alpha.html'))).toBe(true);
    expect(Number(pdfInfo(join(out, 'forklift', 'forklift.pdf')).Pages)).toBeGreaterThan(5);
    expect(existsSync(join(out, 'broken'))).toBe(false);
    // Each deck keeps its own cache beside its outputs.
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'alpha', '.lectern-cache.json'), 'utf8')))).toEqual([
      'alpha.html',
      'alpha.pdf',
    ]);
    expect(existsSync(join(out, 'forklift', '.lectern-cache.json'))).toBe(true);
  });

  it('reports the broken deck’s errors with file:line and exits with the worst deck’s code', () => {
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/broken[\\/]deck\.md:14: error: feedback must be an http/);
  });

  it('ends with a summary table naming every deck and its result', () => {
    const table = run.stdout.slice(run.stdout.indexOf('deck  '));
    expect(table).toMatch(/^deck\s+result\s+slides\s+outputs\s+size\s+exit$/m);
    expect(table).toMatch(/alpha\/\s+built\s+10\s+2 in .*alpha\/\s+[\d.]+ KB\s+0$/m);
    expect(table).toMatch(/broken\/\s+2 errors\s+3$/m);
    expect(table).toMatch(/forklift\/\s+built\s+\d+\s+2 in .*forklift\/\s+[\d.]+ KB\s+0$/m);
    expect(table).toMatch(/2 of 3 decks built, 1 failed/);
  });

  it('starts one browser for the whole library', () => {
    expect(starts()).toBe(1);
  });

  it('a second run finds both good decks unchanged and starts no browser', () => {
    const again = lectern(['build', ...decks, '--out', out, '--format', 'html,pdf'], { cwd: root, env });
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/alpha\s+unchanged\s+10/);
    expect(again.stdout).toMatch(/forklift\s+unchanged/);
    expect(starts()).toBe(1);
  });

  it('exits 0 when every deck builds', () => {
    const good = lectern(['build', decks[0]!, decks[2]!, '--out', out, '--format', 'html'], {
      cwd: root,
      env,
    });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/2 of 2 decks built$/m);
  });

  it('refuses two deck folders of the same name, whose outputs would collide', () => {
    mkdirSync(join(root, 'other'));
    cpSync(join(FIXTURES, 'valid'), join(root, 'other', 'alpha'), { recursive: true });
    const clash = lectern(
      ['build', decks[0]!, join(root, 'other', 'alpha'), '--out', out, '--format', 'html'],
      { cwd: root, env },
    );
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/two deck folders are named alpha/);
  });
});
