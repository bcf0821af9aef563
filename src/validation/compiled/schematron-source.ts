import { DOMParser } from '@xmldom/xmldom';
import { UnsupportedXPathError } from './xpath-ast.js';

const SCH = 'http://purl.oclc.org/dsdl/schematron';
const XSL = 'http://www.w3.org/1999/XSL/Transform';

/** The parts of an ISO schematron schema (as OpenPeppol writes them) the compiler turns into code. */
export interface SchSchema {
  title: string;
  namespaces: Record<string, string>;
  /** `xsl:function` elements, compiled like the XSLT would run them. */
  functions: Element[];
  keys: Array<{ name: string; match: string; use: string }>;
  /** Schema- and pattern-level `let`s: global variables evaluated on the document node. */
  globals: Let[];
  patterns: SchPattern[];
}

export interface Let {
  name: string;
  value: string;
}

interface SchPattern {
  id: string;
  rules: SchRule[];
}

interface SchRule {
  context: string;
  lets: Let[];
  checks: SchCheck[];
}

export type MessagePart = { text: string } | { select: string } | { name: string | undefined };

export interface SchCheck {
  kind: 'assert' | 'report';
  id: string;
  flag: string | undefined;
  test: string;
  message: MessagePart[];
}

/** The file is not a schematron schema at all (unlike a schema using constructs the compiler lacks). */
export class SchematronSourceError extends Error {
  override name = 'SchematronSourceError';
}

function elements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function schemaElements(parent: Element, name: string): Element[] {
  return elements(parent).filter((e) => e.namespaceURI === SCH && e.localName === name);
}

function required(e: Element, attribute: string): string {
  if (!e.hasAttribute(attribute)) throw new UnsupportedXPathError(`<${e.localName}> without @${attribute}`);
  return e.getAttribute(attribute)!;
}

function readLet(e: Element): Let {
  if (!e.hasAttribute('value')) throw new UnsupportedXPathError(`<let name="${e.getAttribute('name')}"> without @value`);
  return { name: required(e, 'name'), value: e.getAttribute('value')! };
}

/** Reads a schematron file; constructs the compiler does not handle are refused by name. */
export function readSchematron(text: string): SchSchema {
  const errors: string[] = [];
  const collect = (message: string) => errors.push(message);
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: collect, fatalError: collect } }).parseFromString(text, 'text/xml');
  const schema = doc.documentElement;
  if (errors.length || !schema || schema.namespaceURI !== SCH || schema.localName !== 'schema') {
    throw new SchematronSourceError(`not an ISO schematron schema${errors.length ? `: ${errors[0]!.trim().split('\n')[0]}` : ''}`);
  }
  const binding = (schema.getAttribute('queryBinding') ?? 'xslt').toLowerCase();
  if (!['xslt2', 'xslt3', 'xpath2', 'xpath3', 'xpath31'].includes(binding)) {
    throw new UnsupportedXPathError(`query binding "${binding}" is not supported (XPath 2.0 or later only)`);
  }
  for (const e of elements(schema)) {
    const known = e.namespaceURI === SCH ? ['title', 'ns', 'let', 'pattern', 'phase', 'p', 'diagnostics'] : e.namespaceURI === XSL ? ['function', 'key'] : [];
    if (!known.includes(e.localName ?? '')) throw new UnsupportedXPathError(`<${e.tagName}> at schema level is not supported`);
  }
  const namespaces: Record<string, string> = {};
  for (const ns of schemaElements(schema, 'ns')) namespaces[required(ns, 'prefix')] = required(ns, 'uri');
  const xsl = (name: string) => elements(schema).filter((e) => e.namespaceURI === XSL && e.localName === name);
  const globals = schemaElements(schema, 'let').map(readLet);
  const active = activePatterns(schema);
  const patterns: SchPattern[] = [];
  schemaElements(schema, 'pattern').forEach((p, index) => {
    if (p.getAttribute('abstract') === 'true' || p.hasAttribute('is-a')) throw new UnsupportedXPathError('abstract patterns are not supported');
    const id = p.getAttribute('id') || `pattern-${index + 1}`;
    if (active && !active.has(p.getAttribute('id') ?? '')) return;
    globals.push(...schemaElements(p, 'let').map(readLet));
    patterns.push({ id, rules: schemaElements(p, 'rule').map(readRule) });
  });
  return {
    title: schemaElements(schema, 'title')[0]?.textContent?.trim() ?? '',
    namespaces,
    functions: xsl('function'),
    keys: xsl('key').map((k) => ({ name: required(k, 'name'), match: required(k, 'match'), use: required(k, 'use') })),
    globals,
    patterns,
  };
}

/** Patterns of the default phase, or undefined when every pattern is active. */
function activePatterns(schema: Element): Set<string> | undefined {
  const phase = schema.getAttribute('defaultPhase');
  if (!phase || phase === '#ALL') return undefined;
  const chosen = schemaElements(schema, 'phase').find((p) => p.getAttribute('id') === phase);
  if (!chosen) throw new UnsupportedXPathError(`default phase "${phase}" is not defined`);
  if (schemaElements(chosen, 'let').length) throw new UnsupportedXPathError('phase variables are not supported');
  return new Set(schemaElements(chosen, 'active').map((a) => required(a, 'pattern')));
}

function readRule(rule: Element): SchRule {
  if (rule.getAttribute('abstract') === 'true') throw new UnsupportedXPathError('abstract rules are not supported');
  const lets: Let[] = [];
  const checks: SchCheck[] = [];
  for (const e of elements(rule)) {
    if (e.namespaceURI !== SCH) throw new UnsupportedXPathError(`<${e.tagName}> inside a rule is not supported`);
    if (e.localName === 'let') lets.push(readLet(e));
    else if (e.localName === 'assert' || e.localName === 'report') {
      checks.push({
        kind: e.localName,
        id: e.getAttribute('id') ?? '',
        flag: e.hasAttribute('flag') ? e.getAttribute('flag')! : undefined,
        test: required(e, 'test'),
        message: messageParts(e),
      });
    } else if (e.localName !== 'p' && e.localName !== 'title') {
      throw new UnsupportedXPathError(`<${e.localName}> inside a rule is not supported`);
    }
  }
  return { context: required(rule, 'context'), lets, checks };
}

function messageParts(check: Element): MessagePart[] {
  const parts: MessagePart[] = [];
  for (let n = check.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) parts.push({ text: n.nodeValue ?? '' });
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.namespaceURI === SCH && e.localName === 'value-of') parts.push({ select: required(e, 'select') });
      else if (e.namespaceURI === SCH && e.localName === 'name') parts.push({ name: e.getAttribute('path') ?? undefined });
      else if (e.namespaceURI === SCH && (e.localName === 'emph' || e.localName === 'dir' || e.localName === 'span')) parts.push({ text: e.textContent ?? '' });
      else throw new UnsupportedXPathError(`<${e.tagName}> in an assertion message is not supported`);
    }
  }
  return parts;
}
