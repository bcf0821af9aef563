/** Small namespace-aware DOM helpers over @xmldom/xmldom nodes. */
const ELEMENT_NODE = 1;

export function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === ELEMENT_NODE;
}

export function childElements(parent: Element, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (!isElement(n)) continue;
    if (ns !== undefined && n.namespaceURI !== ns) continue;
    if (localName !== undefined && n.localName !== localName) continue;
    out.push(n);
  }
  return out;
}

/** At most one matching child: returns it or undefined; more than one is an error for the caller. */
export function optionalChild(parent: Element, ns: string, localName: string): Element | undefined {
  const found = childElements(parent, ns, localName);
  if (found.length > 1) throw new DomShapeError(`<${parent.localName}> has more than one <${localName}>`);
  return found[0];
}

export function requiredChild(parent: Element, ns: string, localName: string): Element {
  const found = optionalChild(parent, ns, localName);
  if (!found) throw new DomShapeError(`<${parent.localName}> lacks <${localName}>`);
  return found;
}

/** Descendants in document order, iteratively. */
export function descendants(root: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node !== root && node.namespaceURI === ns && node.localName === localName) out.push(node);
    const kids: Node[] = [];
    for (let c = node.firstChild; c !== null; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

export function text(element: Element): string {
  return (element.textContent ?? '').trim();
}

/** Attribute by namespace and local name; `ns === null` means an unqualified attribute. */
export function attribute(element: Element, ns: string | null, localName: string): string | undefined {
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes[i]!;
    if (a.localName === localName && (a.namespaceURI ?? null) === ns) return a.value;
  }
  return undefined;
}

/** Element shape did not match what the protocol requires; steps map it to an ebMS code. */
export class DomShapeError extends Error {
  override name = 'DomShapeError';
}
