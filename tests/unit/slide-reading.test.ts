import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { SlideCache } from '../../src/load/slide-cache.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** The valid fixture deck in a temp folder, with `text` before the first slide of chapter 02. */
function deckWith(text: string): string {
  const dir = join(tempDir('lectern-reading-'), 'deck');
  cpSync(join(fixtures, 'valid'), dir, { recursive: true });
  const file = join(dir, '02-speaking.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## 表达两原则', `${text}\n\n## 表达两原则`));
  return dir;
}

describe('loading a deck as Marp reads it', () => {
  it('embeds images linked by a percent-encoded, a Chinese or a bracketed path', async () => {
    const dir = deckWith(
      '## 图\n\n![甲](assets/%E6%B5%81%E7%A8%8B%20%E5%9B%BE.png) ![乙](<assets/流程 图.png>)\n\n<!-- 备注 -->\n\n---',
    );
    copyFileSync(join(dir, 'assets', 'dot.png'), join(dir, 'assets', '流程 图.png'));
    const loaded = await loadDeck(dir, dir);
    const { problems, model } = validateDeck(loaded);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const slide = composeDeck(model!).slides.find((s) => s.heading === '图');
    expect(slide?.body).not.toContain('assets/');
    expect(slide?.body?.match(/\]\(data:image\/png;base64,/g)).toHaveLength(2);
  });

  it('refuses a comment that is never closed at its line, with a hint', async () => {
    const loaded = await loadDeck(deckWith('<!-- 未闭合'), fixtures);
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        line: 6,
        message: expect.stringContaining(
          'an HTML comment (<!--) opened here is not closed before the next one',
        ),
        hint: expect.stringContaining('comments do not nest'),
      }),
    );
  });
});

describe('what validation and compose read from the tokens', () => {
  it('refuses a global directive in a comment at its line, but not one shown as code', async () => {
    const dir = deckWith(
      '## 代码\n\n`<!-- theme: gaia -->`\n\n```html\n<!-- size: 4:3 -->\n```\n\n    <!-- lang: en -->\n\n<!-- 备注 -->\n正文 <!-- math: katex -->\n\n---',
    );
    const { problems } = validateDeck(await loadDeck(dir, dir));
    expect(problems.filter((p) => p.code === 'global-directive').map((p) => [p.line, p.message])).toEqual([
      [17, '<!-- math: … --> in a chapter would change the whole deck'],
    ]);
  });

  it('draws a checklist without its [ ] markers, leaving a [ ] in code as written', async () => {
    const dir = deckWith(
      '## 核对\n\n- [ ] 身份\n- [ ]  金额 [ ] 与日期\n\n```\n- [ ] 代码\n```\n\n<!-- 备注 -->\n\n---',
    );
    const slide = composeDeck(validateDeck(await loadDeck(dir, dir)).model!).slides.find(
      (s) => s.heading === '核对',
    );
    expect(slide?.layout).toBe('checklist');
    expect(slide?.body).toContain('- 身份\n- 金额 [ ] 与日期\n\n```\n- [ ] 代码\n```');
  });
});

describe('SlideCache', () => {
  const versions = 'lectern 0 engines 0';

  it("gives back the last build's reading of an unchanged chapter without reading it again", async () => {
    const dir = tempDir('lectern-slide-cache-');
    const file = join(dir, 'slides.json');
    const first = await SlideCache.open(file, versions);
    const body = '## 标题\n\n- 要点\n\n<!-- 备注 -->';
    expect(first.read(body, 5).slides[0]?.headings).toEqual(['标题']);
    // An edited entry shows that the second build took the cache's word, not Marp's.
    const saved = JSON.parse(JSON.stringify(first)) as Record<string, { slides: { headings: string[] }[] }>;
    for (const entry of Object.values(saved)) entry.slides[0]!.headings = ['从缓存'];
    writeFileSync(file, JSON.stringify(saved));
    expect((await SlideCache.open(file, versions)).read(body, 5).slides[0]?.headings).toEqual(['从缓存']);
    // Another first line, other versions: read again.
    expect((await SlideCache.open(file, versions)).read(body, 6).slides[0]?.headings).toEqual(['标题']);
    expect((await SlideCache.open(file, 'lectern 1')).read(body, 5).slides[0]?.headings).toEqual(['标题']);
  });

  it('ignores a damaged cache file', async () => {
    const dir = tempDir('lectern-slide-cache-');
    const file = join(dir, 'slides.json');
    const body = '## 标题';
    const first = await SlideCache.open(file, versions);
    first.read(body, 1);
    const saved = JSON.parse(JSON.stringify(first)) as Record<string, { slides: unknown }>;
    for (const entry of Object.values(saved)) entry.slides = [{ markdown: 1 }];
    writeFileSync(file, JSON.stringify(saved));
    expect((await SlideCache.open(file, versions)).read(body, 1).slides[0]?.headings).toEqual(['标题']);
    writeFileSync(file, '{ not json');
    expect((await SlideCache.open(file, versions)).read(body, 1).slides[0]?.headings).toEqual(['标题']);
  });
});
