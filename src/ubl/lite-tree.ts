import { NS, type UblPrefix } from './namespaces.js';

/**
 * A minimal element tree for one small part of a streamed document (a catalogue header or one
 * line), built from SAX events so a big document never becomes a whole DOM.
 */
export interface LiteElement {
  namespace: string;
  localName: string;
  attributes: Record<string, string>;
  text: string;
  children: LiteElement[];
}

function step(raw: string): { namespace: string; localName: string } {
  const [prefix, localName] = raw.split(':');
  if (!localName || (prefix !== 'cac' && prefix !== 'cbc')) throw new Error(`bad UBL path step "${raw}"`);
  return { namespace: NS[prefix as UblPrefix], localName };
}

function childrenAt(from: LiteElement, raw: string): LiteElement[] {
  const { namespace, localName } = step(raw);
  return from.children.filter((child) => child.localName === localName && child.namespace === namespace);
}

export function liteFind(from: LiteElement | undefined, path: string): LiteElement | undefined {
  let current = from;
  for (const raw of path.split('/')) {
    if (!current) return undefined;
    current = childrenAt(current, raw)[0];
  }
  return current;
}

export function liteFindAll(from: LiteElement | undefined, path: string): LiteElement[] {
  const steps = path.split('/');
  const parent = steps.length > 1 ? liteFind(from, steps.slice(0, -1).join('/')) : from;
  return parent ? childrenAt(parent, steps[steps.length - 1]!) : [];
}

export function liteText(from: LiteElement | undefined, path?: string): string | undefined {
  const element = path === undefined ? from : liteFind(from, path);
  const value = element?.text.trim();
  return value ? value : undefined;
}

export function liteAttr(from: LiteElement | undefined, path: string, name: string): string | undefined {
  const value = liteFind(from, path)?.attributes[name]?.trim();
  return value ? value : undefined;
}
