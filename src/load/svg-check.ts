import { DOMParser } from '@xmldom/xmldom';
import { cleanUrl, cssLoads, fetchesSomething } from '../core/css-loads.js';

/**
 * Why an SVG may not be embedded, or undefined when it may: an SVG is a document that can run
 * code and load files, and lectern embeds it as it is (in the editable PPTX, too). The SVG is
 * read by an XML parser, so the decision is made on elements and attributes with their entities
 * decoded (`jav&#x61;script:`, `h&#x74;tp:`), never on how the text happens to be spelled:
 * scripts, event handlers, `<foreignObject>` (HTML inside the drawing) and every reference to
 * something outside the drawing (http:, ftp:, file:, javascript:, absolute and relative paths,
 * in `href`, in presentation attributes and in `<style>`) are refused. Comments are not content.
 */
export function svgDanger(text: string): string | undefined {
  return documentDanger(text, 0);
}

const XHTML = 'http://www.w3.org/1999/xhtml';
/** DOM node types (the DOM's Node constants). */
const ELEMENT = 1;
const PROCESSING_INSTRUCTION = 7;
const DOCUMENT_TYPE = 10;
/** Raster pictures an SVG may embed as data: URIs; an embedded SVG is checked like this one. */
const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp)[;,]/i;
/** SVG elements that run code, or hold HTML. */
const CODE_ELEMENTS: Record<string, string> = {
  script: 'holds a script',
  handler: 'holds an event handler (<handler>)',
  listener: 'holds an event handler (<listener>)',
  foreignobject: 'holds a <foreignObject> (HTML inside the drawing)',
};
/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src']);
/** Nested data: SVGs deeper than this are refused rather than unpacked further. */
const MAX_DEPTH = 4;

/** The parsed document, or why it is not well-formed XML (any parser warning stops it: a browser would not draw it). */
function parseSvg(text: string): Document | string {
  let reported: string | undefined;
  try {
    const parser = new DOMParser({
      onError: (_level: string, message: string) => {
        reported = message.replace(/^element parse error: (Error: )?/, '').split('\n')[0];
        throw new Error(reported);
      },
    });
    return parser.parseFromString(text, 'image/svg+xml') as unknown as Document;
  } catch (err) {
    const line = (err as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    const message = reported ?? (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return `is not well-formed XML (${line ? `line ${line}: ` : ''}${message})`;
  }
}

function documentDanger(text: string, depth: number): string | undefined {
  const doc = parseSvg(text);
  if (typeof doc === 'string') return doc;
  for (const node of Array.from(doc.childNodes)) {
    if (
      node.nodeType === DOCUMENT_TYPE &&
      (node as DocumentType & { internalSubset?: string }).internalSubset
    )
      return 'declares entities of its own (<!DOCTYPE … [ … ]>), which can hide what it holds';
    if (node.nodeType === PROCESSING_INSTRUCTION && (node as ProcessingInstruction).target !== 'xml')
      return `holds a processing instruction (<?${(node as ProcessingInstruction).target} …?>), which can load a stylesheet`;
  }
  const root = doc.documentElement;
  return root ? elementDanger(root, depth) : 'holds no <svg> element';
}

function elementDanger(el: Element, depth: number): string | undefined {
  const name = (el.localName ?? el.nodeName).toLowerCase();
  const code = CODE_ELEMENTS[name];
  if (code) return code;
  if (el.namespaceURI === XHTML) return `holds HTML (<${el.localName}>)`;
  for (const attr of Array.from(el.attributes)) {
    const danger = attributeDanger(name, attr, depth);
    if (danger) return danger;
  }
  if (name === 'style') {
    const load = cssLoads(el.textContent ?? '').find((l) => fetchesSomething(l.url));
    if (load) return `its <style> ${referenceDanger(load.url, depth) ?? `loads ${shown(load.url)}`}`;
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType !== ELEMENT) continue;
    const danger = elementDanger(child as Element, depth);
    if (danger) return danger;
  }
  return undefined;
}

function attributeDanger(element: string, attr: Attr, depth: number): string | undefined {
  const name = (attr.localName ?? attr.name).toLowerCase();
  if (attr.name.startsWith('xmlns')) return undefined;
  if (name.startsWith('on')) return `holds an event handler (${attr.name}=)`;
  if (name === 'base' && attr.prefix === 'xml') return 'sets xml:base, which sends its references elsewhere';
  if (URL_ATTRIBUTES.has(name)) {
    const danger = referenceDanger(attr.value, depth);
    if (danger?.startsWith('loads ') && element === 'a')
      return `links to ${shown(attr.value)}, which is not part of the drawing`;
    return danger;
  }
  // <set attributeName="href" to="javascript:…"> changes a reference after the checks.
  if (name === 'attributename' && /^(xlink:)?href$|^on/i.test(attr.value.trim()))
    return `animates its ${attr.value.trim()} attribute`;
  // Presentation attributes and `style` are CSS: fill="url(#g)" is fine, a file is not.
  const load = cssLoads(attr.value).find((l) => fetchesSomething(l.url) && referenceDanger(l.url, depth));
  if (load) return `its ${attr.name} attribute ${referenceDanger(load.url, depth)}`;
  return undefined;
}

/** Why a reference from the drawing is refused: anything but a fragment of it or an embedded picture. */
function referenceDanger(raw: string, depth: number): string | undefined {
  const url = cleanUrl(raw);
  if (url === '' || url.startsWith('#')) return undefined;
  // eslint-disable-next-line no-control-regex -- the URL parser drops these inside a scheme too
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u001f\s]/g, ''))?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return `holds a ${scheme}: link`;
  if (scheme === 'data') {
    if (RASTER_DATA.test(url)) return undefined;
    const svg = dataSvg(url);
    if (svg === undefined) return `embeds a data: document other than a picture (${shown(url)})`;
    if (depth >= MAX_DEPTH) return 'nests SVG pictures too deep to check';
    const inner = documentDanger(svg, depth + 1);
    return inner && `embeds an SVG that ${inner}`;
  }
  return `loads ${shown(url)}, which is not part of the drawing`;
}

/** The text of a `data:image/svg+xml` URI (base64 or percent-encoded); undefined for other data. */
function dataSvg(url: string): string | undefined {
  const comma = url.indexOf(',');
  const head = url.slice(5, comma < 0 ? url.length : comma).toLowerCase();
  if (comma < 0 || !head.startsWith('image/svg+xml')) return undefined;
  const body = url.slice(comma + 1);
  if (head.endsWith(';base64')) return Buffer.from(body, 'base64').toString('utf8');
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}

const shown = (url: string) => {
  const u = cleanUrl(url);
  return u.length > 60 ? `${u.slice(0, 57)}…` : u;
};
