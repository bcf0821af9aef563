import { Decimal } from 'decimal.js';
import { DOCUMENT_NAME, NodeKind, TEXT_NAME, XNode } from '../xml-tree.js';
import { castable, castAs, toDouble, toInteger, type AtomicTypeName } from './casts.js';
import { arithmetic, negate, range, type ArithOp } from './operators.js';
import { documentOrder, filter, type NodeTest, type Predicate } from './paths.js';
import { Untyped, XPathError, atom, atomize, optional, stringOf, typeName, type Atomic, type Item } from './values.js';

/** Helpers the generated code calls besides the function library. */

export function noContext(): never {
  throw new XPathError('XPDY0002', 'the context item is undefined here');
}

/** Arithmetic on sequences: empty operands give the empty sequence. */
export function arith(op: ArithOp, left: readonly Item[], right: readonly Item[]): Atomic[] {
  const l = optional(left, `operator ${op}`);
  const r = optional(right, `operator ${op}`);
  if (l === undefined || r === undefined) return [];
  return [arithmetic(op, atom(l), atom(r))];
}

export function negateSeq(seq: readonly Item[]): Atomic[] {
  const x = optional(seq, 'unary minus');
  return x === undefined ? [] : [negate(atom(x))];
}

export function rangeSeq(from: readonly Item[], to: readonly Item[]): bigint[] {
  const a = optional(from, 'to');
  const b = optional(to, 'to');
  if (a === undefined || b === undefined) return [];
  return range(toInteger(integerOperand(atom(a))), toInteger(integerOperand(atom(b))));
}

function integerOperand(a: Atomic): Atomic {
  if (typeof a === 'bigint' || a instanceof Untyped) return a;
  throw new XPathError('XPTY0004', `range operand must be an integer, got ${typeName(a)}`);
}

export function castSeq(seq: readonly Item[], type: AtomicTypeName, allowEmpty: boolean): Atomic[] {
  const x = optional(seq, `cast as xs:${type}`);
  if (x === undefined) {
    if (allowEmpty) return [];
    throw new XPathError('XPTY0004', `cast of an empty sequence to xs:${type}`);
  }
  return [castAs(atom(x), type)];
}

export function castableSeq(seq: readonly Item[], type: AtomicTypeName, allowEmpty: boolean): boolean {
  if (seq.length === 0) return allowEmpty;
  if (seq.length > 1) return false;
  return castable(atom(seq[0]!), type);
}

export function compareDoubles(op: string, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    default:
      return a >= b;
  }
}

/** The result of a path whose last step is an expression: nodes in document order, or atomic values as they are. */
export function mapResult(items: Item[]): Item[] {
  let nodes = 0;
  for (const x of items) if (x instanceof XNode) nodes++;
  if (nodes === 0) return items;
  if (nodes === items.length) return documentOrder(items);
  throw new XPathError('XPTY0018', 'a path ends in a mix of nodes and atomic values');
}

export function someAncestor(node: XNode, test: (n: XNode) => boolean): boolean {
  for (let a = node.parent; a; a = a.parent) if (test(a)) return true;
  return false;
}

/** A pattern step predicate that needs a position: evaluated among the siblings the step selects. */
export function holdsAmongSiblings(node: XNode, axis: string, test: NodeTest, predicate: Predicate): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const candidates = (axis === 'attribute' ? parent.attributes : parent.children).filter(test);
  return filter(candidates, predicate).includes(node);
}

const keyIndexes = new WeakMap<XNode, Map<string, Map<string, XNode[]>>>();

/** `key(name, values)`: the index of the document is built on first use and kept with the document. */
export function keyLookup(doc: XNode, name: string, match: (n: XNode) => boolean, use: (n: XNode) => Item[], values: readonly Item[]): XNode[] {
  let perDoc = keyIndexes.get(doc);
  if (!perDoc) keyIndexes.set(doc, (perDoc = new Map()));
  let index = perDoc.get(name);
  if (!index) {
    const built = new Map<string, XNode[]>();
    const add = (n: XNode) => {
      if (!match(n)) return;
      for (const a of atomize(use(n))) {
        const k = stringOf(a);
        const list = built.get(k);
        if (list) list.push(n);
        else built.set(k, [n]);
      }
    };
    const stack: XNode[] = [doc];
    while (stack.length) {
      const n = stack.pop()!;
      add(n);
      for (const a of n.attributes) add(a);
      for (let i = n.children.length - 1; i >= 0; i--) if (n.children[i]!.kind === NodeKind.element) stack.push(n.children[i]!);
    }
    perDoc.set(name, (index = built));
  }
  const out: XNode[] = [];
  for (const v of atomize(values)) for (const n of index.get(stringOf(v)) ?? []) out.push(n);
  return documentOrder(out);
}

