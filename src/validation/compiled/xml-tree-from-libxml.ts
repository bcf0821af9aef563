import type { XmlDocument } from 'libxml2-wasm';
import { XmlNamedNodeStruct, xmlNodeGetContent, XmlNodeStruct, XmlNsStruct } from 'libxml2-wasm/lib/libxml2.mjs';
import { type XNode, XmlTreeBuilder } from './xml-tree.js';

/*
 * libxml2's tree is read through the library's own structure accessors, pointer by pointer: its
 * node classes would make a wrapper object per node, attribute list and step along the way, which
 * was a fifth of a T01 validation. `test/validation/xml-tree-sources.test.ts` holds the tree built
 * here equal to the one built from the text on every official example and unit document.
 */
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;

/**
 * The compact tree of a document libxml2 has parsed already (for the UBL schema), built without
 * parsing the text a second time. Undefined when the document holds a node the walk does not
 * carry over (a processing instruction, an entity reference): the caller then parses the text.
 */
export function xmlTreeFromLibxml(doc: XmlDocument): XNode | undefined {
  const builder = new XmlTreeBuilder();
  const root = (doc.root as unknown as { _nodePtr: number })._nodePtr;
  // Comments around the root element are children of the document node.
  let first = root;
  while (XmlNodeStruct.prev(first)) first = XmlNodeStruct.prev(first);
  for (let node = first; node; node = XmlNodeStruct.next(node)) {
    if (!visit(builder, node)) return undefined;
  }
  return builder.finish();
}

function visit(builder: XmlTreeBuilder, node: number): boolean {
  switch (XmlNodeStruct.type(node)) {
    case ELEMENT:
      return element(builder, node);
    case TEXT:
    case CDATA:
      builder.text(xmlNodeGetContent(node));
      return true;
    case COMMENT:
      builder.comment(xmlNodeGetContent(node));
      return true;
    default:
      return false;
  }
}

/** Namespace URI and prefix of an element or attribute ('' for none, as the node classes give them). */
function namespaceOf(node: number): { uri: string; prefix: string } {
  const ns = XmlNamedNodeStruct.namespace(node);
  return ns ? { uri: XmlNsStruct.href(ns) ?? '', prefix: XmlNsStruct.prefix(ns) ?? '' } : { uri: '', prefix: '' };
}

function element(builder: XmlTreeBuilder, e: number): boolean {
  const { uri, prefix } = namespaceOf(e);
  const local = XmlNodeStruct.name_(e) ?? '';
  builder.open(uri, prefix ? `${prefix}:${local}` : local, local, prefix);
  for (let a = XmlNodeStruct.properties(e); a; a = XmlNodeStruct.next(a)) {
    const attribute = namespaceOf(a);
    const name = XmlNodeStruct.name_(a) ?? '';
    builder.attribute(attribute.uri, attribute.prefix ? `${attribute.prefix}:${name}` : name, name, attribute.prefix, xmlNodeGetContent(a));
  }
  builder.endAttributes();
  for (let child = XmlNodeStruct.children(e); child; child = XmlNodeStruct.next(child)) {
    if (!visit(builder, child)) return false;
  }
  builder.close();
  return true;
}
