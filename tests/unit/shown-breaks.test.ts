import { describe, expect, it } from 'vitest';
import { withShownBreaks } from '../../src/export/pptx/measured-text.js';

describe('withShownBreaks: a heading breaks in PowerPoint where the browser broke it', () => {
  it('splits runs at the browser’s line ends, dropping the space at the break, formatting kept', () => {
    const runs = [{ text: 'Safe ' }, { text: 'Forklift Operation', bold: true }];
    expect(withShownBreaks(runs, 'Safe Forklift\nOperation')).toEqual([
      { text: 'Safe ' },
      { text: 'Forklift', bold: true },
      { text: '\n' },
      { text: 'Operation', bold: true },
    ]);
  });

  it('breaks Chinese between characters, and leaves one-line or different text alone', () => {
    expect(withShownBreaks([{ text: '这是一个特别长的标题' }], '这是一个特别\n长的标题')).toEqual([
      { text: '这是一个特别' },
      { text: '\n' },
      { text: '长的标题' },
    ]);
    const runs = [{ text: '短标题' }];
    expect(withShownBreaks(runs, '短标题')).toBe(runs);
    expect(withShownBreaks(runs, '别的\n文字')).toBe(runs);
  });
});
