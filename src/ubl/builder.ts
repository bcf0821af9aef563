import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { NS } from './namespaces.js';

/**
 * Builds UBL documents as a DOM: values are always set as text nodes or attribute values, so the
 * serialiser escapes them and no input can change the document structure.
 */
export interface UblDocument {
  document: Document;
  root: Element;
}

type Attributes = Record<string, string | undefined>;

/** A new UBL document whose root declares the default, `cac` and `cbc` namespaces. */
export function createUblDocument(rootLocalName: string, rootNamespace: string): UblDocument {
  const document = new DOMImplementation().createDocument(rootNamespace, rootLocalName, null) as unknown as Document;
  const root = document.documentElement;
  root.setAttributeNS(NS.xmlns, 'xmlns', rootNamespace);
  root.setAttributeNS(NS.xmlns, 'xmlns:cac', NS.cac);
  root.setAttributeNS(NS.xmlns, 'xmlns:cbc', NS.cbc);
  return { document, root };
}

function createElement(parent: Element, qualifiedName: string): Element {
  const [prefix] = qualifiedName.split(':');
  const namespace = prefix === 'cac' ? NS.cac : prefix === 'cbc' ? NS.cbc : undefined;
  if (!namespace) throw new Error(`element name must start with cac: or cbc:, got "${qualifiedName}"`);
  const element = parent.ownerDocument!.createElementNS(namespace, qualifiedName);
  parent.appendChild(element);
  return element;
}

/** Appends an aggregate (`cac:`) element and returns it for its children. */
export function appendAggregate(parent: Element, name: `cac:${string}`): Element {
  return createElement(parent, name);
}

/**
 * Appends a basic (`cbc:`) element with its text, unless the value is absent or blank: UBL forbids
 * empty elements (PEPPOL-COMMON-R001). Attributes with no value are left out.
 */
export function appendBasic(
  parent: Element,
  name: `cbc:${string}`,
  value: string | undefined | null,
  attributes: Attributes = {},
): Element | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  assertXmlText(name, value);
  const element = createElement(parent, name);
  for (const [key, attributeValue] of Object.entries(attributes)) {
    if (attributeValue === undefined || attributeValue.trim() === '') continue;
    assertXmlText(`${name}/@${key}`, attributeValue);
    element.setAttribute(key, attributeValue);
  }
  element.appendChild(parent.ownerDocument!.createTextNode(value));
  return element;
}

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Raised when a value cannot be written into XML. */
export class UblWriteError extends Error {
  override name = 'UblWriteError';
}

function assertXmlText(where: string, value: string): void {
  if (NOT_XML_CHAR.test(value)) throw new UblWriteError(`${where}: value contains a character XML cannot carry`);
}

/** Puts each child element on its own indented line (elements here never have mixed content). */
function indent(root: Element, unit: string): void {
  const document = root.ownerDocument!;
  const stack: Array<{ element: Element; depth: number }> = [{ element: root, depth: 0 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    const elementChildren: Element[] = [];
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) elementChildren.push(node as Element);
    }
    if (elementChildren.length === 0) continue;
    for (const child of elementChildren) {
      element.insertBefore(document.createTextNode(`\n${unit.repeat(depth + 1)}`), child);
      stack.push({ element: child, depth: depth + 1 });
    }
    element.appendChild(document.createTextNode(`\n${unit.repeat(depth)}`));
  }
}

/**
 * Serialises a node; a whole document gets a UTF-8 XML declaration and, unless told otherwise,
 * one element per line. Call it once per document: indenting changes the tree.
 */
export function serializeUbl(node: Document | Element, options: { indent?: boolean } = {}): string {
  if (node.nodeType === 9 && options.indent !== false) indent((node as Document).documentElement, '  ');
  const xml = new XMLSerializer().serializeToString(node as unknown as Node);
  return node.nodeType === 9 ? `<?xml version="1.0" encoding="UTF-8"?>\n${xml}` : xml;
}
