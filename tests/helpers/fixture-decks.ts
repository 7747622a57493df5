import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './cli.js';
import { tempDir } from './temp.js';

/**
 * Decks made from the valid fixture with one change each, instead of whole copies of it kept
 * under tests/fixtures/: the change is all a reader needs to see, and valid/ can grow without
 * a dozen copies drifting from it. Each change keeps the line numbers the tests assert.
 */
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} has no ${String(from)} to change`);
  writeFileSync(file, next);
};

const CHANGES = {
  /** The valid deck itself, to change in the test. */
  valid: () => undefined,
  /** Two web addresses that are not http(s), on deck.md lines 14 and 15. */
  'bad-feedback-url': (d: string) =>
    edit(
      join(d, 'deck.md'),
      'closingNotes:',
      'feedback: javascript:alert(1)\nmaterials: www.example.com/files\nclosingNotes:',
    ),
  /** QR codes for the closing slide and the handout (a deck that builds). */
  feedback: (d: string) =>
    edit(
      join(d, 'deck.md'),
      'closingNotes:',
      'feedback: https://survey.example.com/course/42?from=qr\nmaterials: https://pan.example.com/s/abc123\nclosingNotes:',
    ),
  'bad-minutes': (d: string) => edit(join(d, '02-speaking.md'), 'minutes: 12', 'minutes: -5'),
  /** An unclosed flow sequence on 02-speaking.md line 3. */
  'bad-yaml': (d: string) => edit(join(d, '02-speaking.md'), 'minutes: 12', 'minutes: [12'),
  'chapter-no-title': (d: string) => edit(join(d, '02-speaking.md'), 'title: 清晰表达\n', ''),
  'duplicate-chapter': (d: string) => cpSync(join(d, '02-speaking.md'), join(d, '02-more.md')),
  /** A chapter whose body is a comment alone: its body starts on line 4. */
  'empty-chapter': (d: string) =>
    writeFileSync(join(d, '02-speaking.md'), '---\ntitle: 清晰表达\n---\n\n<!-- nothing yet -->\n'),
  /** Chapter 04 in a deck of two chapters and the review (03). */
  'extra-chapter': (d: string) => cpSync(join(d, '03-review.md'), join(d, '04-extra.md')),
  'missing-chapter': (d: string) => rmSync(join(d, '02-speaking.md')),
  /** The picture on 01-listening.md line 28 points at a file that is not there. */
  'missing-image': (d: string) =>
    edit(join(d, '01-listening.md'), '](assets/dot.png)', '](assets/missing.png)'),
  'image-outside': (d: string) =>
    edit(join(d, '01-listening.md'), '](assets/dot.png)', '](../../../../etc/passwd)'),
  'no-deck-md': (d: string) => rmSync(join(d, 'deck.md')),
  'no-title': (d: string) => edit(join(d, 'deck.md'), 'title: 沟通技巧训练营\n', ''),
  /** 02-speaking.md saved as GBK: its title (第一章) on line 2 is not UTF-8. */
  'not-utf8': (d: string) => {
    const file = join(d, '02-speaking.md');
    const [open, , ...rest] = readFileSync(file, 'utf8').split('\n');
    const gbkTitle = Buffer.concat([Buffer.from('title: '), Buffer.from('b5dad2bbd5c2', 'hex')]);
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${open}\n`), gbkTitle, Buffer.from(`\n${rest.join('\n')}`)]),
    );
  },
  /** A two-minute time box on the exercise slide of 01-listening.md. */
  timers: (d: string) =>
    edit(join(d, '01-listening.md'), '](assets/dot.png)\n\n', '](assets/dot.png)\n\n<!-- minutes: 2 -->\n\n'),
} satisfies Record<string, (deck: string) => void>;

export type FixtureDeck = keyof typeof CHANGES;

/**
 * The valid fixture with one change, as `<root>/<name>/` in a temporary folder removed when the
 * test file ends. Messages then name it as the old fixture folder did: `<name>/02-speaking.md`.
 */
export function fixtureDeck(name: FixtureDeck, root: string = tempDir('lectern-fixture-')): string {
  const deck = join(root, name);
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  CHANGES[name](deck);
  return deck;
}
