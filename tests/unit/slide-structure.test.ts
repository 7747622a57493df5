import { describe, expect, it } from 'vitest';
import { slideStructure } from '../../src/export/pptx/slide-structure.js';

describe('slideStructure', () => {
  it('reads a point-card slide into a heading and points', () => {
    const s = slideStructure(
      '## 心态对催收效果影响\n\n- **心态影响效率**\n  积极的心态\n  提高效率。\n- **取得信任**\n  更易获得信任。\n\n<!-- 备注 -->',
    );
    expect(s.heading).toBe('心态对催收效果影响');
    expect(s.points).toEqual([
      { heading: '心态影响效率', text: '积极的心态提高效率。' },
      { heading: '取得信任', text: '更易获得信任。' },
    ]);
    expect(s.unmappable).toBeUndefined();
  });

  it('reads bullets with levels, paragraphs and images', () => {
    const s = slideStructure(
      '## T\n\nIntro *text*.\n\n- one\n  - nested `code`\n- [link](https://x)\n\n![a](data:image/png;base64,AAAA)',
    );
    expect(s.paragraphs).toEqual(['Intro text.']);
    expect(s.bullets).toEqual([
      { text: 'one', level: 0 },
      { text: 'nested code', level: 1 },
      { text: 'link', level: 0 },
    ]);
    expect(s.images).toEqual(['data:image/png;base64,AAAA']);
  });

  it('draws raw HTML among text, tables and code from the measured slide, and marks it unmappable beside a formula', () => {
    const text = slideStructure(`## T\n\n<div>raw</div>\n\nA paragraph.`);
    expect(text.unmappable).toBeUndefined();
    expect(text.html).toBe(true);
    expect(slideStructure('## T\n\nH<sub>2</sub>O').html).toBe(true);
    expect(slideStructure('## T\n\n<div>raw</div>\n\n| a |\n|---|\n| 1 |').unmappable).toBeUndefined();
    expect(slideStructure('## T\n\n<div>raw</div>\n\n```js\nx()\n```').unmappable).toBeUndefined();
    expect(
      slideStructure('## T\n\n<div>raw</div>\n\n![a](data:image/png;base64,AAAA)').unmappable,
    ).toBeUndefined();
    expect(slideStructure('## T\n\n<div>raw</div>\n\n$$\ne = mc^2\n$$').unmappable).toBe('raw HTML');
    expect(slideStructure('## T\n\nplain').html).toBeUndefined();
  });

  it('keeps a display formula as a block with its TeX, the slide mappable', () => {
    const s = slideStructure('## T\n\n$$\ne = mc^2\n$$');
    expect(s.unmappable).toBeUndefined();
    expect(s.blocks).toEqual([{ kind: 'math', tex: 'e = mc^2' }]);
  });

  it("keeps an inline formula as a no-break space run holding its TeX, in its paragraph's text", () => {
    const s = slideStructure('## T\n\n$m$ 是质量 $m^2$');
    expect(s.unmappable).toBeUndefined();
    // At the paragraph's start and end: no blank to trim.
    expect(s.blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [{ text: '\u00a0', math: 'm' }, { text: ' 是质量 ' }, { text: '\u00a0', math: 'm^2' }],
      },
    ]);
  });

  it.each([
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'table'],
    ['```js\nx()\n```', 'code'],
    ['![bg](data:image/png;base64,AAAA)', 'background'],
    ['> 尊重每一位客户。\n>\n> —— 主任', 'quote'],
    ['- 不打断 ~~插话~~', 'list'],
    ['![a](data:image/png;base64,AA) ![b](data:image/gif;base64,AA)', 'pictures'],
    ['![流程](data:image/svg+xml;base64,PHN2Zz4=)', 'pictures'],
    ['![bg contain](data:image/svg+xml;base64,PHN2Zz4=)', 'background'],
  ])('maps %j to a native %s block', (md, kind) => {
    const s = slideStructure(`## T\n\n${md}`);
    expect(s.unmappable).toBeUndefined();
    expect(s.blocks.map((b) => b.kind)).toEqual([kind]);
  });

  it('reads what Marp reads: an image inside a code span or an indented code block is text', () => {
    const s = slideStructure(
      '## T\n\n`![a](data:image/png;base64,AA)`\n\n    ![b](data:image/png;base64,AA)',
    );
    expect(s.images).toEqual([]);
    expect(s.blocks.map((b) => b.kind)).toEqual(['paragraph', 'code']);
  });

  it('keeps inline runs: bold, italic, strike, code and links', () => {
    const s = slideStructure('## T\n\n- **开场**：*核实* ~~打断~~ `规则` [手册](https://example.com/h)');
    const list = s.blocks[0];
    expect(list?.kind === 'list' && list.items[0]!.runs).toEqual([
      // The colon joins the bold term (engine/term-colon.ts), in one run with it.
      { text: '开场：', bold: true },
      { text: '核实', italic: true },
      { text: ' ' },
      { text: '打断', strike: true },
      { text: ' ' },
      { text: '规则', code: true },
      { text: ' ' },
      { text: '手册', link: 'https://example.com/h' },
    ]);
  });

  it('numbers ordered items and nests levels', () => {
    const s = slideStructure('## T\n\n3. a\n   - b\n4. c');
    const list = s.blocks[0];
    expect(list?.kind === 'list' && list.items.map((i) => [i.level, i.number])).toEqual([
      [0, 3],
      [1, undefined],
      [0, 4],
    ]);
  });

  it('reads a table into rows of cells with runs', () => {
    const s = slideStructure('| 类型 | 特征 |\n| --- | --- |\n| **暂时** | 收入中断 |');
    const table = s.blocks[0];
    expect(table?.kind === 'table' && table.rows).toEqual([
      [[{ text: '类型' }], [{ text: '特征' }]],
      [[{ text: '暂时', bold: true }], [{ text: '收入中断' }]],
    ]);
  });
});
