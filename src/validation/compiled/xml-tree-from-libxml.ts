import type { XmlDocument } from 'libxml2-wasm';
import { XmlNodeSetStruct, xmlNodeGetContent } from 'libxml2-wasm/lib/libxml2.mjs';
import { type NodeName, type XNode, XmlTreeBuilder } from './xml-tree.js';

/*
 * libxml2's tree is read straight from the module's memory, field by field: its node classes would
 * make a wrapper object per node, attribute list and step along the way (a fifth of a T01
 * validation), and its accessors copy every text out through malloc and free. Nothing here calls
 * into libxml2 but the fallback for an attribute whose value is not one text node.
 * `test/validation/xml-tree-sources.test.ts` holds the tree built here equal to the one built from
 * the text on every official example and unit document.
 */

/** Node types (libxml2's xmlElementType). */
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const COMMENT = 8;

/** Byte offsets of the fields read, in libxml2's 32-bit xmlNode, xmlAttr and xmlNs. */
const TYPE = 4;
const NAME = 8;
const CHILDREN = 12;
const LAST = 16;
const NEXT = 24;
const PREV = 28;
const NS = 36;
const CONTENT = 40;
const PROPERTIES = 44;
const NS_HREF = 8;
const NS_PREFIX = 12;

const utf8 = new TextDecoder();

/** The module's memory, viewed afresh whenever it has grown (growing detaches the old buffer). */
class Memory {
  private buffer!: ArrayBuffer;
  private i32!: Int32Array;
  private u8!: Uint8Array;

  constructor(private readonly anyPointer: number) {
    this.refresh();
  }

  refresh(): void {
    // The library exposes its memory only as a view in a node set's table; any valid pointer serves.
    const buffer = XmlNodeSetStruct.nodeTable(this.anyPointer, 0).buffer as ArrayBuffer;
    if (buffer === this.buffer) return;
    this.buffer = buffer;
    this.i32 = new Int32Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  pointer(address: number): number {
    return this.i32[address >>> 2]!;
  }

  /** The NUL-terminated UTF-8 string at `address` ('' for a null pointer). */
  string(address: number): string {
    if (address === 0) return '';
    const u8 = this.u8;
    const end = u8.indexOf(0, address);
    // Short ASCII (names, codes, amounts) without the decoder's call overhead.
    if (end - address <= 32) {
      let out = '';
      for (let i = address; i < end; i++) {
        const c = u8[i]!;
        if (c >= 0x80) return utf8.decode(u8.subarray(address, end));
        out += String.fromCharCode(c);
      }
      return out;
    }
    return utf8.decode(u8.subarray(address, end));
  }
}

/**
 * The compact tree of a document libxml2 has parsed already (for the UBL schema), built without
 * parsing the text a second time. Undefined when the document holds a node the walk does not
 * carry over (a processing instruction, an entity reference): the caller then parses the text.
 */
export function xmlTreeFromLibxml(doc: XmlDocument): XNode | undefined {
  const root = (doc.root as unknown as { _nodePtr: number })._nodePtr;
  return new LibxmlTreeWalk(root).build();
}

class LibxmlTreeWalk {
  private readonly builder = new XmlTreeBuilder();
  private readonly memory: Memory;
  /**
   * Names by namespace declaration and name pointer: the parser interns names in its dictionary and
   * elements in one declaration's scope share its xmlNs, so each distinct name is decoded once.
   */
  private readonly names = new Map<number, Map<number, NodeName>>();

  constructor(private readonly root: number) {
    this.memory = new Memory(root);
  }

  build(): XNode | undefined {
    const m = this.memory;
    // Comments around the root element are children of the document node.
    let first = this.root;
    while (m.pointer(first + PREV)) first = m.pointer(first + PREV);
    for (let node = first; node; node = m.pointer(node + NEXT)) {
      if (!this.visit(node)) return undefined;
    }
    return this.builder.finish();
  }

  private visit(node: number): boolean {
    const m = this.memory;
    switch (m.pointer(node + TYPE)) {
      case ELEMENT:
        return this.element(node);
      case TEXT:
      case CDATA:
        this.builder.text(m.string(m.pointer(node + CONTENT)));
        return true;
      case COMMENT:
        this.builder.comment(m.string(m.pointer(node + CONTENT)));
        return true;
      default:
        return false;
    }
  }

  private element(e: number): boolean {
    const m = this.memory;
    const builder = this.builder;
    builder.openNamed(this.nameOf(e, 'e'));
    for (let a = m.pointer(e + PROPERTIES); a; a = m.pointer(a + NEXT)) {
      builder.attributeNamed(this.nameOf(a, 'a'), this.attributeValue(a));
    }
    builder.endAttributes();
    for (let child = m.pointer(e + CHILDREN); child; child = m.pointer(child + NEXT)) {
      if (!this.visit(child)) return false;
    }
    builder.close();
    return true;
  }

  /** Element and attribute names never share a cache entry: their kinds differ (the attribute's pointer is offset by one). */
  private nameOf(node: number, kind: 'e' | 'a'): NodeName {
    const m = this.memory;
    const ns = m.pointer(node + NS);
    const namePointer = m.pointer(node + NAME);
    const key = kind === 'e' ? ns * 2 : ns * 2 + 1;
    let byName = this.names.get(key);
    if (!byName) this.names.set(key, (byName = new Map()));
    let name = byName.get(namePointer);
    if (!name) {
      const uri = ns ? m.string(m.pointer(ns + NS_HREF)) : '';
      const prefix = ns ? m.string(m.pointer(ns + NS_PREFIX)) : '';
      const local = m.string(namePointer);
      const qname = prefix ? `${prefix}:${local}` : local;
      name = kind === 'e' ? this.builder.elementName(uri, qname, local, prefix) : this.builder.attributeName(uri, qname, local, prefix);
      byName.set(namePointer, name);
    }
    return name;
  }

  /** An attribute's value: its one text child as it stands; anything else as libxml2 serialises its content. */
  private attributeValue(a: number): string {
    const m = this.memory;
    const child = m.pointer(a + CHILDREN);
    if (child === 0) return '';
    if (child === m.pointer(a + LAST) && m.pointer(child + TYPE) === TEXT) return m.string(m.pointer(child + CONTENT));
    const value = xmlNodeGetContent(a);
    // That call allocated in the module's memory, which may have grown.
    m.refresh();
    return value;
  }
}