/** The location the official stylesheets report: `/*:Name[namespace-uri()='…'][n]/…` (schematron-get-full-path). */
export function location(node: XNode): string {
  if (node.kind === NodeKind.document) {
    const root = node.children.find((c) => c.kind === NodeKind.element);
    return root ? location(root) : '';
  }
  if (node.kind === NodeKind.attribute) {
    const own = node.ns === '' ? `@${node.qname}` : `@*[local-name()='${node.local}' and namespace-uri()='${node.ns}']`;
    return `${node.parent ? location(node.parent) : ''}/${own}`;
  }
  const parts: string[] = [];
  for (let n: XNode | null = node; n && n.kind === NodeKind.element; n = n.parent) {
    let index = 1;
    for (const sibling of n.parent!.children) {
      if (sibling === n) break;
      if (sibling.kind === NodeKind.element && sibling.local === n.local && sibling.ns === n.ns) index++;
    }
    parts.push(n.ns === '' ? `/${n.qname}[${index}]` : `/*:${n.local}[namespace-uri()='${n.ns}'][${index}]`);
  }
  return parts.reverse().join('');
}

/** `<value-of select>` in a message: atomized items joined by spaces. */
export function valueOfText(seq: readonly Item[]): string {
  return atomize(seq).map(stringOf).join(' ');
}

/** The temporary tree an `xsl:variable` with text content holds. */
export function textDocument(text: string): XNode {
  const doc = new XNode(null, DOCUMENT_NAME, [], 0);
  if (text) doc.children = [new XNode(doc, TEXT_NAME, text, 1)];
  return doc;
}

function checkOccurrence(n: number, occurrence: string, what: string): void {
  const ok = occurrence === '*' || (occurrence === '?' ? n <= 1 : occurrence === '+' ? n >= 1 : n === 1);
  if (!ok) throw new XPathError('XPTY0004', `${what}: ${n} items where the declared type allows ${occurrence || 'exactly one'}`);
}

/** Function conversion rules (XPath 2.0 §3.1.5) for an atomic declared type. */
export function convertArg(seq: readonly Item[], type: AtomicTypeName, occurrence: string, what: string): Atomic[] {
  const out = atomize(seq).map((a) => {
    if (a instanceof Untyped) return type === 'anyAtomicType' ? a : castAs(a, type);
    if (matchesType(a, type)) return a;
    if ((type === 'double' || type === 'float') && (typeof a === 'bigint' || a instanceof Decimal)) return toDouble(a);
    throw new XPathError('XPTY0004', `${what}: ${typeName(a)} is not an xs:${type}`);
  });
  checkOccurrence(out.length, occurrence, what);
  return out;
}

function matchesType(a: Atomic, type: AtomicTypeName): boolean {
  switch (type) {
    case 'anyAtomicType':
      return true;
    case 'string':
      return typeof a === 'string';
    case 'boolean':
      return typeof a === 'boolean';
    case 'integer':
      return typeof a === 'bigint';
    case 'decimal':
      return typeof a === 'bigint' || a instanceof Decimal;
    case 'double':
    case 'float':
      return typeof a === 'number';
    default:
      return false;
  }
}

export function convertNodes(seq: readonly Item[], type: string, occurrence: string, what: string): Item[] {
  if (type !== 'item()') {
    for (const x of seq) {
      const ok = x instanceof XNode && (type === 'node()' || (type === 'element()' && x.kind === NodeKind.element)
        || (type === 'attribute()' && x.kind === NodeKind.attribute) || (type === 'text()' && x.kind === NodeKind.text));
      if (!ok) throw new XPathError('XPTY0004', `${what}: item is not a ${type}`);
    }
  }
  checkOccurrence(seq.length, occurrence, what);
  return seq as Item[];
}
