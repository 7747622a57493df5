import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/core/problem.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { fixtureDeck, type FixtureDeck } from '../helpers/fixture-decks.js';
import { tempDir } from '../helpers/temp.js';

interface Report {
  errors: number;
  warnings: number;
  findings: { severity: string; code: string; file: string; line?: number; message: string }[];
}

/** `check --json` lists findings; an exit-code name (INVALID_DECK, USAGE) is not one. */
function findingsOf(stdout: string): Report {
  const report = JSON.parse(stdout) as Report;
  for (const f of report.findings) expect(FINDING_CODES, JSON.stringify(f)).toContain(f.code);
  return report;
}

describe('lectern check --json', () => {
  it('names a theme the deck cannot use with a finding code, its file and line, and exits 3', () => {
    const deck = join(tempDir('lectern-check-json-'), 'themed');
    cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
    const source = readFileSync(join(deck, 'deck.md'), 'utf8').replace(/^title:/m, 'theme: nowhere\ntitle:');
    writeFileSync(join(deck, 'deck.md'), source);
    const r = lectern(['check', deck, '--json']);
    expect(r.code, r.stderr).toBe(3);
    const report = findingsOf(r.stdout);
    expect(report).toMatchObject({ errors: 1, warnings: 0 });
    expect(report.findings[0]).toMatchObject({
      severity: 'error',
      code: 'theme-invalid',
      file: expect.stringMatching(/themed\/deck\.md$/),
      line: source.split('\n').indexOf('theme: nowhere') + 1,
      message: 'unknown theme "nowhere"',
    });
  });

  it('reports wrong usage as a usage finding with exit 2, and a deck with errors by their own codes', () => {
    const usage = lectern(['check', 'tests/fixtures/valid', '--json', '--chapters', '09']);
    expect(usage.code, usage.stderr).toBe(2);
    expect(findingsOf(usage.stdout).findings).toEqual([expect.objectContaining({ code: 'usage' })]);
    const missing = lectern(['check', fixtureDeck('missing-chapter'), '--json']);
    expect(missing.code).toBe(3);
    expect(findingsOf(missing.stdout).findings.map((f) => f.code)).toContain('chapter-missing');
    const folder = lectern(['check', 'tests/fixtures/nowhere', '--json']);
    expect(folder.code).toBe(3);
    expect(findingsOf(folder.stdout).findings).toEqual([
      expect.objectContaining({ code: 'deck-folder', file: 'tests/fixtures/nowhere' }),
    ]);
  });

  it('lists only finding codes, each with its file, for every fixture deck with errors', () => {
    // The validation decks (tests/helpers/fixture-decks.ts); the clean ones are left out: each
    // would start Chromium to find nothing (the overflow deck's finding is checked in cli.test.ts).
    const decks: FixtureDeck[] = [
      'bad-feedback-url',
      'bad-minutes',
      'bad-yaml',
      'chapter-no-title',
      'duplicate-chapter',
      'empty-chapter',
      'extra-chapter',
      'missing-chapter',
      'missing-image',
      'image-outside',
      'no-deck-md',
      'no-title',
      'not-utf8',
    ];
    const seen = new Set<string>();
    for (const name of decks) {
      const r = lectern(['check', fixtureDeck(name), '--json']);
      expect(r.code, `${name}: ${r.stderr}`).toBe(3);
      for (const f of findingsOf(r.stdout).findings) {
        expect(f.file, JSON.stringify(f)).toMatch(/\S/);
        seen.add(f.code);
      }
    }
    // The fixtures show errors of several kinds, not one code everywhere.
    expect(seen.size).toBeGreaterThan(8);
  });
});
