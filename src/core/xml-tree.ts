import { SaxesParser } from 'saxes';

// A small XML tree for the PPTX finishing passes, read by saxes (a strict, namespace-aware
// XML parser): the parts pptxgenjs writes (600 KB for the course) took @xmldom/xmldom a quarter
// of a second to parse and write back, this tree a tenth of that. It keeps what the passes
// read and change: elements with their names, namespaces and attributes in order, text,
// comments, CDATA and the declaration; it writes the part back byte for byte where nothing
// changed, apart from how characters are escaped.

export type XmlNode = XmlElement | XmlText;

/** Character data: text, or a CDATA section or comment kept as it was read. */
export class XmlText {
  readonly nodeType = 3;
  parentNode: XmlElement | null = null;
  constructor(
    public data: string,
    readonly kind: 'text' | 'cdata' | 'comment' = 'text',
  ) {}
}

export class XmlElement {
  readonly nodeType = 1;
  parentNode: XmlElement | null = null;
  readonly childNodes: XmlNode[] = [];
  /** Attributes by qualified name, in document order (xmlns declarations among them). */
  private readonly attrs = new Map<string, string>();
  readonly localName: string;
  readonly prefix: string;

  constructor(
    readonly ownerDocument: XmlDocument,
    /** The qualified name, `a:p`. */
    readonly tagName: string,
    readonly namespaceURI: string,
  ) {
    const colon = tagName.indexOf(':');
    this.prefix = colon < 0 ? '' : tagName.slice(0, colon);
    this.localName = colon < 0 ? tagName : tagName.slice(colon + 1);
  }

  get firstChild(): XmlNode | null {
    return this.childNodes[0] ?? null;
  }

  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  /** An attribute by its namespace and local name (`r:embed`), whatever prefix the part gives it. */
  getAttributeNS(ns: string, local: string): string | null {
    for (const [name, value] of this.attrs) {
      const colon = name.indexOf(':');
      if (
        colon > 0 &&
        name.slice(colon + 1) === local &&
        this.lookupNamespaceURI(name.slice(0, colon)) === ns
      )
        return value;
    }
    return null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, String(value));
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  get attributes(): ReadonlyMap<string, string> {
    return this.attrs;
  }

  appendChild<T extends XmlNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  insertBefore<T extends XmlNode>(child: T, before: XmlNode | null): T {
    if (child.parentNode) child.parentNode.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (before && at < 0) throw new Error('insertBefore: the reference node is not a child');
    this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild<T extends XmlNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }

  get textContent(): string {
    return this.childNodes
      .map((n) => (n.nodeType === 1 ? n.textContent : n.kind === 'comment' ? '' : n.data))
      .join('');
  }
  set textContent(text: string) {
    for (const n of this.childNodes) n.parentNode = null;
    this.childNodes.length = 0;
    if (text) this.appendChild(new XmlText(text));
  }

  /** Every element below this one with that namespace and local name, in document order. */
  getElementsByTagNameNS(ns: string, local: string): XmlElement[] {
    const found: XmlElement[] = [];
    const walk = (el: XmlElement) => {
      for (const n of el.childNodes) {
        if (n.nodeType !== 1) continue;
        if (n.localName === local && n.namespaceURI === ns) found.push(n);
        walk(n);
      }
    };
    walk(this);
    return found;
  }

  /** The namespace a prefix means here, from this element's declarations and its ancestors'. */
  lookupNamespaceURI(prefix: string): string | null {
    const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
    const ns = this.attrs.get(attr);
    if (ns !== undefined) return ns;
    return this.parentNode ? this.parentNode.lookupNamespaceURI(prefix) : null;
  }
}

export class XmlDocument {
  /** The XML declaration as it was written, without `<?` and `?>`. */
  declaration?: string;
  documentElement!: XmlElement;

  createElementNS(ns: string, qualifiedName: string): XmlElement {
    return new XmlElement(this, qualifiedName, ns);
  }
  getElementsByTagNameNS(ns: string, local: string): XmlElement[] {
    const root = this.documentElement;
    return [
      ...(root.localName === local && root.namespaceURI === ns ? [root] : []),
      ...root.getElementsByTagNameNS(ns, local),
    ];
  }
}

/** Parses an XML part; a part that is not well-formed XML is an error (saxes's, with its line). */
export function parseXml(text: string): XmlDocument {
  const doc = new XmlDocument();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  const add = (node: XmlNode) => {
    const parent = open[open.length - 1];
    if (parent) parent.appendChild(node);
  };
  parser.on('xmldecl', (d) => {
    doc.declaration = [
      `xml version="${d.version ?? '1.0'}"`,
      d.encoding ? ` encoding="${d.encoding}"` : '',
      d.standalone ? ` standalone="${d.standalone}"` : '',
    ].join('');
  });
  parser.on('opentag', (tag) => {
    const el = new XmlElement(doc, tag.name, tag.uri ?? '');
    for (const attr of Object.values(tag.attributes)) el.setAttribute(attr.name, attr.value);
    if (open.length === 0) doc.documentElement = el;
    else add(el);
    open.push(el);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', (t) => {
    if (open.length) add(new XmlText(t));
  });
  parser.on('cdata', (t) => add(new XmlText(t, 'cdata')));
  parser.on('comment', (t) => {
    if (open.length) add(new XmlText(t, 'comment'));
  });
  parser.write(text).close();
  return doc;
}

const escapeText = (s: string) => s.replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
const escapeAttr = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]!);
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** The document as XML text. An element made with a prefix not declared where it sits declares it. */
export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [];
  if (doc.declaration) out.push(`<?${doc.declaration}?>\n`);
  const write = (el: XmlElement) => {
    out.push('<', el.tagName);
    const declared =
      el.namespaceURI && el.lookupNamespaceURI(el.prefix) !== el.namespaceURI
        ? [[el.prefix ? `xmlns:${el.prefix}` : 'xmlns', el.namespaceURI] as const]
        : [];
    for (const [name, value] of [...declared, ...el.attributes])
      out.push(' ', name, '="', escapeAttr(value), '"');
    if (el.childNodes.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const n of el.childNodes) {
      if (n.nodeType === 1) write(n);
      else if (n.kind === 'text') out.push(escapeText(n.data));
      else if (n.kind === 'cdata') out.push('<![CDATA[', n.data, ']]>');
      else out.push('<!--', n.data, '-->');
    }
    out.push('</', el.tagName, '>');
  };
  write(doc.documentElement);
  return out.join('');
}
