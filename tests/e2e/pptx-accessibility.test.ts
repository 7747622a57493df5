import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { strictXmlParts } from '../helpers/xml-parts.js';
import { tempDir } from '../helpers/temp.js';

// The PPTX as PowerPoint's accessibility checker and a screen reader read it, from its slide
// parts parsed as XML: a title on every slide, no two alike; alt text on every picture that
// is not marked decorative; decoration marked; tables with a header row.
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const DECORATIVE = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';
const DECKS = [
  { name: 'slides', dir: join(ROOT, 'slides') },
  { name: 'gallery', dir: join(FIXTURES, 'gallery') },
  { name: 'layouts', dir: join(FIXTURES, 'layouts') },
];
const out = tempDir('lectern-a11y-pptx-');

beforeAll(() => {
  for (const d of DECKS) {
    const r = lectern(['build', d.dir, '--out', join(out, d.name), '--format', 'pptx,pptx-pictures']);
    expect(r.code, r.stderr).toBe(0);
  }
});

const byTag = (el: Document | Element, ns: string, local: string) => [
  ...el.getElementsByTagNameNS(ns, local),
];
const textOf = (el: Element) =>
  byTag(el, A, 't')
    .map((t) => t.textContent ?? '')
    .join('')
    .trim();
const decorative = (cNvPr: Element) =>
  byTag(cNvPr, A, 'ext').some(
    (e) =>
      e.getAttribute('uri') === DECORATIVE && byTag(e, '*', 'decorative')[0]?.getAttribute('val') === '1',
  );

async function slides(file: string): Promise<Document[]> {
  const parts = await strictXmlParts(file);
  const number = (n: string) => Number(/slide(\d+)\.xml$/.exec(n)![1]);
  return [...parts.keys()]
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => number(a) - number(b))
    .map((n) => parts.get(n)!);
}

describe.each(DECKS)('$name: accessible PPTX', ({ name }) => {
  const editable = () => join(out, name, `${name}.pptx`);

  it('every slide has a title placeholder holding text, and no two titles are alike', async () => {
    const titles = (await slides(editable())).map((doc) => {
      const shape = byTag(doc, P, 'sp').find((sp) =>
        byTag(sp, P, 'ph').some((ph) => /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? '')),
      );
      return shape ? textOf(shape) : '';
    });
    expect(titles.filter((t) => !t)).toEqual([]);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it('every picture has alt text or is marked decorative; shapes without text are decorative; tables have a header row', async () => {
    const faults: string[] = [];
    (await slides(editable())).forEach((doc, i) => {
      for (const pic of byTag(doc, P, 'pic')) {
        const c = byTag(pic, P, 'cNvPr')[0]!;
        if (!decorative(c) && !(c.getAttribute('descr') ?? '').trim())
          faults.push(`slide ${i + 1}: picture without alt`);
        if (c.getAttribute('descr') === 'preencoded.png')
          faults.push(`slide ${i + 1}: pptxgenjs's file name as alt`);
      }
      for (const sp of byTag(doc, P, 'sp')) {
        const c = byTag(sp, P, 'cNvPr')[0]!;
        if (!byTag(sp, P, 'ph').length && !textOf(sp) && !decorative(c))
          faults.push(`slide ${i + 1}: ${c.getAttribute('name')} holds no text and is not decorative`);
      }
      for (const tblPr of byTag(doc, A, 'tblPr'))
        if (tblPr.getAttribute('firstRow') !== '1') faults.push(`slide ${i + 1}: table without a header row`);
    });
    expect(faults).toEqual([]);
    expect(await ooxmlErrors(editable())).toEqual([]);
  });

  it("the pictures PPTX: each slide's picture has the slide's title as its alt text", async () => {
    const file = join(out, name, `${name}-pictures.pptx`);
    const alts = (await slides(file)).map((doc) =>
      byTag(doc, P, 'pic').map((p) => byTag(p, P, 'cNvPr')[0]!.getAttribute('descr') ?? ''),
    );
    expect(alts.flat().filter((a) => !a || a === 'preencoded.png')).toEqual([]);
    expect(await ooxmlErrors(file)).toEqual([]);
  });
});
