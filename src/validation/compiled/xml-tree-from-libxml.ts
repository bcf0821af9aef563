import type { XmlDocument } from 'libxml2-wasm';
import { LibxmlField as F, LibxmlMemory, LibxmlNames, LibxmlNodeType as T, nodePointer } from '../../common/libxml2-tree.js';
import { type NodeName, type XNode, XmlTreeBuilder } from './xml-tree.js';

/*
 * Read from libxml2's memory (see common/libxml2-tree.ts): its node classes made a wrapper per node
 * and step, a fifth of a T01 validation. `test/validation/xml-tree-sources.test.ts` holds the tree
 * built here equal to the one built from the text on every official example and unit document.
 */

/**
 * The compact tree of a document libxml2 has parsed already (for the UBL schema), built without
 * parsing the text a second time. Undefined when the document holds a node the walk does not
 * carry over (a processing instruction, an entity reference): the caller then parses the text.
 */
export function xmlTreeFromLibxml(doc: XmlDocument): XNode | undefined {
  return new LibxmlTreeWalk(nodePointer(doc.root)).build();
}

class LibxmlTreeWalk {
  private readonly builder = new XmlTreeBuilder();
  private readonly memory: LibxmlMemory;
  /** Element and attribute names apart (their kinds differ), each decoded once per distinct name. */
  private readonly elementNames: LibxmlNames<NodeName>;
  private readonly attributeNames: LibxmlNames<NodeName>;

  constructor(private readonly root: number) {
    this.memory = new LibxmlMemory(root);
    this.elementNames = new LibxmlNames(this.memory, (uri, qname, local, prefix) => this.builder.elementName(uri, qname, local, prefix));
    this.attributeNames = new LibxmlNames(this.memory, (uri, qname, local, prefix) => this.builder.attributeName(uri, qname, local, prefix));
  }

  build(): XNode | undefined {
    const m = this.memory;
    for (let node = m.firstTopLevel(this.root); node; node = m.word(node + F.next)) {
      if (!this.visit(node)) return undefined;
    }
    return this.builder.finish();
  }

  private visit(node: number): boolean {
    const m = this.memory;
    switch (m.word(node + F.type)) {
      case T.element:
        return this.element(node);
      case T.text:
      case T.cdata:
        this.builder.text(m.field(node, F.content));
        return true;
      case T.comment:
        this.builder.comment(m.field(node, F.content));
        return true;
      default:
        return false;
    }
  }

  private element(e: number): boolean {
    const m = this.memory;
    const builder = this.builder;
    builder.openNamed(this.elementNames.of(e));
    for (let a = m.word(e + F.properties); a; a = m.word(a + F.next)) {
      builder.attributeNamed(this.attributeNames.of(a), m.attributeValue(a));
    }
    builder.endAttributes();
    for (let child = m.word(e + F.children); child; child = m.word(child + F.next)) {
      if (!this.visit(child)) return false;
    }
    builder.close();
    return true;
  }
}
