import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

/** Bounds applied to every XML document we parse from the network. */
export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxElements: number;
}

export type XmlRejection = 'too-large' | 'doctype' | 'encoding' | 'malformed' | 'too-deep' | 'too-many-elements' | 'duplicate-id';

/** Why a document was refused; each pipeline step maps it to its own ebMS code. */
export class UnsafeXmlError extends Error {
  override name = 'UnsafeXmlError';
  constructor(
    readonly reason: XmlRejection,
    message: string,
  ) {
    super(message);
  }
}

const ELEMENT_NODE = 1;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Any markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`, `<!ATTLIST`, `<!NOTATION`) is refused
 * before the parser sees the text, so neither external entities nor entity expansion can happen.
 */
const MARKUP_DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const XML_DECLARATION_ENCODING = /^\s*<\?xml[^?]*\bencoding\s*=\s*["']([^"']+)["']/;

/** Decodes and parses untrusted XML with hard limits; returns a namespace-aware DOM Document. */
export function parseSafeXml(input: Uint8Array | string, limits: XmlLimits): Document {
  const byteLength = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (byteLength > limits.maxBytes) {
    throw new UnsafeXmlError('too-large', `XML document of ${byteLength} bytes exceeds the limit of ${limits.maxBytes} bytes`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = utf8.decode(input);
    } catch {
      throw new UnsafeXmlError('encoding', 'XML document is not valid UTF-8');
    }
  }
  const declared = XML_DECLARATION_ENCODING.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    throw new UnsafeXmlError('encoding', `XML encoding "${declared}" is not supported; only UTF-8 is accepted`);
  }
  if (MARKUP_DECLARATION.test(text)) {
    throw new UnsafeXmlError('doctype', 'XML with a DOCTYPE or entity/markup declaration is refused');
  }
  // Every element needs a '<'; counting them bounds the work before the parser builds a tree.
  let angleBrackets = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) angleBrackets++;
  if (angleBrackets > limits.maxElements * 2 + 16) {
    throw new UnsafeXmlError('too-many-elements', `XML document has more than ${limits.maxElements} elements`);
  }
  checkWellFormed(text);
  const fail = (message: string): never => {
    throw new UnsafeXmlError('malformed', `XML is not well-formed: ${message.replace(/^\[xmldom \w+\]\s*/, '')}`);
  };
  const document = new DOMParser({
    locator: {},
    // xmldom 0.8 reports unclosed and mismatched tags only as warnings: treat every report as fatal.
    errorHandler: { warning: fail, error: fail, fatalError: fail },
  }).parseFromString(text, 'text/xml');
  if (!document?.documentElement) throw new UnsafeXmlError('malformed', 'XML document has no root element');
  checkShape(document.documentElement, limits);
  return document;
}

/**
 * XML 1.0 well-formedness by a conforming parser, before the DOM parser (which is lenient: it reads a
 * control character between attributes as whitespace, keeps text outside the root, accepts any
 * version in the declaration and unbound attribute prefixes) builds the tree anything reads.
 */
function checkWellFormed(text: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let first: Error | undefined;
  parser.on('error', (error) => {
    first ??= error;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    first ??= error as Error;
  }
  if (first) throw new UnsafeXmlError('malformed', `XML is not well-formed: ${first.message}`);
}

/** Depth and element count, walked iteratively so a deep tree cannot exhaust the call stack. */
function checkShape(root: Element, limits: XmlLimits): void {
  let elements = 0;
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (++elements > limits.maxElements) {
      throw new UnsafeXmlError('too-many-elements', `XML document has more than ${limits.maxElements} elements`);
    }
    if ((node as Element).prefix && !(node as Element).namespaceURI) {
      throw new UnsafeXmlError('malformed', `XML is not well-formed: prefix of <${(node as Element).tagName}> is not bound`);
    }
    if (depth > limits.maxDepth) {
      throw new UnsafeXmlError('too-deep', `XML nesting deeper than ${limits.maxDepth} levels`);
    }
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
}

/**
 * Signature-wrapping defence: every `Id`/`ID`/`id`/`wsu:Id` value in the document must be unique,
 * so a reference can resolve to exactly one element. Returns the id → element map.
 */
export function indexUniqueIds(document: Document): Map<string, Element> {
  const ids = new Map<string, Element>();
  const stack: Node[] = [document.documentElement];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    for (let i = 0; i < element.attributes.length; i++) {
      const attr = element.attributes[i]!;
      if (attr.localName !== 'Id' && attr.localName !== 'ID' && attr.localName !== 'id') continue;
      if (ids.has(attr.value)) {
        throw new UnsafeXmlError('duplicate-id', `the id "${attr.value}" appears on more than one element`);
      }
      ids.set(attr.value, element);
    }
    for (let child = element.firstChild; child !== null; child = child.nextSibling) stack.push(child);
  }
  return ids;
}
