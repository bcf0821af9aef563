import { DOMImplementation } from '@xmldom/xmldom';
import { ParseOption, XmlDocument, XmlParseError } from 'libxml2-wasm';
import { SaxesParser } from 'saxes';
import { LibxmlField as F, LibxmlMemory, LibxmlNames, LibxmlNodeType as T, nodePointer } from '../../common/libxml2-tree.js';

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
  return buildDocument(text, typeof input === 'string' ? undefined : input, byteLength, limits);
}

/** No network, no external entities; markup declarations never reach the parser (refused above). */
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;
const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/**
 * Up to this size libxml2 parses (the SOAP envelope, signals, SBDH, SMP answers: several times
 * faster); larger documents (an uncompressed XML attachment) stream through saxes, since the
 * module's memory never shrinks and one large tree would stay reserved for the life of the process.
 */
const LIBXML_MAX_BYTES = 1024 * 1024;

function buildDocument(text: string, bytes: Uint8Array | undefined, byteLength: number, limits: XmlLimits): Document {
  return byteLength <= LIBXML_MAX_BYTES ? domByLibxml(text, bytes, limits) : domBySaxes(text, limits);
}

/**
 * libxml2 (a conforming XML 1.0 parser, strict about what xmldom's own parser forgives: a control
 * character between attributes, text outside the root, the version in the declaration, an unbound
 * prefix) parses the text; the namespace-aware DOM the rest of the code reads is built from its
 * tree, read from the module's memory, while depth and element count are enforced: the first node
 * past a limit ends the walk. The parsed tree is freed before returning.
 */
export function domByLibxml(text: string, bytes: Uint8Array | undefined, limits: XmlLimits): Document {
  let parsed: XmlDocument;
  try {
    // Text is encoded here (natively): the library's own string path encodes character by character.
    parsed = XmlDocument.fromBuffer(bytes ?? Buffer.from(text, 'utf8'), { option: PARSE_OPTIONS });
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    const first = error.details[0]?.message.trim() ?? error.message;
    // libxml2's own nesting bound (256 levels) can be met before ours.
    if (/excessive depth/i.test(first)) throw new UnsafeXmlError('too-deep', `XML nesting deeper than ${limits.maxDepth} levels`);
    throw new UnsafeXmlError('malformed', `XML is not well-formed: ${first}`);
  }
  try {
    return new DomFromLibxml(nodePointer(parsed.root), limits).build();
  } finally {
    parsed.dispose();
  }
}

/** Builds the xmldom Document of a libxml2 tree (see common/libxml2-tree.ts), within the limits. */
class DomFromLibxml {
  private readonly memory: LibxmlMemory;
  private readonly document = new DOMImplementation().createDocument(null, '', null) as unknown as Document;
  private elements = 0;
  /** Namespace URI (null for none, as the DOM takes it) and qualified name, decoded once per distinct name. */
  private readonly names: LibxmlNames<{ uri: string | null; qname: string }>;

  constructor(
    private readonly root: number,
    private readonly limits: XmlLimits,
  ) {
    this.memory = new LibxmlMemory(root);
    this.names = new LibxmlNames(this.memory, (uri, qname) => ({ uri: uri || null, qname }));
  }

  build(): Document {
    const m = this.memory;
    // Comments and processing instructions around the root are children of the document node.
    for (let node = m.firstTopLevel(this.root); node; node = m.word(node + F.next)) this.append(this.document, node, 0);
    return this.document;
  }

  private append(parent: Node, node: number, depth: number): void {
    const m = this.memory;
    const document = this.document;
    switch (m.word(node + F.type)) {
      case T.element:
        parent.appendChild(this.element(node, depth + 1));
        return;
      case T.text: {
        // Outside the root only whitespace can occur (anything else is an error): the DOM keeps none.
        if (parent === document) return;
        const data = m.field(node, F.content);
        const last = parent.lastChild;
        if (last?.nodeType === TEXT_NODE) (last as Text).appendData(data);
        else parent.appendChild(document.createTextNode(data));
        return;
      }
      case T.cdata:
        parent.appendChild(document.createCDATASection(m.field(node, F.content)));
        return;
      case T.comment:
        parent.appendChild(document.createComment(m.field(node, F.content)));
        return;
      case T.processingInstruction:
        parent.appendChild(document.createProcessingInstruction(m.field(node, F.name), m.field(node, F.content)));
        return;
      default:
        // Without a DTD nothing else (an entity reference, a declaration) can be in the tree.
        throw new UnsafeXmlError('malformed', `XML holds a node of type ${m.word(node + F.type)}, which is not accepted`);
    }
  }

  private element(e: number, depth: number): Element {
    if (++this.elements > this.limits.maxElements) throw new UnsafeXmlError('too-many-elements', `XML document has more than ${this.limits.maxElements} elements`);
    if (depth > this.limits.maxDepth) throw new UnsafeXmlError('too-deep', `XML nesting deeper than ${this.limits.maxDepth} levels`);
    const m = this.memory;
    const name = this.names.of(e);
    const element = this.document.createElementNS(name.uri, name.qname);
    // Namespace declarations are attributes in the xmlns namespace, as the DOM keeps them:
    // canonicalisation and prefix lookups read them. libxml2 keeps them apart from the attributes,
    // so they come first (attribute order carries no meaning in XML).
    for (let d = m.word(e + F.nsDef); d; d = m.word(d + F.nsNext)) {
      const prefix = m.field(d, F.nsPrefix);
      element.setAttributeNS(XMLNS_URI, prefix ? `xmlns:${prefix}` : 'xmlns', m.field(d, F.nsHref));
    }
    for (let a = m.word(e + F.properties); a; a = m.word(a + F.next)) {
      const attributeName = this.names.of(a);
      element.setAttributeNS(attributeName.uri, attributeName.qname, m.attributeValue(a));
    }
    for (let child = m.word(e + F.children); child; child = m.word(child + F.next)) this.append(element, child, depth);
    return element;
  }
}

/**
 * The same DOM from one streaming pass of saxes (also a conforming XML 1.0 parser), for documents
 * too large for libxml2: depth and element count are enforced as it goes, so nothing is built past
 * a limit.
 */
export function domBySaxes(text: string, limits: XmlLimits): Document {
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
