import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { ch, edit, type Case } from './case.js';

/**
 * Round three of the catalogue (issue 24): what the third adversarial probe got past round two.
 * Each case failed on the code before its fix.
 */
const deckMd = (d: string, extra: string) =>
  edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', `chapters: 2\n${extra}`));
const out = (dir: string) => join(dir, 'out');

/** A build never replaces, fills or empties the deck or a folder it did not write. */
export const outputPaths: Case[] = [
  {
    // The probe's reproduction: the slide pictures' folder talk-images *was* the deck.
    name: 'deck folder named like its slide-pictures folder (talk-images, name: talk, --out ..)',
    deckPath: 'talk-images',
    change: (d) => deckMd(d, 'name: talk'),
    args: (_d, o) => ['build', join(o, '..', 'talk-images'), '--out', join(o, '..'), '--format', 'images'],
    code: 4,
    stderr: /talk-images: this output is the deck folder/,
  },
  {
    name: 'deck folder named like its HTML (talk.html, name: talk)',
    deckPath: 'talk.html',
    change: (d) => deckMd(d, 'name: talk'),
    args: (d, o) => ['build', d, '--out', join(o, '..'), '--format', 'html'],
    code: 4,
    stderr: /talk\.html: this output is the deck folder/,
  },
  {
    name: 'slide-pictures folder that holds the deck',
    deckPath: 'out/deck-images/deck',
    change: (d) => deckMd(d, 'name: deck'),
    args: (d, o) => ['build', d, '--out', o, '--format', 'images'],
    code: 4,
    stderr: /deck-images: this output holds the deck folder/,
  },
  {
    name: 'output file that is a link into the deck',
    change: (d, dir) => {
      mkdirSync(out(dir));
      symlinkSync(ch(d, '01-listening.md'), join(out(dir), 'deck.html'));
    },
    code: 4,
    stderr: /deck\.html: this output lies inside the deck folder/,
  },
  {
    // The second deck builds into lib/lib1-images/; the first is refused.
    name: 'a library whose first deck would replace the second (lib/lib1/lib1-images is a deck)',
    deckPath: 'lib/lib1/lib1-images',
    change: (_d, dir) => cpSync(join(FIXTURES, 'valid'), join(dir, 'lib1'), { recursive: true }),
    args: (d, o) => ['build', join(o, '..', 'lib1'), d, '--out', join(o, '..', 'lib'), '--format', 'images'],
    code: 4,
    stderr: /lib1-images: this output is a deck folder of this build/,
  },
  {
    name: 'a folder lectern did not write where the slide pictures go',
    change: (_d, dir) => {
      mkdirSync(join(out(dir), 'deck-images'), { recursive: true });
      writeFileSync(join(out(dir), 'deck-images', '假期照片.txt'), 'keep me');
    },
    args: (d, o) => ['build', d, '--out', o, '--format', 'html,images'],
    code: 4,
    stderr: /out\/deck-images: this folder is in the way of an output and lectern did not write it/,
  },
  {
    name: '.lectern-cache.json that is a folder: refused before anything is published',
    change: (_d, dir) => mkdirSync(join(out(dir), '.lectern-cache.json'), { recursive: true }),
    args: (d, o) => ['build', d, '--out', o, '--format', 'html,share'],
    code: 4,
    stderr: /\.lectern-cache\.json: this is a folder, where lectern writes its file/,
  },
  {
    name: '.lectern-slides.json that is a folder',
    change: (_d, dir) => mkdirSync(join(out(dir), '.lectern-slides.json'), { recursive: true }),
    code: 4,
    stderr: /\.lectern-slides\.json: this is a folder, where lectern writes its file/,
  },
  {
    name: 'a folder with the HTML name in the output folder',
    change: (_d, dir) => mkdirSync(join(out(dir), 'deck.html', 'keep'), { recursive: true }),
    code: 4,
    stderr: /deck\.html: this is a folder, where lectern writes its file deck\.html/,
  },
  {
    // Named like a temporary folder of a killed build: the next build removed it with the deck in it.
    name: 'deck folder inside the output folder named like an abandoned temporary folder',
    deckPath: 'out/.lectern-tmp-4999999-deck',
    change: (d) => deckMd(d, 'name: deck'),
    args: (d, o) => ['build', d, '--out', o, '--format', 'html'],
    code: 0,
    html: (h) => expect(h).toContain('表达两原则'),
  },
];

export const roundThree: Case[] = [...outputPaths];
