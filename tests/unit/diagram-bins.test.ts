import { describe, expect, it } from 'vitest';
import { diagramBins, diagramKind } from '../../src/build/diagram-bins.js';

const d = (source: string, n: number) => ({ source, n });

describe('diagram bins', () => {
  it('reads the kind a source declares past its front matter, comments and blank lines', () => {
    expect(diagramKind('flowchart LR\n  A --> B')).toBe('flowchart');
    expect(diagramKind('graph TD\n  A --> B')).toBe('flowchart');
    expect(diagramKind('---\ntitle: 流程\n---\n%% a note\n\nsequenceDiagram\n  A->>B: hi')).toBe(
      'sequencediagram',
    );
    expect(diagramKind('  pie title 时间\n  "a" : 1')).toBe('pie');
    expect(diagramKind('')).toBe('');
  });

  it('keeps every diagram of a kind in one group, in the deck order, and balances the groups', () => {
    const kinds = ['flowchart LR', 'sequenceDiagram', 'mindmap', 'gantt', 'pie'];
    const items = [1, 2].flatMap((round) => kinds.map((k, i) => d(`${k}\n  x`, (round - 1) * 5 + i)));
    const bins = diagramBins(items, 2);
    expect(bins).toHaveLength(2);
    expect(
      bins
        .flat()
        .map((b) => b.n)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const kind of kinds) {
      const holding = bins.filter((bin) => bin.some((b) => b.source.startsWith(kind)));
      expect(holding).toHaveLength(1);
    }
    for (const bin of bins)
      expect(bin.map((b) => b.n)).toEqual([...bin.map((b) => b.n)].sort((a, b) => a - b));
    // The two slowest kinds to load (flowchart, mind map) are drawn at once, in two windows.
    const kindsOf = (bin: { source: string }[]) => [...new Set(bin.map((b) => diagramKind(b.source)))];
    expect(bins.map(kindsOf)).toEqual([
      ['flowchart', 'pie'],
      ['sequencediagram', 'mindmap', 'gantt'],
    ]);
  });

  it('makes one group of one kind, and none of nothing', () => {
    const items = [d('pie\n "a": 1', 0), d('pie\n "b": 2', 1)];
    expect(diagramBins(items, 2)).toEqual([items]);
    expect(diagramBins([], 2)).toEqual([]);
  });
});
