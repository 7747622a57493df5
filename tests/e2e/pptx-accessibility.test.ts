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
const isTitle = (sp: Element) =>
  byTag(sp, P, 'ph').some((ph) => /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? ''));
/** The elements of a shape tree that are shapes (the rest are its own properties). */
const SHAPES = new Set(['sp', 'pic', 'graphicFrame', 'grpSp', 'cxnSp']);
const decorative = (cNvPr: Element) =>
  byTag(cNvPr, A, 'ext').some(
    (e) =>
      e.getAttribute('uri') === DECORATIVE && byTag(e, '*', 'decorative')[0]?.getAttribute('val') === '1',
  );

/**
 * What an element's own fill paints (spPr, rPr, bgPr): its colours as RRGGBB (a gradient's
 * every stop), 'picture' for a picture, undefined for none.
 */
const paintOf = (el: Element | undefined): string[] | 'picture' | undefined => {
  const fill =
    el && [...el.childNodes].find((n) => /^(solid|grad|blip)Fill$/.test((n as Element).localName ?? ''));
  if (!fill) return undefined;
  if ((fill as Element).localName === 'blipFill') return 'picture';
  const colours = byTag(fill as Element, A, 'srgbClr').map((c) => c.getAttribute('val')!.toUpperCase());
  return colours.length ? colours : undefined;
};
type Box = { x: number; y: number; w: number; h: number };
const boxOf = (sp: Element): Box | undefined => {
  const off = byTag(sp, A, 'off')[0];
  const ext = byTag(sp, A, 'ext').find((e) => e.getAttribute('cx'));
  if (!off || !ext) return undefined;
  const n = (e: Element, a: string) => Number(e.getAttribute(a));
  return { x: n(off, 'x'), y: n(off, 'y'), w: n(ext, 'cx'), h: n(ext, 'cy') };
};
const contains = (outer: Box, inner: Box) => {
  const cx = inner.x + inner.w / 2;
  const cy = inner.y + inner.h / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
};
/** WCAG 2.1's contrast ratio of two RRGGBB colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [0, 2, 4]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

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

  it.each([
    ['editable', ''],
    ['pictures', '-pictures'],
  ])(
    'every slide of the %s PPTX has a title placeholder holding text, and no two titles are alike',
    async (_, kind) => {
      const titles = (await slides(join(out, name, `${name}${kind}.pptx`))).map((doc) => {
        const shape = byTag(doc, P, 'sp').find(isTitle);
        return shape ? textOf(shape) : '';
      });
      expect(titles.filter((t) => !t)).toEqual([]);
      expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    },
  );

  it('the title is the first shape a screen reader reads: decoration aside, it leads the shape tree', async () => {
    const faults: string[] = [];
    (await slides(editable())).forEach((doc, i) => {
      const tree = byTag(doc, P, 'spTree')[0]!;
      const read = [...tree.children].filter(
        (el) => SHAPES.has(el.localName) && !decorative(byTag(el, P, 'cNvPr')[0]!),
      );
      if (!read[0] || !isTitle(read[0]))
        faults.push(
          `slide ${i + 1}: ${byTag(read[0] ?? tree, P, 'cNvPr')[0]?.getAttribute('name')} before the title`,
        );
    });
    expect(faults).toEqual([]);
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

  it('text keeps its contrast against the shape or slide under it, as check holds the slides to it', async () => {
    const parts = await strictXmlParts(editable());
    const faults: string[] = [];
    let kicker: string | undefined;
    (await slides(editable())).forEach((doc, i) => {
      // The slide's own background, else its layout's (where pptxgenjs writes a master's).
      const rels = parts.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!;
      const target = byTag(rels, '*', 'Relationship')
        .find((r) => r.getAttribute('Type')!.endsWith('/slideLayout'))!
        .getAttribute('Target')!;
      const layout = parts.get(`ppt/slideLayouts/${target.split('/').pop()!}`)!;
      const page = paintOf(byTag(doc, P, 'bgPr')[0]) ?? paintOf(byTag(layout, P, 'bgPr')[0]) ?? ['FFFFFF'];
      const shapes = byTag(doc, P, 'sp').map((sp) => ({
        sp,
        box: boxOf(sp),
        paint: paintOf(byTag(sp, P, 'spPr')[0]),
      }));
      shapes.forEach(({ sp, box, paint }, k) => {
        // The shape's own fill, else that of the last shape drawn before it under its centre.
        const under =
          paint ??
          shapes
            .slice(0, k)
            .reverse()
            .find((s) => s.paint && box && s.box && contains(s.box, box))?.paint ??
          page;
        if (under === 'picture') return; // text on a picture is not judged, as in check
        for (const r of byTag(sp, A, 'r')) {
          const pr = byTag(r, A, 'rPr')[0];
          const colour = pr && paintOf(pr);
          const text = textOf(r);
          // A glyph alone (the statement's quote mark) is decoration, as check's generated text.
          if (!Array.isArray(colour) || !/[\p{L}\p{N}]/u.test(text)) continue;
          const size = Number(pr!.getAttribute('sz') ?? 1800) / 100;
          const large = size >= 18 || (size >= 14 && pr!.getAttribute('b') === '1');
          if (text === '一句话') kicker = colour[0];
          const [ratio, bg] = under
            .map((u) => [contrast(colour[0]!, u), u] as const)
            .sort((a, b) => a[0] - b[0])[0]!;
          if (ratio < (large ? 3 : 4.5))
            faults.push(`slide ${i + 1}: "${text}" ${colour[0]} on ${bg} is ${ratio.toFixed(2)}:1`);
        }
      });
    });
    expect(faults).toEqual([]);
    // The layouts deck's statement kicker, in the theme's color-mix() accent: read as rgb() it was 010000.
    if (name === 'layouts') expect(kicker).toBe('976A0F');
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
