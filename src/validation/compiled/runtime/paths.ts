import { NodeKind, XNode } from '../xml-tree.js';
import { XPathError, isNumeric, ebv, toPosition, type Item } from './values.js';

export type NodeTest = (node: XNode) => boolean;
export type Axis = (node: XNode, out: XNode[]) => void;
/** A predicate: the focus is (node, position, size); it returns its value as a sequence. */
export type Predicate = (node: Item, position: number, size: number) => Item[] | boolean;

function contextNode(item: Item): XNode {
  if (!(item instanceof XNode)) throw new XPathError('XPTY0019', 'a path step needs a node as its context');
  return item;
}

/** Child elements with this expanded name, for a whole input sequence (kept in document order). */
export function childElements(inputs: readonly Item[], ns: string, local: string): XNode[] {
  const out: XNode[] = [];
  for (const input of inputs) {
    const kids = contextNode(input).children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.local === local && k.kind === NodeKind.element && k.ns === ns) out.push(k);
    }
  }
  return out;
}

export function childrenMatching(inputs: readonly Item[], test: NodeTest): XNode[] {
  const out: XNode[] = [];
  for (const input of inputs) {
    const kids = contextNode(input).children;
    for (let i = 0; i < kids.length; i++) if (test(kids[i]!)) out.push(kids[i]!);
  }
  return out;
}

export function attributeNamed(inputs: readonly Item[], ns: string, local: string): XNode[] {
  const out: XNode[] = [];
  for (const input of inputs) {
    const attrs = contextNode(input).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (a.local === local && a.ns === ns) out.push(a);
    }
  }
  return out;
}

export const axes: Record<string, Axis> = {
  child: (n, out) => {
    for (const k of n.children) out.push(k);
  },
  attribute: (n, out) => {
    for (const a of n.attributes) out.push(a);
  },
  self: (n, out) => {
    out.push(n);
  },
  parent: (n, out) => {
    if (n.parent) out.push(n.parent);
  },
  ancestor: (n, out) => {
    for (let p = n.parent; p; p = p.parent) out.push(p);
  },
  'ancestor-or-self': (n, out) => {
    for (let p: XNode | null = n; p; p = p.parent) out.push(p);
  },
  descendant: (n, out) => descend(n, out),
  'descendant-or-self': (n, out) => {
    out.push(n);
    descend(n, out);
  },
  'following-sibling': (n, out) => {
    if (!n.parent || n.kind === NodeKind.attribute) return;
    const sibs = n.parent.children;
    for (let i = sibs.indexOf(n) + 1; i < sibs.length; i++) out.push(sibs[i]!);
  },
  'preceding-sibling': (n, out) => {
    if (!n.parent || n.kind === NodeKind.attribute) return;
    const sibs = n.parent.children;
    for (let i = sibs.indexOf(n) - 1; i >= 0; i--) out.push(sibs[i]!);
  },
};

function descend(n: XNode, out: XNode[]): void {
  for (const k of n.children) {
    out.push(k);
    if (k.children.length) descend(k, out);
  }
}

/** Descendant elements (or all descendants) passing a test, in document order. */
export function descendants(inputs: readonly Item[], test: NodeTest, orSelf: boolean): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const k of n.children) {
      if (test(k)) out.push(k);
      if (k.children.length) walk(k);
    }
  };
  for (const input of inputs) {
    const n = contextNode(input);
    if (orSelf && test(n)) out.push(n);
    walk(n);
  }
  return inputs.length > 1 ? documentOrder(out) : out;
}

/** One axis step with its node test and predicates, from every input node; result in document order. */
export function step(inputs: readonly Item[], axis: Axis, test: NodeTest, predicates: readonly Predicate[], forward: boolean): XNode[] {
  const out: XNode[] = [];
  const found: XNode[] = [];
  for (const input of inputs) {
    found.length = 0;
    axis(contextNode(input), found);
    let selected = found.filter(test);
    for (const predicate of predicates) selected = filter(selected, predicate) as XNode[];
    for (const n of selected) out.push(n);
  }
  return forward && inputs.length <= 1 ? out : documentOrder(out);
}

/** Applies one predicate to a sequence: a numeric value selects by position, otherwise its EBV. */
export function filter(items: readonly Item[], predicate: Predicate): Item[] {
  const out: Item[] = [];
  const size = items.length;
  for (let i = 0; i < size; i++) {
    const value = predicate(items[i]!, i + 1, size);
    if (value === true || (value !== false && keeps(value, i + 1))) out.push(items[i]!);
  }
  return out;
}

function keeps(value: Item[], position: number): boolean {
  if (value.length === 1 && isNumeric(value[0])) return toPosition(value[0]) === position;
  return ebv(value);
}

/** Sorts nodes into document order without duplicates (atomic values are left as they are). */
export function documentOrder(items: readonly Item[]): XNode[] {
  const nodes = items as XNode[];
  if (nodes.length < 2) return nodes.slice();
  for (const n of nodes) if (!(n instanceof XNode)) throw new XPathError('XPTY0018', 'a path ends in a mix of nodes and atomic values');
  const sorted = nodes.slice().sort((a, b) => a.order - b.order);
  const out: XNode[] = [sorted[0]!];
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

/** The document node a path starting with `/` begins at. */
export function rootOf(context: Item | undefined): XNode {
  if (!(context instanceof XNode)) throw new XPathError('XPDY0050', 'a path starting with "/" needs a node as context');
  const r = context.root;
  if (r.kind !== NodeKind.document) throw new XPathError('XPDY0050', 'the context node is not in a document');
  return r;
}
