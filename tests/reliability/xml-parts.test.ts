import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { strictXmlParts } from '../helpers/xml-parts.js';
import { ch, edit } from './case.js';

/**
 * Every string lectern writes into a PPTX is escaped (issue 24): a deck whose every field and
 * slide holds the characters XML reserves builds both PPTX files, every part of which a strict
 * XML parser reads, and each string reads back as the deck spells it. (Every other PPTX the
 * tests build gets the same parse when its temporary folder goes: tests/helpers/temp.ts.)
 */
const ORG = 'R&D 培训部';
const TITLE = `A&B <课程> "引号" '单引号'`;
const dir = tempDir('lectern-xml-');
const deck = join(dir, 'deck');
const out = join(dir, 'out');
let run: ReturnType<typeof lectern>;

beforeAll(() => {
  cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
  edit(ch(deck, 'deck.md'), (t) =>
    t
      .replace('organization: 培训部', `organization: "${ORG}"`)
      .replace('title: 沟通技巧训练营', `title: ${JSON.stringify(TITLE)}`)
      .replace('presenter: 王老师', 'presenter: "王 & 李 <讲师>"')
      .replace('subtitle: 小型测试课程', 'subtitle: "<副标题> & \'more\'"')
      .replace('agendaNotes: 先介绍今天的三个部分。', 'agendaNotes: "1 < 2 && 3 > 2"')
      .replace('closingNotes: 感谢大家，欢迎提问。', 'closingNotes: "Q&A <结束> ]]>"'),
  );
  writeFileSync(
    ch(deck, '02-speaking.md'),
    [
      '---',
      'title: "Q&A <问答>"',
      'minutes: 12',
      '---',
      '',
      '## R&D <研发> "部"',
      '',
      '- a & b < c',
      '- [链接 & 更多](https://example.com/?a=1&b="2")',
      '',
      '| 列 & 一 | <二> |',
      '| --- | --- |',
      '| x < y | "z" & \'w\' |',
      '',
      '```js',
      'if (a < b && c > d) return "]]>";',
      '```',
      '',
      '<!-- 备注：R&D <部门> "引号" ]]> -->',
      '',
    ].join('\n'),
  );
  run = lectern(['build', deck, '--out', out, '--format', 'pptx,pptx-pictures']);
});

const textOf = (doc: Document) => doc.documentElement.textContent ?? '';

describe('every XML part of both PPTX files is well-formed', () => {
  it('builds both', () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(['deck.pptx', 'deck-pictures.pptx'])(
    '%s: every part parses and says what the deck says',
    async (file) => {
      const parts = await strictXmlParts(join(out, file));
      expect(parts.size).toBeGreaterThan(10);
      const app = parts.get('docProps/app.xml')!;
      expect(app.getElementsByTagName('Company')[0]?.textContent).toBe(ORG);
      const core = parts.get('docProps/core.xml')!;
      expect(core.getElementsByTagName('dc:title')[0]?.textContent).toBe(TITLE);
      expect(core.getElementsByTagName('dc:creator')[0]?.textContent).toBe('王 & 李 <讲师>');
      const notes = [...parts]
        .filter(([n]) => n.startsWith('ppt/notesSlides/notesSlide'))
        .map(([, d]) => textOf(d));
      expect(notes.join('\n')).toContain('备注：R&D <部门> "引号" ]]>');
      expect(notes.join('\n')).toContain('1 < 2 && 3 > 2');
      if (file === 'deck.pptx') {
        const slides = [...parts]
          .filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
          .map(([, d]) => textOf(d));
        const all = slides.join('\n');
        for (const s of [
          'R&D <研发> "部"',
          'a & b < c',
          'x < y',
          '"z" & \'w\'',
          'if (a < b && c > d)',
          'Q&A <问答>',
        ])
          expect(all).toContain(s);
        const rels = [...parts].filter(([n]) => n.endsWith('.rels')).map(([, d]) => d);
        const targets = rels.flatMap((d) =>
          [...d.getElementsByTagName('Relationship')].map((r) => r.getAttribute('Target')),
        );
        // markdown-it percent-encodes the quotes; the & reaches the XML as &amp; and reads back as &.
        expect(targets).toContain('https://example.com/?a=1&b=%222%22');
      }
    },
  );
});
