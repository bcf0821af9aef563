import { type XmlDocument, XmlCData, XmlComment, XmlElement, XmlText, type XmlTreeNode } from 'libxml2-wasm';
import { type XNode, XmlTreeBuilder } from './xml-tree.js';

/**
 * The compact tree of a document libxml2 has parsed already (for the UBL schema), built without
 * parsing the text a second time. Undefined when the document holds a node the walk does not
 * carry over (a processing instruction, an entity reference): the caller then parses the text.
 */
export function xmlTreeFromLibxml(doc: XmlDocument): XNode | undefined {
  const builder = new XmlTreeBuilder();
  const root = doc.root;
  // Comments around the root element are children of the document node.
  const before: XmlTreeNode[] = [];
  for (let n = root.prev; n; n = n.prev) before.unshift(n);
  const after: XmlTreeNode[] = [];
  for (let n = root.next; n; n = n.next) after.push(n);
  for (const node of [...before, root, ...after]) {
    if (!visit(builder, node)) return undefined;
  }
  return builder.finish();
}

function visit(builder: XmlTreeBuilder, node: XmlTreeNode): boolean {
  if (node instanceof XmlElement) return element(builder, node);
  if (node instanceof XmlText || node instanceof XmlCData) {
    builder.text(node.content);
    return true;
  }
  if (node instanceof XmlComment) {
    builder.comment(node.content);
    return true;
  }
  return false;
}

function element(builder: XmlTreeBuilder, e: XmlElement): boolean {
  const prefix = e.prefix;
  const local = e.name;
  builder.open(e.namespaceUri, prefix ? `${prefix}:${local}` : local, local, prefix);
  for (const a of e.attrs) {
    const ap = a.prefix;
    builder.attribute(a.namespaceUri, ap ? `${ap}:${a.name}` : a.name, a.name, ap, a.value);
  }
  builder.endAttributes();
  for (let child = e.firstChild; child; child = child.next) {
    if (!visit(builder, child)) return false;
  }
  builder.close();
  return true;
}
