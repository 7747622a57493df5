import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { layoutClass } from '../../src/compose/slide-layout.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { createMarp } from '../../src/engine/marp-engine.js';
import { validateDeck } from '../../src/validate/validate-deck.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const compose = async (name: string) =>
  composeDeck(validateDeck(await loadDeck(join(fixtures, name), fixtures)).model!);

describe('composeDeck', () => {
  it('generates title, agenda, a divider per chapter, the chapters and a closing slide', async () => {
    const { slides, markdown } = await compose('valid');
    expect(slides.map((s) => s.kind)).toEqual([
      'title',
      'agenda',
      'divider',
      'content',
      'content',
      'divider',
      'content',
      'divider',
      'content',
      'closing',
    ]);
    expect(markdown.split(/\n\n---\n\n/)).toHaveLength(slides.length);
    expect(markdown).toMatch(/- \*\*01\*\* 倾听的力量 \*10 分钟\*/);
    expect(markdown).toMatch(/- \*\*03\*\* 总结回顾 \*8 分钟\*/);
    expect(markdown).toContain('合计 30 分钟');
    expect(markdown).toContain('<!-- _header: "01 · 倾听的力量" -->');
    expect(markdown).toMatch(/# 谢谢/);
  });

  it('keeps file and line of every content slide and carries notes for generated slides', async () => {
    const { slides } = await compose('valid');
    expect(slides[3]).toMatchObject({
      kind: 'content',
      file: 'valid/01-listening.md',
      line: 7,
      heading: '倾听三要点',
    });
    expect(slides[2]?.notes).toContain('我们从倾听开始');
    expect(slides[2]?.notes).toContain('本章计划 10 分钟');
    expect(slides[0]?.notes).toContain('欢迎来到沟通技巧训练营');
    expect(slides[1]?.notes).toBe('先介绍今天的三个部分。');
  });

  it("carries a slide's time box and keeps its comment out of the notes Marp shows", async () => {
    const loaded = await loadDeck(join(fixtures, 'valid'), fixtures);
    const slide = loaded.chapters[0]!.slides[0]!;
    slide.markdown += '\n\n<!-- minutes: 10 -->';
    slide.minutes = { value: '10', line: 20 };
    const { slides, markdown } = composeDeck(validateDeck(loaded).model!);
    expect(slides[3]?.minutes).toBe(10);
    // The time box is a directive to Marp (lectern's engine registers it), so never a note.
    expect(markdown).toContain('<!-- minutes: 10 -->');
    const { comments } = createMarp().render(markdown);
    expect(comments[3]).toEqual([slides[3]?.notes]);
  });

  it('embeds images as data: URIs', async () => {
    const { markdown } = await compose('valid');
    expect(markdown).not.toContain('assets/dot.png');
    expect(markdown).toContain('](data:image/png;base64,');
  });

  it('builds a deck on another topic with its own chapter and slide counts', async () => {
    const { slides, markdown } = await compose('other-topic');
    expect(slides).toHaveLength(1 + 1 + 5 + (1 + 3 + 2 + 5 + 1) + 1);
    expect(slides.filter((s) => s.kind === 'divider').map((s) => s.chapter?.label)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
    ]);
    expect(markdown).toContain('# Agenda');
    expect(markdown).toContain('- **04** Parking *10 min*');
    expect(markdown).toMatch(/# Thank you/);
  });

  it('escapes front matter text so it is shown, not parsed', async () => {
    const loaded = await loadDeck(join(fixtures, 'valid'), fixtures);
    loaded.deck!.data.title = '<script>alert(1)</script> *bold*';
    const { markdown } = composeDeck(validateDeck(loaded).model!);
    const body = markdown.slice(markdown.indexOf('\n---\n', 4));
    expect(body).not.toContain('<script>');
    expect(body).toContain('# \\<script\\>alert\\(1\\)\\</script\\> \\*bold\\*');
  });

  it("writes the title slide's presenter and date in the deck's language", async () => {
    expect((await compose('valid')).markdown).toContain('演讲人：王老师　　日期：2026\\-12\\-01');
    const english = (await compose('themes-default')).markdown;
    expect(english).toContain('Presenter: Ada Lee\u2003\u2003Date: 2026\\-12\\-01');
    expect(english).not.toContain('：');
  });
});

describe('layoutClass', () => {
  it('turns a list of bold-led items into point cards', () => {
    expect(layoutClass('## T\n\n- **A**\n  a\n- **B**\n  b\n- **C**\n  c')).toBe('points points-3');
    expect(layoutClass('## T\n\n- **A** a\n- **B** b')).toBe('points points-2');
  });
  it('keeps other slides plain and never overrides an explicit class', () => {
    expect(layoutClass('## T\n\n- a\n- b')).toBe('bullets');
    expect(layoutClass('## T\n\nparagraph\n\n- **A**\n- **B**')).toBe('bullets');
    expect(layoutClass('<!-- _class: lead -->\n# T')).toBeNull();
  });
  it('reads the slide as Marp does: a table or a class written inside a code block is code', () => {
    expect(layoutClass('## T\n\n```text\n| a | b |\n| --- | --- |\n```')).toBe('bullets');
    expect(layoutClass('## T\n\n```html\n<!-- _class: lead -->\n```')).toBe('bullets');
    expect(layoutClass('## T\n\n    ![bg right](data:image/png;base64,AA)\n\n- a')).toBe('bullets');
  });
  it('keeps an outline with a nested list as bullets, even when items open in bold', () => {
    expect(layoutClass('## T\n\n1. **A** a\n   - a1\n   - a2\n2. **B** b')).toBe('bullets');
  });
});
