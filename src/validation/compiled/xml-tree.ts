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
 * The name of a node (`key`: `e|ns|local`, `a|ns|local`, `d` for the document) as rule dispatch
 * sees it: one shared object per name and prefix within a document, so lookups compare by identity
 * and a big catalogue keeps each distinct name once. It carries the node kind, which nodes then
 * need not store.
 */
export interface NodeName {
  readonly kind: NodeKind;
  readonly key: string;
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
}

export const DOCUMENT_NAME: NodeName = { kind: NodeKind.document, key: 'd', ns: '', local: '', prefix: '' };
/** The parent name of a node without parent, for rule dispatch. */
export const NO_NAME: NodeName = { kind: NodeKind.text, key: '-', ns: '', local: '', prefix: '' };
export const TEXT_NAME: NodeName = NO_NAME;
const COMMENT_NAME: NodeName = { kind: NodeKind.comment, key: '-', ns: '', local: '', prefix: '' };

/**
 * One node of the XPath data model, kept small: a document of 10,000 catalogue lines has over a
 * million of them, so a node has five fields. `order` is the position in document order
 * (attributes after their element).
 */
export class XNode {
  /** Children of an element or the document, content of any other node: a node has only one of them. */
  private content: XNode[] | string;
  attributes: XNode[] = NO_CHILDREN;

  constructor(
    readonly parent: XNode | null,
    readonly name: NodeName,
    content: XNode[] | string,
    readonly order: number,
  ) {
    this.content = content;
  }

  get kind(): NodeKind {
    return this.name.kind;
  }

  get children(): XNode[] {
    const c = this.content;
    return typeof c === 'string' ? NO_CHILDREN : c;
  }

  set children(kids: XNode[]) {
    this.content = kids;
  }

  /** Content of a text, attribute, comment or processing-instruction node ('' for the others). */
  get value(): string {
    const c = this.content;
    return typeof c === 'string' ? c : '';
  }

  get ns(): string {
    return this.name.ns;
  }

  get local(): string {
    return this.name.local;
  }

  /** `name()`: the lexical QName as written in the document. */
  get qname(): string {
    return this.name.prefix ? `${this.name.prefix}:${this.name.local}` : this.name.local;
  }

  /** The string value (XPath `string(.)`). */
  stringValue(): string {
    if (this.kind !== NodeKind.element && this.kind !== NodeKind.document) return this.value;
    const kids = this.children;
    if (kids.length === 1 && kids[0]!.kind === NodeKind.text) return kids[0]!.value;
    let out = '';
    for (const child of kids) {
      if (child.kind === NodeKind.text) out += child.value;
      else if (child.kind === NodeKind.element) out += child.stringValue();
    }
    return out;
  }

  get root(): XNode {
    let node: XNode = this;
    while (node.parent) node = node.parent;
    return node;
  }
}

/** The name of a processing instruction: its target as local name. */
function unnamed(local = ''): NodeName {
  return { kind: NodeKind.processingInstruction, key: '-', ns: '', local, prefix: '' };
}

const MAX_SHARED_NAMES = 10_000;
/** Shared names by kind and namespace, then by lexical QName: found without building a key string. */
const sharedNames = { e: new Map<string, Map<string, NodeName>>(), a: new Map<string, Map<string, NodeName>>() };
let sharedNameCount = 0;

export class XmlTreeError extends Error {
  override name = 'XmlTreeError';
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/**
 * Builds the compact tree the compiled rules walk from a parser's events in document order: shared
 * names, merged adjacent text (CDATA included), one exactly sized child array per element. Fed by
 * saxes from text (`parseXmlTree`) or by a walk over a tree libxml2 has parsed already
 * (`xmlTreeFromLibxml`), so both give the same nodes.
 */
export class XmlTreeBuilder {
  private order = 0;
  readonly doc = new XNode(null, DOCUMENT_NAME, NO_CHILDREN, this.order++);
  private readonly ownNames = { e: new Map<string, Map<string, NodeName>>(), a: new Map<string, Map<string, NodeName>>() };
  // Indentation repeats the same few whitespace runs hundreds of thousands of times: keep one of each.
  private readonly blanks = new Map<string, string>();
  // Children of the open elements, innermost last: each element gets one exactly sized array when it closes.
  private readonly pending: XNode[] = [];
  private readonly attributes: XNode[] = [];
  private readonly firstPending: number[] = [];
  private current = this.doc;

