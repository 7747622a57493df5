import { describe, expect, it } from 'vitest';
import { inlineText, slideStructure } from '../../src/export/pptx/slide-structure.js';

describe('slideStructure', () => {
  it('reads a point-card slide into a heading and points', () => {
    const s = slideStructure('## 心态对催收效果影响\n\n- **心态影响效率**\n  积极的心态\n  提高效率。\n- **取得信任**\n  更易获得信任。\n\n<!-- 备注 -->');
    expect(s.heading).toBe('心态对催收效果影响');
    expect(s.points).toEqual([
      { heading: '心态影响效率', text: '积极的心态提高效率。' },
      { heading: '取得信任', text: '更易获得信任。' },
    ]);
    expect(s.unmappable).toBeUndefined();
  });

  it('reads bullets with levels, paragraphs and images', () => {
    const s = slideStructure('## T\n\nIntro *text*.\n\n- one\n  - nested `code`\n- [link](https://x)\n\n![a](data:image/png;base64,AAAA)');
    expect(s.paragraphs).toEqual(['Intro text.']);
    expect(s.bullets).toEqual([
      { text: 'one', level: 0 },
      { text: 'nested code', level: 1 },
      { text: 'link', level: 0 },
    ]);
    expect(s.images).toEqual(['data:image/png;base64,AAAA']);
  });

  it.each([
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'a table'],
    ['```js\nx()\n```', 'a code block'],
    ['$$ e = mc^2 $$', 'math'],
    ['<div>raw</div>', 'raw HTML'],
    ['![bg](data:image/png;base64,AAAA)', 'a background image'],
    ['> 尊重每一位客户。\n>\n> —— 主任', 'a quote'],
    ['- 不打断 ~~插话~~', 'struck-through text'],
    ['![流程](data:image/svg+xml;base64,PHN2Zz4=)', 'an SVG picture'],
    ['![a](data:image/png;base64,AA) ![b](data:image/gif;base64,AA)', 'more than one picture'],
  ])('marks %j as unmappable (%s)', (md, reason) => {
    expect(slideStructure(`## T\n\n${md}`).unmappable).toBe(reason);
  });

  it('strips inline markdown to text', () => {
    expect(inlineText('**粗体** and _em_ \\* [l](u)')).toBe('粗体 and em * l');
  });
});
