import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * A build draws its diagrams in two windows at once (src/build/diagram-bins.ts): each drawing
 * must be the bytes one window drawing the deck's diagrams in order makes, which mermaid's
 * counters across a window's renders (a sequence diagram's actor ids) make depend on what it
 * drew before. Run on dist's modules in a Node of its own: vite would rewrite the import()
 * that loads mermaid inside the page.
 */
const kinds = (n: number) => [
  `flowchart LR\n  A[客户来电 ${n}] --> B{能否解决}\n  B -->|能| C[当场答复]`,
  `sequenceDiagram\n  客户->>客服: 投诉 ${n}\n  客服->>主管: 转交\n  主管-->>客户: 回电`,
  `mindmap\n  root((服务 ${n}))\n    倾听\n    共情`,
  `gantt\n  dateFormat HH:mm\n  axisFormat %H:%M\n  section 第${n}天\n  讲授 :a1, 09:00, 60m`,
  `pie title 时间 ${n}\n  "讲授" : 40\n  "练习" : 60`,
];
const SOURCES = [1, 2].flatMap(kinds);

const dist = (path: string) => JSON.stringify(join(ROOT, 'dist', path));
const SCRIPT = `
  import { DiagramRenderer, diagramLook } from ${dist('build/diagrams.js')};
  import { diagramKey } from ${dist('engine/diagram-fence.js')};
  import { openBrowser } from ${dist('export/browser/browser.js')};
  import { mermaidWindow, renderDiagrams } from ${dist('export/browser/mermaid-page.js')};
  import { embeddedFont } from ${dist('fonts/embedded-font.js')};
  const sources = JSON.parse(process.argv[1]);
  const fences = sources.map((source, slide) => ({ source, key: diagramKey(source), file: '03-x.md', line: 3, slide }));
  const model = { brand: {} };
  const font = await embeddedFont(sources.join(''));
  const [session, other] = await Promise.all([openBrowser(), openBrowser()]);
  try {
    // As a build: two windows warmed, the render shares the diagrams out between them.
    const renderer = DiagramRenderer.inMemory(() => Promise.resolve(session));
    renderer.warm(2);
    const { svgs, problems } = await renderer.render(fences, model, async () => font.css);
    // The reference: a fresh window of another browser drawing them one after another.
    const jobs = fences.map((f) => ({ key: f.key, source: f.source }));
    const look = { ...diagramLook(model), fontCss: font.css };
    const { outcomes } = await renderDiagrams(await mermaidWindow(other), jobs, look);
    process.stdout.write(JSON.stringify({
      problems,
      two: fences.map((f) => svgs[f.key]),
      one: fences.map((f) => outcomes.get(f.key).svg),
    }));
  } finally {
    await Promise.all([session.close(), other.close()]);
  }`;

describe('diagrams drawn in two windows', () => {
  it('draws every diagram as one window drawing them all in the deck order does', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT, JSON.stringify(SOURCES)],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    const out = JSON.parse(stdout) as { problems: unknown[]; two: string[]; one: string[] };
    expect(out.problems).toEqual([]);
    SOURCES.forEach((source, i) => expect(out.two[i], source.split('\n')[0]).toBe(out.one[i]));
    // The second sequence diagram's actors are numbered after the first's (0–2): 3–5.
    expect(out.two[6]).toContain('id="actor5"');
  }, 120_000);
});