  private nameOf(kind: 'e' | 'a', ns: string, qname: string, localName: string, prefix: string): NodeName {
    const name = sharedNames[kind].get(ns)?.get(qname) ?? this.ownNames[kind].get(ns)?.get(qname);
    if (name) return name;
    const created: NodeName = { kind: kind === 'e' ? NodeKind.element : NodeKind.attribute, key: `${kind}|${ns}|${localName}`, ns, local: localName, prefix };
    // Names stay shared between documents (rule dispatch remembers them) up to a bound.
    const table = sharedNameCount < MAX_SHARED_NAMES ? (sharedNameCount++, sharedNames[kind]) : this.ownNames[kind];
    let byQName = table.get(ns);
    if (!byQName) table.set(ns, (byQName = new Map()));
    byQName.set(qname, created);
    return created;
  }

  private shared(value: string): string {
    if (value.length > 64 || !isBlank(value)) return value;
    let kept = this.blanks.get(value);
    if (kept === undefined) this.blanks.set(value, (kept = value));
    return kept;
  }

  private adopt(node: XNode): void {
    if (this.current === this.doc) {
      if (this.doc.children === NO_CHILDREN) this.doc.children = [];
      this.doc.children.push(node);
    } else {
      this.pending.push(node);
    }
  }

  /** Opens an element; its attributes follow (`attribute`), then its content, then `close`. */
  open(ns: string, qname: string, localName: string, prefix: string): void {
    this.openNamed(this.nameOf('e', ns, qname, localName, prefix));
  }

  /** `open` with a name found before (`elementName`). */
  openNamed(name: NodeName): void {
    const element = new XNode(this.current, name, NO_CHILDREN, this.order++);
    this.adopt(element);
    this.firstPending.push(this.pending.length);
    this.current = element;
  }

  /** An attribute of the element just opened (namespace declarations are not attributes). */
  attribute(ns: string, qname: string, localName: string, prefix: string, value: string): void {
    this.attributeNamed(this.nameOf('a', ns, qname, localName, prefix), value);
  }

  /** `attribute` with a name found before (`attributeName`). */
  attributeNamed(name: NodeName, value: string): void {
    this.attributes.push(new XNode(this.current, name, value, this.order++));
  }

  /** The shared name of an element, for a source that meets the same name many times (see `openNamed`). */
  elementName(ns: string, qname: string, localName: string, prefix: string): NodeName {
    return this.nameOf('e', ns, qname, localName, prefix);
  }

  /** The shared name of an attribute (see `attributeNamed`). */
  attributeName(ns: string, qname: string, localName: string, prefix: string): NodeName {
    return this.nameOf('a', ns, qname, localName, prefix);
  }

  /** Ends the attributes of the element just opened. */
  endAttributes(): void {
    if (this.attributes.length) {
      this.current.attributes = this.attributes.slice();
      this.attributes.length = 0;
    }
  }

  close(): void {
    const first = this.firstPending.pop()!;
    const pending = this.pending;
    if (pending.length > first) {
      this.current.children = pending.slice(first);
      pending.length = first;
    }
    this.current = this.current.parent!;
  }

  text(value: string): void {
    if (this.current === this.doc) return; // whitespace outside the root element is not a node
    const pending = this.pending;
    const last = pending.length > this.firstPending[this.firstPending.length - 1]! ? pending[pending.length - 1]! : undefined;
    if (last && last.kind === NodeKind.text) {
      pending[pending.length - 1] = new XNode(this.current, TEXT_NAME, this.shared(last.value + value), last.order);
    } else {
      pending.push(new XNode(this.current, TEXT_NAME, this.shared(value), this.order++));
    }
  }

  comment(value: string): void {
    this.adopt(new XNode(this.current, COMMENT_NAME, value, this.order++));
  }

  processingInstruction(target: string, body: string): void {
    this.adopt(new XNode(this.current, unnamed(target), body, this.order++));
  }

  finish(): XNode {
    if (this.doc.children === NO_CHILDREN) this.doc.children = [];
    return this.doc;
  }
}

/**
 * Parses XML text into the compact tree the compiled rules walk. The text has passed the prolog
 * guard (no DOCTYPE), so no entity but the predefined ones can occur.
 */
export function parseXmlTree(text: string): XNode {
  const builder = new XmlTreeBuilder();
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagNS;
    builder.open(t.uri, t.name, t.local, t.prefix);
    for (const name in t.attributes) {
      const a = t.attributes[name]!;
      if (a.uri === XMLNS) continue;
      builder.attribute(a.uri, a.name, a.local, a.prefix, a.value);
    }
    builder.endAttributes();
  });
  parser.on('closetag', () => builder.close());
  parser.on('text', (value) => builder.text(value));
  parser.on('cdata', (value) => builder.text(value));
  parser.on('comment', (value) => builder.comment(value));
  parser.on('processinginstruction', (pi) => builder.processingInstruction(pi.target, pi.body));
  parser.on('doctype', () => {
    throw new XmlTreeError('DOCTYPE declarations are not accepted');
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new XmlTreeError(`not well-formed: ${(error as Error).message}`);
  }
  return builder.finish();
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
