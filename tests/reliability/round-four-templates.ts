import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ch, edit, type Case } from './case.js';
import { libreOfficeTemplate, useTemplate } from '../helpers/templates.js';

/**
 * Round four of the catalogue (issue 28): a company template lectern cannot build on is an
 * error at deck.md's `pptxTemplate:` line (line 8 of the fixture) with a hint, and nothing is
 * written. Each template here is a real file: a LibreOffice template converted to .potx, or a
 * file made the way the bad ones come about (a renamed document, an encrypted save, a macro save).
 */
const named = (deck: string, file = 'brand/company.potx') =>
  edit(ch(deck, 'deck.md'), (t) => t.replace('chapters: 2', `chapters: 2\npptxTemplate: ${file}`));
const place = (deck: string, bytes: Buffer | string, file = 'brand/company.potx') => {
  mkdirSync(join(deck, 'brand'), { recursive: true });
  writeFileSync(join(deck, file), bytes);
  named(deck, file);
};
/** A zip archive made by Info-ZIP's zip of the files given (name → text). */
const zipOf = (deck: string, files: Record<string, string>) => {
  const dir = join(deck, '..', 'zip-src');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  mkdirSync(join(deck, 'brand'), { recursive: true });
  execFileSync('zip', ['-q', '-r', join(deck, 'brand/company.potx'), '.'], { cwd: dir });
  named(deck);
};
const at = (message: string) =>
  new RegExp(`deck\\.md:8: error: pptxTemplate brand/company\\.potx ${message}`);
const PPTX = ['build', '--format', 'pptx'];
const args = (d: string, o: string) => [PPTX[0]!, d, '--out', o, PPTX[1]!, PPTX[2]!];

export const roundFourTemplates: Case[] = [
  {
    name: 'theme: template without pptxTemplate',
    change: (d) => edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\ntheme: template')),
    args,
    code: 3,
    stderr:
      /deck\.md:8: error: theme: template takes its colours from the company's template, and deck\.md names none[\s\S]*hint: add pptxTemplate: brand\/company\.potx/,
  },
  {
    name: 'pptxTemplate: a text file named .potx',
    change: (d) => place(d, 'not a presentation\n'),
    args,
    code: 3,
    stderr: at('is not a PowerPoint file \\(not a zip archive\\)[\\s\\S]*hint: save the template'),
  },
  {
    name: 'pptxTemplate: a zip with no presentation part (a Word document renamed)',
    change: (d) =>
      zipOf(d, {
        '[Content_Types].xml':
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        'word/document.xml':
          '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      }),
    args,
    code: 3,
    stderr: at('has no presentation part'),
  },
  {
    name: 'pptxTemplate: a password-protected (encrypted) file',
    // Office saves an encrypted OOXML file as an OLE compound file: its signature, then its sectors.
    change: (d) => place(d, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)])),
    args,
    code: 3,
    stderr: at('is password-protected'),
  },
  {
    name: 'pptxTemplate: a macro template (.potm)',
    change: (d) => place(d, Buffer.alloc(16), 'brand/company.potm'),
    args,
    code: 3,
    stderr: /deck\.md:8: error: pptxTemplate brand\/company\.potm is a macro-enabled file \(\.potm\)/,
  },
  {
    name: 'pptxTemplate: over the size limit (a sparse 101 MB file)',
    change: (d) => {
      place(d, '');
      truncateSync(join(d, 'brand/company.potx'), 101 * 1024 * 1024);
    },
    args,
    code: 3,
    stderr: at('is 101 MB, over the 100 MB a template may be'),
  },
  {
    name: 'pptxTemplate: no layout has a title placeholder',
    // A presentation whose one master has one layout, holding only a footer.
    change: (d) => zipOf(d, noTitleTemplate()),
    args,
    code: 3,
    stderr: at('has no slide layout with a title placeholder \\(1 layout: Footer only\\)'),
  },
  {
    name: 'pptxTemplate: the file does not exist',
    change: (d) => named(d),
    args,
    code: 3,
    stderr: at('does not exist'),
  },
  {
    name: '_pptxLayout names a layout the template does not have (the names it has are listed)',
    change: (d) => {
      useTemplate(d, libreOfficeTemplate('Focus'));
      named(d);
      edit(ch(d, '02-speaking.md'), (t) =>
        t.replace('## 表达两原则', '<!-- _pptxLayout: 不存在的版式 -->\n\n## 表达两原则'),
      );
    },
    args,
    code: 3,
    stderr:
      /02-speaking\.md:\d+: error: _pptxLayout: the template has no layout "不存在的版式"[\s\S]*its layouts: "Blank Slide", "Title Slide", "Title, Content"/,
  },
  {
    name: 'pptxLayouts: a kind mapped to a layout the template does not have',
    change: (d) => {
      useTemplate(d, libreOfficeTemplate('Focus'));
      named(d);
      edit(ch(d, 'deck.md'), (t) => t.replace('chapters: 2', 'chapters: 2\npptxLayouts:\n  divider: 节标题'));
    },
    args,
    code: 3,
    stderr: /deck\.md:9: error: pptxLayouts\.divider: the template has no layout "节标题"/,
  },
];

const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`;

function noTitleTemplate(): Record<string, string> {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="${REL}">${rel('rId1', 'officeDocument', 'ppt/presentation.xml')}</Relationships>`,
    'ppt/presentation.xml': `<?xml version="1.0"?><p:presentation xmlns:p="${NS_P}" xmlns:r="${NS_R}"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${REL}">${rel('rId1', 'slideMaster', 'slideMasters/slideMaster1.xml')}</Relationships>`,
    'ppt/slideMasters/slideMaster1.xml': `<?xml version="1.0"?><p:sldMaster xmlns:p="${NS_P}" xmlns:r="${NS_R}"><p:cSld><p:spTree/></p:cSld><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`,
    'ppt/slideMasters/_rels/slideMaster1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${REL}">${rel('rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml')}</Relationships>`,
    'ppt/slideLayouts/slideLayout1.xml': `<?xml version="1.0"?><p:sldLayout xmlns:p="${NS_P}"><p:cSld name="Footer only"><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="f"/><p:cNvSpPr/><p:nvPr><p:ph type="ftr" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp></p:spTree></p:cSld></p:sldLayout>`,
  };
}
