import { DOMImplementation } from '@xmldom/xmldom';
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
const TEXT_NODE = 3;
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
  return buildDocument(text, limits);
}

/**
 * One pass of a conforming XML 1.0 parser (saxes: strict where xmldom's own parser is lenient, e.g.
 * about a control character between attributes, text outside the root, the version in the
 * declaration or an unbound prefix) builds the namespace-aware DOM the rest of the code reads, and
 * enforces depth and element count as it goes: the first error ends the parse, so nothing is built
 * past a limit.
 */
function buildDocument(text: string, limits: XmlLimits): Document {
  const document = new DOMImplementation().createDocument(null, '', null) as unknown as Document;
  const open: Node[] = [document];
  let elements = 0;
  const parser = new SaxesParser({ xmlns: true });
  const parent = () => open[open.length - 1]!;
  parser.on('error', (error) => {
    throw new UnsafeXmlError('malformed', `XML is not well-formed: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    if (++elements > limits.maxElements) throw new UnsafeXmlError('too-many-elements', `XML document has more than ${limits.maxElements} elements`);
    if (open.length > limits.maxDepth) throw new UnsafeXmlError('too-deep', `XML nesting deeper than ${limits.maxDepth} levels`);
    const element = document.createElementNS(tag.uri || null, tag.name);
    // Namespace declarations are attributes in the xmlns namespace (saxes gives them that URI), as
    // the DOM keeps them: canonicalisation and prefix lookups read them.
    for (const name in tag.attributes) {
      const attribute = tag.attributes[name]!;
      element.setAttributeNS(attribute.uri || null, attribute.name, attribute.value);
    }
    parent().appendChild(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', (data) => {
    // Outside the root only whitespace can occur (anything else is an error): the DOM keeps none.
    if (open.length === 1) return;
    const last = parent().lastChild;
    if (last?.nodeType === TEXT_NODE) (last as Text).appendData(data);
    else parent().appendChild(document.createTextNode(data));
  });
  parser.on('cdata', (data) => void parent().appendChild(document.createCDATASection(data)));
  parser.on('comment', (data) => void parent().appendChild(document.createComment(data)));
  parser.on('processinginstruction', (pi) => void parent().appendChild(document.createProcessingInstruction(pi.target, pi.body)));
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof UnsafeXmlError) throw error;
    throw new UnsafeXmlError('malformed', `XML is not well-formed: ${(error as Error).message}`);
  }
  if (!document.documentElement) throw new UnsafeXmlError('malformed', 'XML document has no root element');
  return document;
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
