import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { strictXmlParts } from '../helpers/xml-parts.js';
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

const slide = (deck: string, text: string) =>
  edit(ch(deck, '02-speaking.md'), (t) => t.replace('## 表达两原则', `${text}\n\n## 表达两原则`));
/** Exactly one error, the one given: nothing said about chapters "missing" against a default count. */
const onlyChapters = (value: string): Case => ({
  name: `chapters: ${value} is one error`,
  change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', `chapters: ${value}`)),
  code: 3,
  stderr:
    /^(?![\s\S]*(is missing|outside the outline))[\s\S]*deck\.md:7: error: chapters must be a whole number from 1 to 98/,
});

/** Every fault has its own exit code and its file:line; the core never prints. */
export const faults: Case[] = [
  ...['2.5', '-1', '"2"', '[2]', '.inf', '1e9'].map(onlyChapters),
  {
    name: 'a YAML key that is a list (? [a, b]: c)',
    change: (d) =>
      edit(ch(d, '02-speaking.md'), (t) => t.replace('minutes: 12', 'minutes: 12\n? [a, b]\n: c')),
    code: 3,
    stderr: /^(?![\s\S]*Warning)[\s\S]*02-speaking\.md:4: error: front matter key is a list or mapping/,
  },
  {
    name: '10,000 nested list markers',
    change: (d) => slide(d, `${'- '.repeat(10_000)}深`),
    code: 3,
    stderr:
      /^(?![\s\S]*(not closed|no speaker notes))[\s\S]*02-speaking\.md:6: error: lists or quotes nested \d+ deep reach the nesting limit/,
  },
  {
    name: '500 nested quotes',
    change: (d) => slide(d, `${'> '.repeat(500)}深`),
    code: 3,
    stderr: /02-speaking\.md:6: error: lists or quotes nested \d+ deep reach the nesting limit/,
  },
  {
    // The probe's: the PPTX measurement timed out after 62 s (exit 6, "try again").
    name: 'a title of 100,000 characters',
    change: (d) =>
      edit(ch(d, 'deck.md'), (t) => t.replace('title: 沟通技巧训练营', `title: ${'长'.repeat(100_000)}`)),
    args: (d, o) => ['build', d, '--out', o, '--format', 'pptx'],
    code: 3,
    stderr: /deck\.md:2: error: title is 100,000 characters long \(at most 300\)/,
  },
  {
    name: 'speaker notes of 20,000 characters in front matter',
    change: (d) =>
      edit(ch(d, 'deck.md'), (t) =>
        t.replace('agendaNotes: 先介绍今天的三个部分。', `agendaNotes: ${'讲'.repeat(20_000)}`),
      ),
    code: 3,
    stderr: /deck\.md:\d+: error: agendaNotes is 20,000 characters long \(at most 10,000\)/,
  },
];

/** Every string lectern writes into XML is escaped. */
export const xml: Case[] = [
  {
    name: 'organization: "R&D 培训部" in both PPTX files',
    change: (d) =>
      edit(ch(d, 'deck.md'), (t) => t.replace('organization: 培训部', 'organization: "R&D 培训部"')),
    args: (d, o) => ['build', d, '--out', o, '--format', 'html,pptx,pptx-pictures'],
    code: 0,
    outputs: async (o) => {
      for (const file of ['deck.pptx', 'deck-pictures.pptx']) {
        const app = (await strictXmlParts(join(o, file))).get('docProps/app.xml')!;
        expect(app.getElementsByTagName('Company')[0]?.textContent).toBe('R&D 培训部');
      }
    },
  },
];

export const roundThree: Case[] = [...outputPaths, ...faults, ...xml];
