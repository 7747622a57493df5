import { describe, expect, it, vi } from 'vitest';
import { SlideCache } from '../../src/load/slide-cache.js';

// Counts how often Marp parses: the cache exists to parse less.
const parses = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/engine/markdown-tokens.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/markdown-tokens.js')>();
  return {
    ...real,
    parseMarkdown: (md: string) => {
      parses.n++;
      return real.parseMarkdown(md);
    },
  };
});

describe('SlideCache in memory (the dev server)', () => {
  it("parses only the chapters a save changed, and keeps only the last load's readings", () => {
    const first = SlideCache.inMemory();
    first.read('## 甲', 5);
    first.read('## 乙', 5);
    expect(parses.n).toBe(2);
    const second = first.next();
    expect(second.read('## 甲', 5).slides[0]?.headings).toEqual(['甲']);
    second.read('## 乙（改）', 5);
    expect(parses.n).toBe(3);
    // 乙 was not read in the last load: it is gone, and reading it again parses.
    second.next().read('## 乙', 5);
    expect(parses.n).toBe(4);
  });
});
