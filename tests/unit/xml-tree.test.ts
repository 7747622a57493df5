import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseXml, serializeXml, XmlText } from '../../src/export/pptx/xml-tree.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const PART = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  `<p:sld xmlns:a="${A}" xmlns:p="${P}" xmlns:r="urn:r"><p:cSld name="R&amp;D &lt;一&gt;">`,
  '<p:spTree><p:sp><p:txBody><a:p><a:r><a:rPr lang="zh-CN"/><a:t>a &amp; b &lt; c "引号" \'x\'</a:t></a:r>',
  '<a:r><a:t xml:space="preserve">  two  spaces </a:t></a:r></a:p></p:txBody></p:sp>',
  '<!-- a comment --><a:blip r:embed="rId2" title="tab&#9;line&#10;end"/></p:spTree></p:cSld></p:sld>',
].join('');

/** The part as xmldom reads it, written back: what the tree's output must mean. */
const canonical = (xml: string) =>
  new XMLSerializer().serializeToString(new DOMParser().parseFromString(xml, 'text/xml'));

describe('the PPTX parts XML tree', () => {
  it('writes a part back as it read it: names, namespaces, attributes in order, escapes, comments', () => {
    const doc = parseXml(PART);
    const text = serializeXml(doc);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld ')).toBe(true);
    expect(canonical(text)).toBe(canonical(PART));
    expect(doc.getElementsByTagNameNS(A, 't').map((t) => t.textContent)).toEqual([
      'a & b < c "引号" \'x\'',
      '  two  spaces ',
    ]);
    expect(doc.getElementsByTagNameNS(A, 'blip')[0]!.getAttribute('title')).toBe('tab\tline\nend');
  });

  it('finds elements by namespace, not by prefix', () => {
    const doc = parseXml(`<x:root xmlns:x="${P}" xmlns:d="${A}"><d:p/><x:p/><d:q><d:p/></d:q></x:root>`);
    expect(doc.getElementsByTagNameNS(A, 'p').map((e) => e.tagName)).toEqual(['d:p', 'd:p']);
    expect(doc.getElementsByTagNameNS(P, 'root')).toHaveLength(1);
  });

  it('reads an attribute by its namespace, whatever prefix the part gives it', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const doc = parseXml(
      `<p:pic xmlns:p="${P}" xmlns:rel="${R}"><p:blip rel:embed="rId7" embed="plain" xmlns:o="urn:other" o:embed="other"/></p:pic>`,
    );
    const blip = doc.getElementsByTagNameNS(P, 'blip')[0]!;
    expect(blip.getAttributeNS(R, 'embed')).toBe('rId7');
    expect(blip.getAttributeNS('urn:other', 'embed')).toBe('other');
    expect(blip.getAttributeNS(R, 'id')).toBeNull();
  });

  it('moves, inserts and removes nodes, and sets text', () => {
    const doc = parseXml(`<a:r xmlns:a="${A}"><a:t>old</a:t></a:r>`);
    const run = doc.documentElement;
    const props = doc.createElementNS(A, 'a:rPr');
    props.setAttribute('lang', 'zh-CN');
    run.insertBefore(props, run.firstChild);
    run.getElementsByTagNameNS(A, 't')[0]!.textContent = '‹#›';
    run.appendChild(props); // moved, not copied
    expect(serializeXml(doc)).toBe(`<a:r xmlns:a="${A}"><a:t>‹#›</a:t><a:rPr lang="zh-CN"/></a:r>`);
    run.removeChild(props);
    run.appendChild(new XmlText('1 < 2'));
    expect(serializeXml(doc)).toBe(`<a:r xmlns:a="${A}"><a:t>‹#›</a:t>1 &lt; 2</a:r>`);
  });

  it('declares the namespace of an element made with a prefix its place does not declare', () => {
    const doc = parseXml(`<p:sld xmlns:p="${P}"/>`);
    doc.documentElement.appendChild(doc.createElementNS(A, 'a:ext'));
    const text = serializeXml(doc);
    expect(text).toBe(`<p:sld xmlns:p="${P}"><a:ext xmlns:a="${A}"/></p:sld>`);
    expect(new DOMParser().parseFromString(text, 'text/xml').getElementsByTagNameNS(A, 'ext')).toHaveLength(
      1,
    );
  });

  it('refuses a part that is not well-formed, with its line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/2:\d+/);
    expect(() => parseXml(`<a:p xmlns:b="${A}"/>`)).toThrow(/prefix/i);
  });
});
