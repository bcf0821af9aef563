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

const INDENT = '  ';
/** Nesting depth of elements of indented documents (absent: the document is written compact). */
const depths = new WeakMap<Element, number>();

/**
 * A new UBL document whose root declares the default, `cac` and `cbc` namespaces. Indented
 * documents get their line breaks as elements are appended (appending is cheap in xmldom, inserting
 * before a sibling is not).
 */
export function createUblDocument(rootLocalName: string, rootNamespace: string, options: { indent?: boolean } = {}): UblDocument {
  const document = new DOMImplementation().createDocument(rootNamespace, rootLocalName, null) as unknown as Document;
  const root = document.documentElement;
  if (options.indent !== false) depths.set(root, 0);
  root.setAttributeNS(NS.xmlns, 'xmlns', rootNamespace);
  root.setAttributeNS(NS.xmlns, 'xmlns:cac', NS.cac);
  root.setAttributeNS(NS.xmlns, 'xmlns:cbc', NS.cbc);
  return { document, root };
}

function createElement(parent: Element, qualifiedName: string): Element {
  const [prefix] = qualifiedName.split(':');
  const namespace = prefix === 'cac' ? NS.cac : prefix === 'cbc' ? NS.cbc : undefined;
  if (!namespace) throw new Error(`element name must start with cac: or cbc:, got "${qualifiedName}"`);
  const document = parent.ownerDocument!;
  const element = document.createElementNS(namespace, qualifiedName);
  const depth = depths.get(parent);
  if (depth !== undefined) {
    parent.appendChild(document.createTextNode(`\n${INDENT.repeat(depth + 1)}`));
    depths.set(element, depth + 1);
  }
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

/** Puts the end tag of every element that has element children on its own line. */
function closeIndentation(root: Element): void {
  const document = root.ownerDocument!;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const depth = depths.get(element);
    if (depth === undefined || element.lastChild?.nodeType !== 1) continue;
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) stack.push(node as Element);
    }
    element.appendChild(document.createTextNode(`\n${INDENT.repeat(depth)}`));
  }
}

/**
 * Serialises a node; a whole document gets a UTF-8 XML declaration. Call it once per document when
 * it is indented: the end-tag line breaks are added to the tree here.
 */
export function serializeUbl(node: Document | Element): string {
  closeIndentation(node.nodeType === 9 ? (node as Document).documentElement : (node as Element));
  const xml = new XMLSerializer().serializeToString(node as unknown as Node);
  return node.nodeType === 9 ? `<?xml version="1.0" encoding="UTF-8"?>\n${xml}` : xml;
}
