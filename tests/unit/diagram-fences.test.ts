import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { diagramFences } from '../../src/compose/diagram-fences.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { createMarp } from '../../src/engine/marp-engine.js';
import { diagramKey } from '../../src/engine/diagram-fence.js';
import { prepareValidDeck } from '../../src/build/prepare-deck.js';
import { DiagramRenderer } from '../../src/build/diagrams.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const load = async (name: string) => {
  const loaded = await loadDeck(join(fixtures, name), fixtures);
  const validation = validateDeck(loaded);
  return { loaded, model: validation.model!, problems: validation.problems };
};

describe('diagram fences', () => {
  it('finds each ```mermaid fence of the composed deck at its line in the chapter file', async () => {
    const { model } = await load('diagrams');
    const fences = diagramFences(composeDeck(model));
    expect(fences.map((f) => [f.file.split(/[\\/]/).pop(), f.line, f.source.split('\n')[0]])).toEqual([
      ['01-flows.md', 9, 'flowchart LR'],
      ['01-flows.md', 22, 'sequenceDiagram'],
      ['01-flows.md', 35, 'mindmap'],
      ['02-plan.md', 9, 'gantt'],
      ['02-plan.md', 27, 'pie title 课时分配'],
    ]);
  });

  it('shows a drawn fence as its drawing and leaves others, and undrawn ones, code blocks', () => {
    const source = 'flowchart LR\n  A --> B\n';
    const marp = createMarp({ lecternDiagrams: { [diagramKey(source)]: '<svg id="drawn"></svg>' } });
    const md = (fence: string, lang: string, body: string) => `${fence}${lang}\n${body}${fence}\n`;
    expect(marp.render(md('```', 'mermaid', source)).html).toContain(
      '<p class="lectern-diagram"><svg id="drawn"></svg></p>',
    );
    expect(marp.render(md('~~~', ' mermaid', source)).html).toContain('<svg id="drawn">');
    expect(marp.render(md('```', 'mermaid', 'pie\n  "a" : 1\n')).html).toMatch(
      /<code class="language-mermaid">pie/,
    );
    expect(marp.render(md('```', 'text', source)).html).not.toContain('<svg id="drawn">');
    // An <svg> the author writes stays out: Marp's HTML allowlist is untouched.
    expect(marp.render('<svg id="written"></svg>\n').html).not.toContain('<svg id="written">');
  });

  it('loads no mermaid and starts no browser for a deck without diagrams', async () => {
    const { loaded, model, problems } = await load('valid');
    let asked = 0;
    const diagrams = DiagramRenderer.inMemory(() => {
      asked++;
      return Promise.reject(new Error('no browser for this deck'));
    });
    const prepared = await prepareValidDeck(loaded, model, problems, { diagrams });
    expect(prepared.diagrams).toEqual({});
    expect(asked).toBe(0);
    expect(diagrams.toJSON()).toEqual({});
  });
});
