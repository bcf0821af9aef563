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
      element.appendChild(typeof child === 'string' ? this.doc.createTextNode(xmlChars(child)) : child);
    }
    return element;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }
}

/** Characters XML 1.0 forbids (C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as XML can carry it: a character XML 1.0 forbids (which the serialiser would write as is,
 * making the document unreadable) becomes U+FFFD. Values copied from a received message, such as an
 * error's description or a MessageId, may hold them.
 */
export function xmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, '\ufffd');
}

export function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    element.setAttributeNS(namespaceOf(name), name, xmlChars(value));
  }
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node, false, undefined, { requireWellFormed: true });
}
