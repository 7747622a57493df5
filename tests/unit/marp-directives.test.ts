import { describe, expect, it } from 'vitest';
import { headingLevels } from '../../src/engine/marp-directives.js';
import { backgroundImageUrls } from '../../src/load/background-directive.js';
import { parseFrontMatter } from '../../src/load/front-matter.js';
import { readSlides } from '../../src/load/split-slides.js';

describe("Marp's directives in front matter", () => {
  const front = (yaml: string, loose: string[]) => {
    const r = parseFrontMatter(`---\n${yaml}\n---\nbody`, 'deck.md', loose);
    return r.ok ? r.value : r.problem;
  };

  it('reads a directive key loosely, as Marpit does: `: ` and `#` in a footer or colour are text', () => {
    const r = front(
      'title: Talk\nfooter: CS571 | Lecture 08: React 2\ncolor: #1d2b3a\nheader: "quoted: kept"',
      ['footer', 'color', 'header'],
    );
    expect(r).toMatchObject({
      data: {
        title: 'Talk',
        footer: 'CS571 | Lecture 08: React 2',
        color: '#1d2b3a',
        header: 'quoted: kept',
      },
      keyLines: { footer: 3, color: 4 },
    });
  });

  it("keeps lectern's own keys strict", () => {
    expect(front('title: A | B: C', ['footer'])).toMatchObject({ code: 'yaml-invalid', line: 2 });
  });

  it('keeps block values (style: |) as YAML reads them', () => {
    expect(front('style: |\n  section { color: red; }', ['style'])).toMatchObject({
      data: { style: 'section { color: red; }\n' },
    });
  });

  it('reads headingDivider as Marpit does', () => {
    expect(headingLevels('2')).toEqual([1, 2]);
    expect(headingLevels(['1', '3'])).toEqual([1, 3]);
    expect(headingLevels('false')).toEqual([]);
    expect(headingLevels('7')).toBeUndefined();
  });
});

describe('headingDivider in a chapter', () => {
  it('starts a slide at each heading of its levels, the heading in its own slide, with its line', () => {
    const body = '# A\n\ntext a\n\n<!-- header: H -->\n\n## B\n\ntext b\n\n### C\n\nc';
    const slides = readSlides(body, 5, [1, 2]).slides;
    expect(slides.map((s) => [s.line, s.headings[0]])).toEqual([
      [5, 'A'],
      [11, 'B'],
    ]);
    expect(slides[1]!.markdown.startsWith('## B')).toBe(true);
    expect(readSlides(body, 5).slides).toHaveLength(1);
  });
});

describe('backgroundImage directive', () => {
  it('finds each url() with a CSS value parser, quoted or not', () => {
    expect(backgroundImageUrls(`url('./assets/bg.jpg')`)).toEqual(['./assets/bg.jpg']);
    expect(backgroundImageUrls('url( a.png ), linear-gradient(red, blue), url("b c.png")')).toEqual([
      'a.png',
      'b c.png',
    ]);
    expect(backgroundImageUrls('linear-gradient(red, blue)')).toEqual([]);
  });

  it('is an image of the slide, at the line of its comment', () => {
    const [slide] = readSlides('# A\n\n<!-- _backgroundImage: url(assets/bg.png) -->\n', 3).slides;
    expect(slide!.images).toEqual([{ src: 'assets/bg.png', line: 5 }]);
  });
});
