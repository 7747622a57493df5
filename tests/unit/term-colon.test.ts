import { describe, expect, it } from 'vitest';
import { createMarp } from '../../src/engine/marp-engine.js';

// The last-line tie's spans (last-line-keep.ts) are another rule's: left out here.
const html = (md: string) =>
  createMarp()
    .render(md)
    .html.replace(/<span>(.*?)<span style="white-space:nowrap">(.*?)<\/span>(.*?)<\/span>/g, '$1$2$3');

describe('a bold term and its colon stay together', () => {
  it('joins the colon to a list item’s leading bold term, full-width or ASCII', () => {
    const out = html('- **公开** ：官网\n- **Tip**: keep it\n\n1. **自我激励**：写下目标');
    expect(out).toContain('<li><strong>公开：</strong>官网</li>');
    expect(out).toContain('<li><strong>Tip:</strong> keep it</li>');
    expect(out).toContain('<li><strong>自我激励：</strong>写下目标</li>');
  });

  it('leaves a term without a colon, a bold phrase inside the text and a paragraph alone', () => {
    const out = html('- **专注**\n  不打断\n- 先听 **再说**：好\n\n**不是列表**：段落');
    expect(out).toContain('<strong>专注</strong>');
    expect(out).toContain('先听 <strong>再说</strong>：好');
    expect(out).toContain('<p><strong>不是列表</strong>：段落</p>');
  });
});
