import {
  parseXml,
  serializeXml,
  type XmlDocument as Document,
  type XmlElement as Element,
} from './xml-tree.js';
import { OOXML } from '../../core/ooxml-names.js';

// The parts of a PPTX as XML documents (xml-tree.ts), for the finishing passes that change
// what pptxgenjs wrote: elements are found and moved by their names, never by text matching.

export const NS = { a: OOXML.a, p: OOXML.p, rels: OOXML.rels } as const;

type Zip = import('jszip');

/**
 * The XML parts of a PPTX as documents, for the finishing passes: a part is parsed the first
 * time a pass asks for it and written back once, when `save` is called. Parsing each slide
 * once for every pass (three passes over slides, two over layouts) cost a build 0.2 s.
 */
export class PartDocuments {
  private readonly docs = new Map<string, Document>();
  private constructor(readonly zip: Zip) {}

  static async open(zip: Zip): Promise<PartDocuments> {
    return Promise.resolve(new PartDocuments(zip));
  }

  /** Lets `change` edit each part whose name passes `which`, in the zip's order. */
  async edit(which: (name: string) => boolean, change: (doc: Document, name: string) => void): Promise<void> {
    for (const name of Object.keys(this.zip.files).filter(which)) change(await this.doc(name), name);
  }

  /** Writes every part a pass has read back into the zip. */
  save(): void {
    for (const [name, doc] of this.docs) this.zip.file(name, serializeXml(doc));
    this.docs.clear();
  }

  private async doc(name: string): Promise<Document> {
    let doc = this.docs.get(name);
    if (!doc) {
      const text = await this.zip.file(name)!.async('string');
      doc = parseXml(text);
      this.docs.set(name, doc);
    }
    return doc;
  }
}

/** Every element of a namespace and local name below `root`, in document order. */
export function all(root: Document | Element, ns: keyof typeof NS, local: string): Element[] {
  return [...root.getElementsByTagNameNS(NS[ns], local)];
}

/** The element's children with that name. */
export function kids(el: Element, ns: keyof typeof NS, local: string): Element[] {
  return el.childNodes.filter(
    (n): n is Element => n.nodeType === 1 && n.namespaceURI === NS[ns] && n.localName === local,
  );
}

/** A new element in the document, named with the namespace's usual prefix. */
export function make(
  doc: Document,
  ns: keyof typeof NS,
  local: string,
  attrs: Record<string, string> = {},
): Element {
  const el = doc.createElementNS(NS[ns], `${ns}:${local}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Puts `child` into `parent` before the first child whose local name comes after it in the
 * schema's sequence `order` (children not in `order` count as coming last).
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  const mine = rank(child.localName);
  const after = parent.childNodes.find((n): n is Element => n.nodeType === 1 && rank(n.localName) > mine);
  parent.insertBefore(child, after ?? null);
}
