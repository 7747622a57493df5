import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/check/check-deck.js';
import { openBrowser, type BrowserSession } from '../../src/export/browser/browser.js';
import { newDeck } from '../../src/scaffold/new-deck.js';
import { tempDir } from '../helpers/temp.js';

// What lectern generates never fails its own check: every scaffold `new` writes, from one
// chapter to the most deck.md accepts, at both slide sizes. One browser for all of them.
const LIMIT = 98;
const dir = tempDir('lectern-scaffolds-');
let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session.close();
});

async function scaffold(chapters: number, size: '16:9' | '4:3', title?: string): Promise<string> {
  const deck = join(dir, `c${chapters}-${size.replace(':', 'x')}${title ? '-long' : ''}`);
  await newDeck({ dir: deck, chapters, title });
  const deckMd = join(deck, 'deck.md');
  writeFileSync(deckMd, readFileSync(deckMd, 'utf8').replace('lang: zh-CN', `lang: zh-CN\nsize: "${size}"`));
  return deck;
}

/** The errors of a check, as file:line: message, so a failure names the slide. */
async function errorsOf(deck: string): Promise<string[]> {
  const r = await checkDeck(deck, dir, { session });
  return r.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}: ${f.message}`);
}

describe.each(['16:9', '4:3'] as const)('every scaffold at %s', (size) => {
  it(`passes check with 0 errors from 1 to ${LIMIT} chapters`, { timeout: 900_000 }, async () => {
    const failures: string[] = [];
    for (let n = 1; n <= LIMIT; n++) {
      const errors = await errorsOf(await scaffold(n, size));
      if (errors.length) failures.push(`${n} chapters: ${errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps a long course title and long chapter titles on their slides', { timeout: 120_000 }, async () => {
    const deck = await scaffold(
      8,
      size,
      '新入职催收专员岗前培训：沟通技巧、合规要求与心态调整全流程实战课程',
    );
    for (const n of [1, 4, 9]) {
      const file = join(deck, n === 9 ? '09-review.md' : `0${n}-chapter-${n}.md`);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /title: .*/,
          'title: 与情绪激动、拒绝沟通的客户建立信任并达成分期还款方案的方法',
        ),
      );
    }
    expect(await errorsOf(deck)).toEqual([]);
  });
});
