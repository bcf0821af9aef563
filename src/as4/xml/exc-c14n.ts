import { ExclusiveCanonicalization } from 'xml-crypto';
import { isElement } from './dom.js';

/** In-scope namespace declarations of an element's ancestors (nearest first wins). */
function inheritedNamespaces(element: Element): Array<{ prefix: string; namespaceURI: string }> {
  const seen = new Map<string, string>();
  for (let n = element.parentNode; isElement(n); n = n.parentNode) {
    for (let i = 0; i < n.attributes.length; i++) {
      const a = n.attributes[i]!;
      if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
        const prefix = a.name === 'xmlns' ? '' : a.name.slice(6);
        if (!seen.has(prefix)) seen.set(prefix, a.value);
      }
    }
  }
  return [...seen].filter(([prefix, uri]) => prefix !== '' && uri !== '').map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * xml-crypto 6.3 orders namespace declarations with `localeCompare`, which puts `eb` before `S12`;
 * Exclusive C14N (RFC 3076 §4.2) orders them by code point, as Santuario/WSS4J (phase4, Oxalis) do,
 * so the digest of a phase4 `eb:Messaging` (which carries `S12:mustUnderstand`) would differ.
 * Attributes are ordered by (namespace URI, local name), also by code point.
 */
class SpecOrderExclusiveCanonicalization extends ExclusiveCanonicalization {
  override nsCompare(a: { prefix: string }, b: { prefix: string }): number {
    return byCodePoint(a.prefix, b.prefix);
  }

  override attrCompare(a: Attr, b: Attr): 1 | 0 | -1 {
    const byNs = byCodePoint(a.namespaceURI ?? '', b.namespaceURI ?? '');
    return (byNs !== 0 ? byNs : byCodePoint(a.localName, b.localName)) as 1 | 0 | -1;
  }

  /**
   * xml-crypto renders a processing instruction as its data text (so `a<?x b?>` canonicalises like
   * `ab`: a changed signed byte would still verify) and fails on one without data or on an empty
   * CDATA section. C14N 1.0 §2.3: a PI is `<?target data?>`; a CDATA section is its text.
   */
  override processInner(node: Node, ...rest: unknown[]): string {
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE) {
      const pi = node as ProcessingInstruction;
      return pi.data ? `<?${pi.target} ${pi.data}?>` : `<?${pi.target}?>`;
    }
    if ((node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) && !(node as CharacterData).data) return '';
    return (super.processInner as (node: Node, ...rest: unknown[]) => string)(node, ...rest);
  }
}

/**
 * Exclusive XML canonicalization (without comments) of an element in its document context,
 * honouring an InclusiveNamespaces PrefixList. The library declares the inclusive namespaces on the
 * element it is given; those added declarations are removed again, leaving the document unchanged.
 */
export function canonicalizeExclusive(element: Element, inclusivePrefixes: readonly string[] = []): string {
  const added = inclusivePrefixes.filter((prefix) => !element.hasAttribute(`xmlns:${prefix}`));
  try {
    return new SpecOrderExclusiveCanonicalization().process(element, {
      inclusiveNamespacesPrefixList: [...inclusivePrefixes],
      ancestorNamespaces: inheritedNamespaces(element),
    });
  } finally {
    for (const prefix of added) {
      if (element.hasAttribute(`xmlns:${prefix}`)) element.removeAttribute(`xmlns:${prefix}`);
    }
  }
}

export function parsePrefixList(value: string | null | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((p) => p.length > 0);
}
