import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { NS, PREFIX } from '../protocol/namespaces.js';

/** Outgoing XML is built as a DOM and serialised: never by concatenating untrusted strings. */
export type Attrs = Record<string, string | undefined>;
export type Child = Element | string | undefined | null | false;

const PREFIX_TO_NS: Record<string, string> = Object.fromEntries(
  (Object.keys(PREFIX) as Array<keyof typeof PREFIX>).map((k) => [PREFIX[k], NS[k]]),
);
PREFIX_TO_NS['xml'] = NS.xml;

function namespaceOf(qname: string): string | null {
  const colon = qname.indexOf(':');
  if (colon < 0) return null;
  const ns = PREFIX_TO_NS[qname.slice(0, colon)];
  if (!ns) throw new Error(`unknown prefix in ${qname}`);
  return ns;
}

export class XmlBuilder {
  readonly doc: Document;

  constructor(rootQName: string, declarePrefixes: Array<keyof typeof PREFIX>) {
    this.doc = new DOMImplementation().createDocument(namespaceOf(rootQName), rootQName, null);
    for (const key of declarePrefixes) {
      this.doc.documentElement.setAttributeNS(NS.xmlns, `xmlns:${PREFIX[key]}`, NS[key]);
    }
  }

  get root(): Element {
    return this.doc.documentElement;
  }

  /** Element with prefixed name (namespace from the prefix), attributes and children. */
  el(qname: string, attrs: Attrs = {}, ...children: Child[]): Element {
    const element = this.doc.createElementNS(namespaceOf(qname), qname);
    setAttrs(element, attrs);
    for (const child of children) {
      if (child === undefined || child === null || child === false) continue;
      element.appendChild(typeof child === 'string' ? this.doc.createTextNode(child) : child);
    }
    return element;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

export function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    element.setAttributeNS(namespaceOf(name), name, value);
  }
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node, false, undefined, { requireWellFormed: true });
}
