import { describe, expect, it } from 'vitest';
import { explicitClass, layoutClass } from '../../src/compose/slide-layout.js';
import type { SlideInfo } from '../../src/compose/composed-deck.js';
import { bodyShape, bodyText } from '../../src/export/pptx/template/body-placeholder.js';
import { parseXml } from '../../src/core/xml-tree.js';

// Which content slides put their text in a template's body placeholder: a heading and one list
// (any nesting) or one paragraph, and nothing else, read from lectern's own slide structure.

const slide = (body: string, extra: Partial<SlideInfo> = {}): SlideInfo => ({
  kind: 'content',
  file: '01-x.md',
  line: 1,
  notes: '',
  body,
  layout: layoutClass(body) ?? explicitClass(body),
  ...extra,
});

describe('bodyText: the slides whose text goes into the body placeholder', () => {
  it('takes a heading and one list, nested or numbered, or one paragraph', () => {
    expect(bodyText(slide('## 步骤\n\n- 一\n  - 二\n- 三\n'))).toMatchObject({
      kind: 'list',
      items: [{ level: 0 }, { level: 1 }, { level: 0 }],
    });
    expect(bodyText(slide('## 步骤\n\n1. 一\n2. 二\n'))?.kind).toBe('list');
    expect(bodyText(slide('## 一段话\n\n清晰的表达从倾听开始。\n\n<!-- 备注 -->\n'))?.kind).toBe('paragraph');
    // A class of the author's own that is no layout of the theme's.
    expect(bodyText(slide('<!-- _class: invert -->\n\n## 步骤\n\n- 一\n- 二\n'))?.kind).toBe('list');
  });

  it('leaves every other slide to its measured frames', () => {
    const others = [
      '- 一\n- 二\n', // no heading
      '## 步骤\n\n- 一\n- 二\n\n一段话。\n', // a list and a paragraph
      '## 步骤\n\n- 一\n\n![图](data:image/png;base64,AA==)\n', // a picture
      '## 表\n\n| a | b |\n| - | - |\n| 1 | 2 |\n', // a table
      '## 代码\n\n```js\nx()\n```\n', // code
      '## 引言\n\n> 一句话\n', // a quote
      '## 两点\n\n- **一**：说明\n- **二**：说明\n', // point cards
      '## 清单\n\n- [ ] 一\n- [ ] 二\n', // a checklist
      '## 步骤\n\n### 甲\n\n- 一\n', // a second heading
      '## 公式\n\n$$\nx\n$$\n', // math
      '<!-- _class: statement -->\n\n## 步骤\n\n- 一\n', // the theme's layout, chosen by the author
      '![bg right](data:image/png;base64,AA==)\n\n## 步骤\n\n- 一\n', // a split background
    ];
    for (const body of others) expect(bodyText(slide(body)), body).toBeUndefined();
    expect(bodyText(slide('## 练习\n\n- 一\n', { minutes: 10 })), 'a time box').toBeUndefined();
    expect(bodyText({ ...slide('## x\n\n- 一\n'), kind: 'divider' })).toBeUndefined();
  });
});

describe('bodyShape: the placeholder the text goes into', () => {
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const doc = () => parseXml(`<p:sld xmlns:p="${P}" xmlns:a="${A}"><p:cSld><p:spTree/></p:cSld></p:sld>`);
  const list = bodyText(slide('## 步骤\n\n3. 先说结论\n4. 再讲理由\n'))!;

  it("names the layout's placeholder by its type and index, and has no place of its own", () => {
    for (const [ph, attrs] of [
      [
        { type: 'body', idx: '13' },
        { type: 'body', idx: '13' },
      ],
      [
        { type: 'obj', idx: '1' },
        { type: null, idx: '1' },
      ],
    ] as const) {
      const d = doc();
      const shape = bodyShape(d, { ph: { ...ph }, text: list }, 5, 'zh-CN', () => 'rId9');
      const found = shape.getElementsByTagNameNS(P, 'ph')[0]!;
      expect({ type: found.getAttribute('type'), idx: found.getAttribute('idx') }).toEqual(attrs);
      expect(shape.getElementsByTagNameNS(A, 'xfrm')).toHaveLength(0);
    }
  });

  it('numbers a list that starts at 3 from 3', () => {
    const shape = bodyShape(doc(), { ph: { type: 'body' }, text: list }, 5, 'zh-CN', () => 'rId9');
    const num = shape.getElementsByTagNameNS(A, 'buAutoNum')[0]!;
    expect(num.getAttribute('startAt')).toBe('3');
  });
});
