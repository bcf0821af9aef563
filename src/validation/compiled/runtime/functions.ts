import { Decimal } from 'decimal.js';
import { NodeKind, XNode } from '../xml-tree.js';
import { parseDouble, toDouble } from './casts.js';
import { arithmetic, compareAtomic } from './operators.js';
import { xpathRegex } from './regex.js';
import { Untyped, XPathError, atom, ebv, isNumeric, itemString, optional, stringOf, typeName, type Atomic, type Item } from './values.js';

/** The XPath 2.0 functions the official rules use, with the argument conversions of the spec. */

/** An `xs:string?` argument: atomized; untyped and string accepted; empty is ''. */
export function argString(seq: readonly Item[], fn: string): string {
  const item = optional(seq, fn);
  if (item === undefined) return '';
  if (item instanceof XNode) return item.stringValue();
  if (typeof item === 'string') return item;
  if (item instanceof Untyped) return item.s;
  throw new XPathError('XPTY0004', `${fn}: expected xs:string, got ${typeName(item)}`);
}

/** An `xs:double` argument (substring positions): untyped cast, numeric promoted. */
function argDouble(seq: readonly Item[], fn: string): number {
  const item = optional(seq, fn);
  if (item === undefined) throw new XPathError('XPTY0004', `${fn}: empty sequence where a number is required`);
  const a = atom(item);
  if (a instanceof Untyped || isNumeric(a)) return toDouble(a);
  throw new XPathError('XPTY0004', `${fn}: expected a number, got ${typeName(a)}`);
}

function hasSurrogates(s: string): boolean {
  return /[\uD800-\uDFFF]/.test(s);
}

function codepointLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function string(seq: readonly Item[]): string {
  const item = optional(seq, 'string()');
  return item === undefined ? '' : itemString(item);
}

export function stringLength(s: string): bigint {
  return BigInt(codepointLength(s));
}

