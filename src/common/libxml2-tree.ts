import { XmlNodeSetStruct, xmlNodeGetContent } from 'libxml2-wasm/lib/libxml2.mjs';

/*
 * Reading a tree libxml2 (the WebAssembly build) has parsed, straight from the module's memory:
 * the library's node classes make a wrapper object per node and step, and its accessors copy every
 * text out through malloc and free. Both trees we build from libxml2's parses (the compiled rules'
 * tree, the DOM of untrusted XML) read it through this one view. Their tests hold each tree equal
 * to the one built by a second parser, on every official example and unit document.
 */

/** Node types (libxml2's xmlElementType) the walks meet. */
export const LibxmlNodeType = {
  element: 1,
  text: 3,
  cdata: 4,
  processingInstruction: 7,
  comment: 8,
} as const;

/** Byte offsets of the fields read, in libxml2's 32-bit xmlNode, xmlAttr and xmlNs. */
export const LibxmlField = {
  type: 4,
  name: 8,
  children: 12,
  last: 16,
  next: 24,
  prev: 28,
  ns: 36,
  content: 40,
  properties: 44,
  nsDef: 48,
  nsNext: 0,
  nsHref: 8,
  nsPrefix: 12,
} as const;

const utf8 = new TextDecoder();

/** The module's memory, viewed afresh after a call that may have grown it (growing detaches the old buffer). */
export class LibxmlMemory {
  private buffer!: ArrayBuffer;
  private i32!: Int32Array;
  private u8!: Uint8Array;

  /** `anyPointer`: any valid pointer into the module's memory (e.g. a node of the tree to read). */
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

  /** The 32-bit word at `address` (a pointer, or a node's type). */
  word(address: number): number {
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

  /** The string a field of the node at `node` points to. */
  field(node: number, offset: number): string {
    return this.string(this.word(node + offset));
  }

  /** An attribute's value: its one text child as it stands; anything else as libxml2 gives its content. */
  attributeValue(attribute: number): string {
    const child = this.word(attribute + LibxmlField.children);
    if (child === 0) return '';
    if (child === this.word(attribute + LibxmlField.last) && this.word(child + LibxmlField.type) === LibxmlNodeType.text) {
      return this.field(child, LibxmlField.content);
    }
    const value = xmlNodeGetContent(attribute);
    // That call allocated in the module's memory, which may have grown.
    this.refresh();
    return value;
  }

  /** The first node of the document that holds `root` (comments and processing instructions may precede it). */
  firstTopLevel(root: number): number {
    let first = root;
    while (this.word(first + LibxmlField.prev)) first = this.word(first + LibxmlField.prev);
    return first;
  }
}

/**
 * What a walk makes of each distinct name, made once per document: the parser interns names in its
 * dictionary and the nodes in one declaration's scope share its xmlNs, so a (namespace declaration,
 * name pointer) pair is one name.
 */
export class LibxmlNames<N> {
  private readonly byNamespace = new Map<number, Map<number, N>>();

  constructor(
    private readonly memory: LibxmlMemory,
    private readonly make: (uri: string, qname: string, local: string, prefix: string) => N,
  ) {}

  /** The name of the element or attribute at `node`. */
  of(node: number): N {
    const m = this.memory;
    const ns = m.word(node + LibxmlField.ns);
    const namePointer = m.word(node + LibxmlField.name);
    let byName = this.byNamespace.get(ns);
    if (!byName) this.byNamespace.set(ns, (byName = new Map()));
    let name = byName.get(namePointer);
    if (name === undefined) {
      const local = m.string(namePointer);
      const prefix = ns ? m.field(ns, LibxmlField.nsPrefix) : '';
      name = this.make(ns ? m.field(ns, LibxmlField.nsHref) : '', prefix ? `${prefix}:${local}` : local, local, prefix);
      byName.set(namePointer, name);
    }
    return name;
  }
}

/** The pointer to the libxml2 node behind a node object of the library. */
export function nodePointer(node: object): number {
  return (node as { _nodePtr: number })._nodePtr;
}
