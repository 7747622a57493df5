import { describe, expect, it } from 'vitest';
import { createMarp } from '../../src/engine/marp-engine.js';
import { tiedTail } from '../../src/engine/last-line-keep.js';
import { notesHtml } from '../../src/export/browser/print-html.js';
import { slideStructure } from '../../src/export/pptx/slide-structure.js';

const html = (md: string) => createMarp().render(md).html;
const TIE = '<span style="white-space:nowrap">';
/** The whole text, one inline box for a flex row. */
const TEXT = '<span>';

describe('no lone last character: the last two Chinese characters keep one line', () => {
  it('ties the tail of a paragraph, a list item, a card, a quote and a table cell', () => {
    const out = html(
      '一段说明文字，最后要安排。\n\n- 先听再说，不打断客户\n- **保持乐观**\n  相信客户有意愿。\n\n| 方面 | 说明 |\n| --- | --- |\n| 市场 | 需求持续增长 |',
    );
    expect(out).toContain(`<p>${TEXT}一段说明文字，最后要${TIE}安排</span>。</span></p>`);
    expect(out).toContain(`<li>${TEXT}先听再说，不打断${TIE}客户</span></span></li>`);
    expect(out).toContain(
      `<strong>保持乐观</strong><br />\n${TEXT}相信客户有${TIE}意愿</span>。</span></li>`,
    );
    expect(html('> 引用的一句话到这里结束。')).toContain(`到这里${TIE}结束</span>。</span>`);
    expect(out).toContain(`<td>${TEXT}需求持续${TIE}增长</span></span></td>`);
    expect(out).toContain(`<td>${TEXT}${TIE}市场</span></span></td>`);
  });

  it('ties a heading; leaves text without two Chinese characters and long Latin tails alone', () => {
    expect(html('## 练习：写下你的减压清单')).toContain(
      `${TEXT}练习：写下你的减压${TIE}清单</span></span></h2>`,
    );
    const out = html('plain English text\n\n单\n\n结尾是 a long English phrase here');
    expect(out).not.toContain(TIE);
    expect(tiedTail('约定 12 月 15 日前')).toEqual(['约定 12 月 15 ', '日前', '']);
    expect(tiedTail('还款 500 元')).toEqual(['还', '款 500 元', '']);
    // What follows the pair stays outside the span, where the line's end can trim a full-width mark.
    expect(tiedTail('你们天天打电话！”')).toEqual(['你们天天打', '电话', '！”']);
  });

  it('keeps the text the same for every reader: the PPTX reads the words, the notes the lines', () => {
    expect(
      slideStructure('## T\n\n- **保持乐观**\n  相信客户有意愿。\n- **理性**\n  就事论事').points,
    ).toEqual([
      { heading: '保持乐观', text: '相信客户有意愿。' },
      { heading: '理性', text: '就事论事' },
    ]);
    expect(notesHtml('第一行讲稿内容\n第二行 <b>')).toBe(
      `<p>第一行讲稿${TIE}内容</span><br>第${TIE}二行</span> &lt;b&gt;</p>`,
    );
  });
});
