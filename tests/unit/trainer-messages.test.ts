import { execSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/load/front-matter.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { newDeck } from '../../src/scaffold/new-deck.js';
import { ROOT, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// The usual slips of a new trainer, each named in their words at the line to fix.
const problem = (text: string) => {
  const r = parseFrontMatter(text, 'deck.md');
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

async function scaffold(chapters = 3): Promise<string> {
  const dir = join(tempDir('lectern-words-'), 'course');
  await newDeck({ dir, chapters });
  return dir;
}
const findings = async (dir: string) => validateDeck(await loadDeck(dir, join(dir, '..'))).problems;

describe('YAML slips', () => {
  it('names a full-width colon at its own line and says to use ":"', () => {
    const p = problem(
      ['---', 'subtitle: 入职第一周', 'title：新人培训', 'chapters: 3', '---', ''].join('\n'),
    );
    expect(p.line).toBe(3);
    expect(p.message).toContain('full-width colon');
    expect(p.hint).toBe("use ':' followed by a space: `title: 新人培训`");
  });

  it('reads a full-width colon inside block text as text', () => {
    const r = parseFrontMatter(
      ['---', 'title: 新人培训', 'notes: |', '  Tip：先问候', '---', ''].join('\n'),
      'f.md',
    );
    expect(r.ok).toBe(true);
  });

  it('puts an unclosed quote at the line that opens it, not at the closing ---', () => {
    const p = problem(
      ['---', 'chapters: 3', 'title: "新人培训', 'subtitle: 第一期', 'duration: 60', '---', ''].join('\n'),
    );
    expect(p.line).toBe(3);
    expect(p.message).toBe('this value opens a quote that is never closed');
  });
});

describe('files named almost right', () => {
  it.each([
    ['3-x.md', '03-x.md'],
    ['03_x.md', '03-x.md'],
    ['03-x.md.txt', '03-x.md'],
  ])('found %s: did you mean %s?', async (wrong, meant) => {
    const dir = await scaffold();
    renameSync(join(dir, '03-chapter-3.md'), join(dir, wrong));
    const missing = (await findings(dir)).filter((f) => f.code === 'chapter-missing');
    expect(missing.map((f) => f.message)).toEqual([`found ${wrong}: did you mean ${meant}?`]);
    expect(missing[0]!.file.endsWith(wrong)).toBe(true);
  });

  it('says which sibling exists when an image is linked with the wrong extension', async () => {
    const dir = await scaffold(1);
    writeFileSync(
      join(dir, 'assets', 'flow.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    );
    writeFileSync(
      join(dir, '01-chapter-1.md'),
      '---\ntitle: 流程\n---\n\n## 流程\n\n![流程](assets/flow.png)\n\n<!-- 讲解流程 -->\n',
    );
    const missing = (await findings(dir)).find((f) => f.code === 'image-missing');
    expect(missing).toMatchObject({
      line: 7,
      message: 'assets/flow.png does not exist; assets/flow.svg does',
    });
  });
});

describe('what lectern new writes', () => {
  it('warns about every placeholder at its line until it is replaced', async () => {
    const dir = await scaffold(1);
    const found = (await findings(dir)).filter((f) => f.code === 'placeholder');
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    const deckMd = found
      .filter((f) => f.file.endsWith('deck.md'))
      .map((f) => [f.line, f.message.split(':')[0]]);
    expect(deckMd).toEqual([
      [3, 'subtitle'],
      [4, 'presenter'],
      [5, 'date'],
      [6, 'organization'],
    ]);
    // the sample point and the sample notes, in the chapter and the review
    expect(found.filter((f) => !f.file.endsWith('deck.md'))).toHaveLength(4);
  });

  it('prints a next step that runs as printed', () => {
    const parent = tempDir('lectern-next-');
    const made = lectern(['new', join(parent, 'my course'), '--chapters', '1'], { cwd: ROOT });
    expect(made.code).toBe(0);
    const next = /then: (npx lectern .*)$/m.exec(made.stdout)![1]!;
    expect(next).toMatch(/^npx lectern check '.*my course' && npx lectern build '.*my course'$/);
    // As printed, with the HTML alone into a folder of the test's (the step itself writes out/ in the cwd).
    const ran = execSync(`${next} --format html --out '${join(parent, 'out')}'`, {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ran).toMatch(/0 error\(s\), \d+ warning\(s\)/);
  });
});
