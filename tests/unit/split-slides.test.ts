import { describe, expect, it } from 'vitest';
import { readSlides, splitSlides } from '../../src/load/split-slides.js';

describe('splitSlides', () => {
  it("splits on --- lines and keeps each slide's first line", () => {
    const body = ['', '## One', '', 'text', '', '---', '', '## Two', '<!-- note two -->', ''].join('\n');
    const slides = splitSlides(body, 5);
    expect(slides.map((s) => s.line)).toEqual([6, 12]);
    expect(slides.map((s) => s.headings[0])).toEqual(['One', 'Two']);
    expect(slides[1]?.notes).toEqual(['note two']);
  });

  it('does not split inside code fences or under a text line (setext heading)', () => {
    const body = ['## A', '```', '---', '```', 'Title', '---', '', 'more'].join('\n');
    expect(splitSlides(body, 1)).toHaveLength(1);
  });

  it('treats *** and ___ rulers as separators, like Marp', () => {
    expect(splitSlides('a\n\n***\n\nb\n\n___\n\nc', 1)).toHaveLength(3);
  });

  it('keeps directives out of the notes but keeps ordinary key: value notes', () => {
    const [s] = splitSlides(
      '<!-- _class: lead -->\n# x\n<!-- Tip: ask the room -->\n<!-- 时间：约 5 分钟 -->',
      1,
    );
    expect(s?.notes).toEqual(['Tip: ask the room', '时间：约 5 分钟']);
  });

  it('finds markdown and HTML images with their lines, but not inside code', () => {
    const body = ['# x', '![a](assets/a.png)', '```', '![no](b.png)', '```', '<img src="assets/c.svg">'].join(
      '\n',
    );
    expect(splitSlides(body, 10)[0]?.images).toEqual([
      { src: 'assets/a.png', line: 11, alt: 'a' },
      { src: 'assets/c.svg', line: 15 },
    ]);
  });

  it('reports a slide with only notes as having no content', () => {
    expect(splitSlides('<!-- only notes -->', 1)[0]?.hasContent).toBe(false);
    expect(splitSlides('', 1)).toEqual([]);
  });

  it("reads a time box comment as the slide's minutes, not as a note", () => {
    const [slide] = splitSlides(
      ['## 角色扮演', '', '- 任务', '', '<!-- minutes: 10 -->', '<!-- 讲师备注 -->'].join('\n'),
      3,
    );
    expect(slide?.minutes).toEqual({ value: '10', line: 7 });
    expect(slide?.notes).toEqual(['讲师备注']);
  });
});

// Where the regexes of the old loader and Marp read a slide differently: the loader now reads
// Marp's own tokens, so these follow Marp.
describe('splitSlides reads what Marp reads', () => {
  it('does not split at a --- inside a code fence, a math block or a comment that spans lines', () => {
    const body = [
      '## A',
      '```',
      '',
      '---',
      '',
      '```',
      '$$',
      'x',
      '',
      '---',
      '',
      '$$',
      '<!--',
      '讲到这里',
      '',
      '---',
      '',
      '停一下',
      '-->',
      '',
      '---',
      '',
      '## B',
    ];
    const slides = splitSlides(body.join('\n'), 1);
    expect(slides.map((s) => s.line)).toEqual([1, 23]);
    expect(slides[0]?.notes).toEqual(['讲到这里\n\n---\n\n停一下']);
  });

  it('takes no note from a comment in a code block, fenced or indented', () => {
    const [s] = splitSlides(
      '## A\n\n```html\n<!-- 代码 -->\n```\n\n    <!-- 缩进代码 -->\n\n<!-- 备注 -->',
      1,
    );
    expect(s?.notes).toEqual(['备注']);
  });

  it('finds no image in inline code, and an image with its line in a long paragraph', () => {
    const [s] = splitSlides('## A\n\n写法是 `![图](assets/a.png)`，\n例如\n![图](assets/b.png)', 1);
    expect(s?.images).toEqual([{ src: 'assets/b.png', line: 5, alt: '图' }]);
  });

  it('keeps a percent-encoded or bracketed link as written, the way to find it again', () => {
    const [s] = splitSlides('![a](assets/流程.png) ![b](<assets/my pic.png>) ![c](assets/my%20pic.png)', 1);
    expect(s?.images).toEqual([
      { src: 'assets/流程.png', line: 1, alt: 'a' },
      { src: 'assets/my pic.png', line: 1, written: '<assets/my pic.png>', alt: 'b' },
      { src: 'assets/my%20pic.png', line: 1, alt: 'c' },
    ]);
  });

  it("reads a heading's fit comment as Marp's, not as a note, and records directives with lines", () => {
    const [s] = splitSlides(
      '# 标题 <!-- fit -->\n\n<!-- _class: lead -->\n<!-- theme: gaia -->\n<!-- Tip: 问 -->',
      1,
    );
    expect(s?.headings).toEqual(['标题']);
    expect(s?.notes).toEqual(['Tip: 问']);
    expect(s?.directives).toEqual([
      { name: '_class', line: 3 },
      { name: 'theme', line: 4 },
    ]);
  });

  it('reports a comment, fence or math block that runs past the end, at its line', () => {
    expect(readSlides('## A\n\n<!-- 备注\n\n---\n\n## B', 10).unclosed).toEqual({
      what: 'an HTML comment (<!--)',
      line: 12,
      until: 'end',
    });
    expect(readSlides('## A\n\n<!-- 备注\n\n---\n\n## B\n\n<!-- 备注 -->', 1).unclosed).toEqual({
      what: 'an HTML comment (<!--)',
      line: 3,
      until: 'next',
    });
    expect(readSlides('## A\n\n---\n\n```js\nx', 1).unclosed?.line).toBe(5);
    expect(readSlides('## A\n\n$$\nx', 1).unclosed?.what).toBe('a math block ($$)');
    expect(readSlides('## A\n\n```\nx\n```\n<!-- a -->', 1).unclosed).toBeUndefined();
  });

  it('reads a leading --- as a separator, not as front matter', () => {
    expect(splitSlides('---\n\n## A\n\n---\n\n## B', 1).map((s) => s.line)).toEqual([3, 7]);
  });
});

describe('picture-only slides', () => {
  it('are slides of pictures and backgrounds alone, notes and directives aside', () => {
    const only = (md: string) => splitSlides(md, 1)[0]?.pictureOnly;
    expect(only('![bg contain](assets/a.svg)\n\n<!-- 备注 -->')).toBe(true);
    expect(only('<!-- _class: lead -->\n![图](assets/a.png)\n![图](assets/b.png)')).toBe(true);
    expect(only('![图](assets/a.png) ![图](assets/b.png)')).toBe(true);
    expect(only('![图](assets/a.png) 说明')).toBe(false);
    expect(only('## 标题\n\n![图](assets/a.png)')).toBe(false);
    expect(only('`![图](assets/a.png)`')).toBe(false);
    expect(only('<!-- 只有备注 -->')).toBe(false);
  });
});

describe('a chapter past the deck limit', () => {
  it('is split where Marp splits it, from block tokens alone', () => {
    const body = Array.from({ length: 401 }, (_, i) => `## 页 ${i}`).join('\n\n---\n\n');
    const slides = splitSlides(`${body}\n\n\`\`\`\n---\n\`\`\``, 1);
    expect(slides).toHaveLength(401);
    expect(slides[400]?.line).toBe(1 + 400 * 4);
    expect(slides[400]?.markdown).toBe('## 页 400\n\n```\n---\n```');
  });
});
