import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Node kinds, numbered as in the DOM. */
export const NodeKind = {
  element: 1,
  attribute: 2,
  text: 3,
  processingInstruction: 7,
  comment: 8,
  document: 9,
} as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

const NO_CHILDREN: XNode[] = [];

/**
 * The expanded name of a node as rule dispatch sees it (`e|ns|local`, `a|ns|local`, `d` for the
 * document): one shared object per name within a document, so lookups compare by identity.
 */
export interface NodeName {
  readonly key: string;
  readonly ns: string;
  readonly local: string;
}

export const DOCUMENT_NAME: NodeName = { key: 'd', ns: '', local: '' };
export const NO_NAME: NodeName = { key: '-', ns: '', local: '' };

/**
 * One node of the XPath data model, kept small: a document of 10,000 catalogue lines has about a
 * million of them. `order` is the position in document order (attributes after their element).
 */
export class XNode {
  children: XNode[] = NO_CHILDREN;
  attributes: XNode[] = NO_CHILDREN;
  /** Cached string value of an element (computed on first use). */
  private text: string | undefined;

  constructor(
    readonly kind: NodeKind,
    readonly parent: XNode | null,
    readonly ns: string,
    readonly local: string,
    readonly prefix: string,
    /** Content of a text, attribute, comment or processing-instruction node. */
    readonly value: string,
    readonly order: number,
    readonly name: NodeName = NO_NAME,
  ) {}

  /** The string value (XPath `string(.)`). */
  stringValue(): string {
    if (this.kind !== NodeKind.element && this.kind !== NodeKind.document) return this.value;
    if (this.text !== undefined) return this.text;
    const kids = this.children;
    let out: string;
    if (kids.length === 1 && kids[0]!.kind === NodeKind.text) out = kids[0]!.value;
    else {
      out = '';
      for (const child of kids) {
        if (child.kind === NodeKind.text) out += child.value;
        else if (child.kind === NodeKind.element) out += child.stringValue();
      }
    }
    // Only leaf values are kept: caching every ancestor would hold the document text many times.
    if (kids.length <= 1) this.text = out;
    return out;
  }

  /** `name()`: the lexical QName as written in the document. */
  get qname(): string {
    return this.prefix ? `${this.prefix}:${this.local}` : this.local;
  }

  get root(): XNode {
    let node: XNode = this;
    while (node.parent) node = node.parent;
    return node;
  }
}

export class XmlTreeError extends Error {
  override name = 'XmlTreeError';
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/**
 * Parses XML text into the compact tree the compiled rules walk. The text has passed the prolog
 * guard (no DOCTYPE), so no entity but the predefined ones can occur.
 */
export function parseXmlTree(text: string): XNode {
  let order = 0;
  const doc = new XNode(NodeKind.document, null, '', '', '', '', order++, DOCUMENT_NAME);
  const names = new Map<string, NodeName>();
  const nameOf = (kind: 'e' | 'a', ns: string, local: string): NodeName => {
    const key = `${kind}|${ns}|${local}`;
    let name = names.get(key);
    // One string per distinct name: a big catalogue repeats the same few dozen names.
    if (!name) names.set(key, (name = { key, ns, local }));
    return name;
  };
  doc.children = [];
  let current = doc;
  const parser = new SaxesParser({ xmlns: true, position: false });
  const appendText = (value: string) => {
    if (current === doc) return; // whitespace outside the root element is not a node
    if (current.children === NO_CHILDREN) current.children = [];
    const kids = current.children;
    const last = kids[kids.length - 1];
    if (last && last.kind === NodeKind.text) {
      kids[kids.length - 1] = new XNode(NodeKind.text, current, '', '', '', last.value + value, last.order);
    } else {
      kids.push(new XNode(NodeKind.text, current, '', '', '', value, order++));
    }
  };
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagNS;
    const elementName = nameOf('e', t.uri, t.local);
    const element = new XNode(NodeKind.element, current, elementName.ns, elementName.local, t.prefix, '', order++, elementName);
    const attributes: XNode[] = [];
    for (const name in t.attributes) {
      const a = t.attributes[name]!;
      if (a.uri === XMLNS) continue;
      const attributeName = nameOf('a', a.uri, a.local);
      attributes.push(new XNode(NodeKind.attribute, element, attributeName.ns, attributeName.local, a.prefix, a.value, order++, attributeName));
    }
    if (attributes.length) element.attributes = attributes;
    if (current.children === NO_CHILDREN) current.children = [];
    current.children.push(element);
    current = element;
  });
  parser.on('closetag', () => {
    current = current.parent!;
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('comment', (value) => {
    if (current.children === NO_CHILDREN) current.children = [];
    current.children.push(new XNode(NodeKind.comment, current, '', '', '', value, order++));
  });
  parser.on('processinginstruction', (pi) => {
    if (current.children === NO_CHILDREN) current.children = [];
    current.children.push(new XNode(NodeKind.processingInstruction, current, '', pi.target, '', pi.body, order++));
  });
  parser.on('doctype', () => {
    throw new XmlTreeError('DOCTYPE declarations are not accepted');
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new XmlTreeError(`not well-formed: ${(error as Error).message}`);
  }
  return doc;
}
