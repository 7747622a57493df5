import { describe, expect, it } from 'vitest';
import { splitSlides } from '../../src/load/split-slides.js';

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
      { src: 'assets/a.png', line: 11 },
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
