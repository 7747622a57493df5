// A build draws its diagrams in two of the browser's windows at once, one renderer process each:
// while mermaid draws, Node only waits for it and the other windows have no document yet, so
// one window left a core idle. Most of a diagram's time is its kind's first drawing (loading
// and compiling that kind's modules: 0.1–0.25 s, against 5–70 ms for the next of the same
// kind), so the diagrams are shared out by kind, and every diagram of a kind is drawn in the
// same window in the deck's order. That also keeps each drawing's bytes what one window drew:
// mermaid numbers some elements across the renders of a window (a sequence diagram's actors
// are actor0, actor1, … counted over every sequence diagram the window drew before).

/** The kind of diagram a mermaid source declares: the first word after its front matter and comments. */
export function diagramKind(source: string): string {
  const body = source.replace(/^\s*---\r?\n[\s\S]*?\r?\n\s*---\s*(\r?\n|$)/, '');
  for (const line of body.split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('%%')) continue;
    const word = (/^[A-Za-z][\w-]*/.exec(text)?.[0] ?? text).toLowerCase();
    // mermaid reads `graph` as the flowchart it is.
    return word === 'graph' ? 'flowchart' : word;
  }
  return '';
}

/**
 * A kind's first drawing, in tenths of a second, as measured on the 2-core bench machine (its
 * modules: dagre for flowcharts, cytoscape's 470 KB for mind maps, langium's 700 KB parser for
 * pie charts and the other kinds mermaid parses with it); any other kind counts 2. Each next
 * diagram of a kind counts 0.5.
 */
const FIRST_COST: Record<string, number> = {
  flowchart: 2.7,
  mindmap: 2.7,
  pie: 2,
  sequencediagram: 1.1,
  gantt: 0.6,
};

/**
 * `items` in at most `bins` groups to draw at once, balanced by an estimate of their time
 * (FIRST_COST); the diagrams of a kind stay in one group, in the order given. Groups come back
 * in the order of their first item; none is empty.
 */
export function diagramBins<T extends { source: string }>(items: T[], bins: number): T[][] {
  const kinds = new Map<string, T[]>();
  for (const item of items) {
    const kind = diagramKind(item.source);
    kinds.set(kind, [...(kinds.get(kind) ?? []), item]);
  }
  const cost = (group: T[]) => (FIRST_COST[diagramKind(group[0]!.source)] ?? 2) + (group.length - 1) * 0.5;
  const groups = [...kinds.values()].sort((a, b) => cost(b) - cost(a));
  const out: { items: T[]; cost: number }[] = Array.from({ length: Math.max(1, bins) }, () => ({
    items: [],
    cost: 0,
  }));
  for (const group of groups) {
    const lightest = out.reduce((min, bin) => (bin.cost < min.cost ? bin : min));
    lightest.items.push(...group);
    lightest.cost += cost(group);
  }
  const first = (bin: T[]) => items.indexOf(bin[0]!);
  return out
    .map((bin) => bin.items)
    .filter((bin) => bin.length > 0)
    .map((bin) => [...bin].sort((a, b) => items.indexOf(a) - items.indexOf(b)))
    .sort((a, b) => first(a) - first(b));
}
