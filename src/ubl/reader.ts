import { NS, type UblPrefix } from './namespaces.js';

/**
 * Small typed readers over a UBL DOM. A path is a `/`-separated list of `cac:`/`cbc:` steps, each
 * step selecting child elements by namespace and local name (no XPath engine needed for this).
 */
interface Step {
  namespace: string;
  localName: string;
}

const stepCache = new Map<string, Step[]>();

function parsePath(path: string): Step[] {
  let steps = stepCache.get(path);
  if (steps) return steps;
  steps = path.split('/').map((raw) => {
    const [prefix, localName] = raw.split(':');
    if (!localName || (prefix !== 'cac' && prefix !== 'cbc')) {
      throw new Error(`bad UBL path step "${raw}" in "${path}"`);
    }
    return { namespace: NS[prefix as UblPrefix], localName };
  });
  stepCache.set(path, steps);
  return steps;
}

function matches(node: Node, step: Step): node is Element {
  return (
    node.nodeType === 1 &&
    (node as Element).localName === step.localName &&
    (node as Element).namespaceURI === step.namespace
  );
}

function childElements(parent: Element, step: Step): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (matches(node, step)) found.push(node);
  }
  return found;
}

function firstChild(parent: Element, step: Step): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (matches(node, step)) return node;
  }
  return undefined;
}

/** The first element at `path` below `from` (first match at every step). */
export function find(from: Element, path: string): Element | undefined {
  let current: Element | undefined = from;
  for (const step of parsePath(path)) {
    if (!current) return undefined;
    current = firstChild(current, step);
  }
  return current;
}

/** Every element at `path`: first match on the leading steps, all matches on the last step. */
export function findAll(from: Element, path: string): Element[] {
  const steps = parsePath(path);
  let parent: Element | undefined = from;
  for (const step of steps.slice(0, -1)) {
    if (!parent) return [];
    parent = firstChild(parent, step);
  }
  return parent ? childElements(parent, steps[steps.length - 1]!) : [];
}

/** Trimmed text of an element; undefined when it is empty. */
export function textOf(element: Element | undefined): string | undefined {
  const value = element?.textContent?.trim();
  return value ? value : undefined;
}

/** Trimmed text at `path`; undefined when absent or empty. */
export function text(from: Element, path: string): string | undefined {
  return textOf(find(from, path));
}

/** Trimmed attribute of an element (no namespace); undefined when absent or empty. */
export function attributeOf(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

/** Trimmed attribute `name` of the element at `path`. */
export function attr(from: Element, path: string, name: string): string | undefined {
  return attributeOf(find(from, path), name);
}