export function normalizeSpace(s: string): string {
  return s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

export function number(seq: readonly Item[]): number {
  const item = optional(seq, 'number()');
  if (item === undefined) return NaN;
  const a = atom(item);
  if (typeof a === 'string' || a instanceof Untyped) return parseDouble(stringOf(a));
  if (typeof a === 'boolean') return a ? 1 : 0;
  return toDouble(a);
}

export function concat(...args: Item[][]): string {
  let out = '';
  for (const arg of args) {
    const item = optional(arg, 'concat()');
    if (item !== undefined) out += itemString(item);
  }
  return out;
}

export function substring(s: string, startSeq: readonly Item[], lengthSeq?: readonly Item[]): string {
  const start = Math.round(argDouble(startSeq, 'substring()'));
  const length = lengthSeq === undefined ? Infinity : Math.round(argDouble(lengthSeq, 'substring()'));
  if (Number.isNaN(start) || Number.isNaN(length)) return '';
  const end = start + length; // positions p with start <= p < end (1-based)
  if (Number.isNaN(end)) return '';
  if (!hasSurrogates(s)) {
    const from = Math.max(start, 1) - 1;
    if (end - 1 <= from) return '';
    return s.slice(from, Number.isFinite(end) ? end - 1 : undefined);
  }
  let out = '';
  let p = 1;
  for (const ch of s) {
    if (p >= start && p < end) out += ch;
    p++;
  }
  return out;
}

export function substringBefore(s: string, t: string): string {
  const at = s.indexOf(t);
  return at < 0 ? '' : s.slice(0, at);
}

export function substringAfter(s: string, t: string): string {
  if (t === '') return s;
  const at = s.indexOf(t);
  return at < 0 ? '' : s.slice(at + t.length);
}

export function translate(s: string, from: string, to: string): string {
  const fromChars = [...from];
  const toChars = [...to];
  const map = new Map<string, string>();
  fromChars.forEach((c, i) => {
    if (!map.has(c)) map.set(c, toChars[i] ?? '');
  });
  let out = '';
  for (const ch of s) {
    const m = map.get(ch);
    out += m === undefined ? ch : m;
  }
  return out;
}

export function matches(s: string, pattern: string, flags = ''): boolean {
  return xpathRegex(pattern, flags).test(s);
}

export function tokenize(s: string, pattern: string, flags = ''): string[] {
  if (s === '') return [];
  const regex = xpathRegex(pattern, flags);
  if (regex.test('')) throw new XPathError('FORX0003', `tokenize(): pattern ${JSON.stringify(pattern)} matches the empty string`);
  return s.split(new RegExp(regex.source, `${regex.flags}g`));
}

export function stringJoin(seq: readonly Item[], separator: string): string {
  return seq.map(itemString).join(separator);
}

export function stringToCodepoints(s: string): bigint[] {
  const out: bigint[] = [];
  for (const ch of s) out.push(BigInt(ch.codePointAt(0)!));
  return out;
}

export function codepointsToString(seq: readonly Item[]): string {
  return seq.map((x) => String.fromCodePoint(Number(x as bigint))).join('');
}

/** `sum()`: untyped items count as doubles; the empty sum is the integer 0. */
export function sum(seq: readonly Item[]): Atomic {
  if (seq.length === 0) return 0n;
  let total: Atomic | undefined;
  for (const item of seq) {
    let a = atom(item);
    if (a instanceof Untyped) a = toDouble(a);
    if (!isNumeric(a)) throw new XPathError('FORG0006', `sum(): ${typeName(a)} is not a number`);
    total = total === undefined ? a : arithmetic('+', total, a);
  }
  return total!;
}

function numericArg(seq: readonly Item[], fn: string): number | bigint | Decimal | undefined {
  const item = optional(seq, fn);
  if (item === undefined) return undefined;
  const a = atom(item);
  if (a instanceof Untyped) return toDouble(a);
  if (!isNumeric(a)) throw new XPathError('XPTY0004', `${fn}: ${typeName(a)} is not a number`);
  return a;
}

/** `round()`: half rounds towards positive infinity, the type is kept. */
export function round(seq: readonly Item[]): Atomic[] {
  const n = numericArg(seq, 'round()');
  if (n === undefined) return [];
  if (typeof n === 'bigint') return [n];
  if (typeof n === 'number') return [Number.isFinite(n) ? Math.floor(n + 0.5) : n];
  return [n.toDecimalPlaces(0, Decimal.ROUND_HALF_CEIL)];
}

export function floor(seq: readonly Item[]): Atomic[] {
  const n = numericArg(seq, 'floor()');
  if (n === undefined) return [];
  if (typeof n === 'bigint') return [n];
  return [typeof n === 'number' ? Math.floor(n) : n.floor()];
}

export function ceiling(seq: readonly Item[]): Atomic[] {
  const n = numericArg(seq, 'ceiling()');
  if (n === undefined) return [];
  if (typeof n === 'bigint') return [n];
  return [typeof n === 'number' ? Math.ceil(n) : n.ceil()];
}

export function abs(seq: readonly Item[]): Atomic[] {
  const n = numericArg(seq, 'abs()');
  if (n === undefined) return [];
  if (typeof n === 'bigint') return [n < 0n ? -n : n];
  return [typeof n === 'number' ? Math.abs(n) : n.abs()];
}

/** `min()`/`max()` over numbers or strings. */
export function extreme(seq: readonly Item[], wantMax: boolean): Atomic[] {
  let best: Atomic | undefined;
  for (const item of seq) {
    let a = atom(item);
    if (a instanceof Untyped) a = toDouble(a);
    if (typeof a === 'number' && Number.isNaN(a)) return [NaN];
    if (best === undefined || compareAtomic(wantMax ? 'gt' : 'lt', a, best)) best = a;
  }
  return best === undefined ? [] : [best];
}

export function avg(seq: readonly Item[]): Atomic[] {
  if (seq.length === 0) return [];
  return [arithmetic('div', sum(seq), BigInt(seq.length))];
}

export function distinctValues(seq: readonly Item[]): Atomic[] {
  const out: Atomic[] = [];
  const seen = new Set<string>();
  for (const item of seq) {
    let a = atom(item);
    if (a instanceof Untyped) a = a.s;
    const key = isNumeric(a) ? `n:${toDouble(a)}` : `${typeof a}:${stringOf(a)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

function nodeArg(seq: readonly Item[], fn: string): XNode | undefined {
  const item = optional(seq, fn);
  if (item === undefined) return undefined;
  if (!(item instanceof XNode)) throw new XPathError('XPTY0004', `${fn}: expected a node, got ${typeName(item)}`);
  return item;
}

function isNamed(node: XNode): boolean {
  return node.kind === NodeKind.element || node.kind === NodeKind.attribute || node.kind === NodeKind.processingInstruction;
}

export function localName(seq: readonly Item[]): string {
  const node = nodeArg(seq, 'local-name()');
  return node && isNamed(node) ? node.local : '';
}

export function name(seq: readonly Item[]): string {
  const node = nodeArg(seq, 'name()');
  return node && isNamed(node) ? node.qname : '';
}

export function namespaceUri(seq: readonly Item[]): string {
  const node = nodeArg(seq, 'namespace-uri()');
  return node && (node.kind === NodeKind.element || node.kind === NodeKind.attribute) ? node.ns : '';
}

export function root(seq: readonly Item[]): XNode[] {
  const node = nodeArg(seq, 'root()');
  return node ? [node.root] : [];
}

export function not(seq: readonly Item[]): boolean {
  return !ebv(seq);
}

export function cardinality(seq: Item[], min: number, max: number, fn: string): Item[] {
  if (seq.length < min || seq.length > max) throw new XPathError('FORG0003', `${fn}: wrong number of items (${seq.length})`);
  return seq;
}
