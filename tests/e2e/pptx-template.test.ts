import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml, type XmlDocument } from '../../src/export/pptx/xml-tree.js';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { renderPdfGrey, type Grey } from '../helpers/pixels.js';
import { libreOfficePdf, readPptx } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';
import { libreOfficeTemplate, useTemplate } from '../helpers/templates.js';

// The editable PPTX on a company's template (issue 28), with LibreOffice Impress's own templates
// converted to .potx, and one of them with its layouts renamed into Chinese: every part is read
// back with the XML parser, LibreOffice draws it, the Open XML SDK validator checks it.

const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CN: Record<string, string> = {
  'Title Slide': '标题幻灯片',
  'Title, Content': '标题和内容',
  'Title Only': '仅标题',
};

async function parts(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = async (n: string) => parseXml(await zip.file(n)!.async('string'));
  const named = (dir: string) =>
    Object.keys(zip.files)
      .filter((n) => new RegExp(`^ppt/${dir}/[^/]+\\.xml$`).test(n))
      .sort();
  const layoutNames = async () =>
    Promise.all(
      named('slideLayouts').map(async (n) =>
        (await xml(n)).getElementsByTagNameNS(P, 'cSld')[0]!.getAttribute('name'),
      ),
    );
  return { zip, xml, named, layoutNames };
}

const scheme = (doc: XmlDocument) =>
  serializeXml({ ...doc, documentElement: doc.getElementsByTagNameNS(A, 'clrScheme')[0]! } as XmlDocument);

/** The mean grey of the bottom tenth of a page: the template's background graphics, under no text. */
const foot = (g: Grey) => {
  let sum = 0;
  const from = Math.floor(g.height * 0.9);
  for (let i = from * g.width; i < g.data.length; i++) sum += g.data[i]!;
  return sum / (g.data.length - from * g.width);
};

/** The template with three of its layouts renamed into Chinese, each part rewritten by the XML parser. */
async function inChinese(potx: string, to: string): Promise<void> {
  const t = await parts(potx);
  for (const n of t.named('slideLayouts')) {
    const doc = await t.xml(n);
    const cSld = doc.getElementsByTagNameNS(P, 'cSld')[0]!;
    const cn = CN[cSld.getAttribute('name') ?? ''];
    if (cn) cSld.setAttribute('name', cn);
    t.zip.file(n, serializeXml(doc));
  }
  writeFileSync(to, await t.zip.generateAsync({ type: 'nodebuffer' }));
}

describe('the editable PPTX on a company template', () => {
  for (const name of ['Focus', 'Vivid', 'Beehive', 'Focus-中文']) {
    it(`${name}: the template's masters, layouts and theme, titles in layout placeholders, notes, 0 validator errors, its background drawn`, async () => {
      const dir = tempDir('lectern-template-');
      const deck = join(dir, 'deck');
      cpSync(join(FIXTURES, 'valid'), deck, { recursive: true });
      const source = libreOfficeTemplate(name.replace('-中文', ''));
      useTemplate(deck, source);
      if (name.endsWith('中文')) await inChinese(source, join(deck, 'brand/company.potx'));
      const md = join(deck, 'deck.md');
      writeFileSync(
        md,
        readFileSync(md, 'utf8').replace('chapters: 2', 'chapters: 2\npptxTemplate: brand/company.potx'),
      );
      const run = lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'pptx']);
      expect(run.stderr).not.toMatch(/error|warning/);
      expect(run.code).toBe(0);
      const file = join(dir, 'out', 'deck.pptx');
      const out = await parts(file);
      const tpl = await parts(join(deck, 'brand/company.potx'));
      expect(out.named('slideMasters')).toEqual(tpl.named('slideMasters'));
      expect(await out.layoutNames()).toEqual(await tpl.layoutNames());
      expect(scheme(await out.xml('ppt/theme/theme1.xml'))).toBe(
        scheme(await tpl.xml('ppt/theme/theme1.xml')),
      );
      const slides = out.named('slides');
      const content = await readPptx(file);
      expect(slides.length).toBe(content.slides);
      for (const s of slides) {
        const rels = await out.xml(posix.join('ppt/slides/_rels', `${posix.basename(s)}.rels`));
        const target = rels
          .getElementsByTagNameNS(REL, 'Relationship')
          .find((r) => r.getAttribute('Type')!.endsWith('/slideLayout'))!;
        const layout = await out.xml(
          posix.normalize(posix.join('ppt/slides', target.getAttribute('Target')!)),
        );
        const layoutTitle = layout
          .getElementsByTagNameNS(P, 'ph')
          .find((p) => /title|ctrTitle/i.test(p.getAttribute('type') ?? ''));
        const titles = (await out.xml(s))
          .getElementsByTagNameNS(P, 'ph')
          .filter((p) => p.getAttribute('type') === layoutTitle?.getAttribute('type'));
        expect(titles.length, `${s}: one title in its layout's title placeholder`).toBe(1);
        // The title slide's layout is chosen by what it holds: a title and a subtitle.
        if (s === 'ppt/slides/slide1.xml')
          expect(layout.getElementsByTagNameNS(P, 'ph').map((p) => p.getAttribute('type'))).toContain(
            'subTitle',
          );
        if (name.endsWith('中文') && s === 'ppt/slides/slide1.xml')
          expect(layout.getElementsByTagNameNS(P, 'cSld')[0]!.getAttribute('name')).toBe('标题幻灯片');
      }
      expect([...content.notes.values()].join('\n')).toContain('倾听');
      expect(await ooxmlErrors(file)).toEqual([]);
      const pages = renderPdfGrey(libreOfficePdf(file, dir), 20);
      expect(pages.length).toBe(slides.length);
      libreOfficePdf(source, dir);
      const sample = renderPdfGrey(join(dir, 'lo', `${basename(source, '.potx')}.pdf`), 20)[0]!;
      for (const page of pages)
        expect(Math.abs(foot(page) - foot(sample)), 'the template background at the foot').toBeLessThan(12);
    }, 300_000);
  }
});
