import { Decimal } from 'decimal.js';
import { NodeKind, XNode } from '../xml-tree.js';

/**
 * Values of the XPath 2.0 data model as the compiled rules hold them:
 * node → XNode, xs:string → string, xs:boolean → boolean, xs:double → number,
 * xs:integer → bigint, xs:decimal → XDecimal, xs:untypedAtomic → Untyped.
 * A sequence is an array of items.
 */
export type Atomic = string | boolean | number | bigint | Decimal | Untyped;
export type Item = XNode | Atomic;

/** Decimal arithmetic wide enough to stay exact on amounts and their products. */
export const XDecimal = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type XDecimal = Decimal;

export class Untyped {
  constructor(readonly s: string) {}
}

/** A dynamic error of the rules (XPath error code and text); it stops the run, as in XSLT. */
export class XPathError extends Error {
  override name = 'XPathError';
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export function isNode(x: unknown): x is XNode {
  return x instanceof XNode;
}

export function isNumeric(x: unknown): x is number | bigint | Decimal {
  return typeof x === 'number' || typeof x === 'bigint' || x instanceof Decimal;
}

export function typeName(x: Item): string {
  if (x instanceof XNode) return 'node()';
  if (typeof x === 'string') return 'xs:string';
  if (typeof x === 'boolean') return 'xs:boolean';
  if (typeof x === 'number') return 'xs:double';
  if (typeof x === 'bigint') return 'xs:integer';
  if (x instanceof Decimal) return 'xs:decimal';
  return 'xs:untypedAtomic';
}

/** Atomizes one item: nodes give their string value as xs:untypedAtomic (no schema types here). */
export function atom(x: Item): Atomic {
  if (x instanceof XNode) {
    if (x.kind === NodeKind.comment || x.kind === NodeKind.processingInstruction) return x.stringValue();
    return new Untyped(x.stringValue());
  }
  return x;
}

export function atomize(seq: readonly Item[]): Atomic[] {
  const out: Atomic[] = new Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = atom(seq[i]!);
  return out;
}

/** The string form of an atomic value (casting to xs:string). */
export function stringOf(a: Atomic): string {
  if (typeof a === 'string') return a;
  if (a instanceof Untyped) return a.s;
  if (typeof a === 'boolean') return a ? 'true' : 'false';
  if (typeof a === 'bigint') return a.toString();
  if (typeof a === 'number') return doubleToString(a);
  return decimalToString(a);
}

export function itemString(x: Item): string {
  return x instanceof XNode ? x.stringValue() : stringOf(x);
}

export function decimalToString(d: Decimal): string {
  if (d.isZero()) return '0';
  return d.toFixed();
}

/** xs:double canonical form: plain between 1e-6 and 1e6, scientific (`1.0E7`) outside. */
export function doubleToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'INF';
  if (n === -Infinity) return '-INF';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const abs = Math.abs(n);
  if (abs >= 1e-6 && abs < 1e6) return String(n);
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** Effective boolean value (XPath 2.0 §2.4.3). */
export function ebv(seq: readonly Item[]): boolean {
  if (seq.length === 0) return false;
  const first = seq[0]!;
  if (first instanceof XNode) return true;
  if (seq.length > 1) throw new XPathError('FORG0006', 'effective boolean value of a sequence of more than one atomic value');
  return ebvAtomic(first);
}

export function ebvItem(x: Item): boolean {
  return x instanceof XNode ? true : ebvAtomic(x);
}

function ebvAtomic(a: Atomic): boolean {
  if (typeof a === 'boolean') return a;
  if (typeof a === 'string') return a.length > 0;
  if (a instanceof Untyped) return a.s.length > 0;
  if (typeof a === 'number') return !(a === 0 || Number.isNaN(a));
  if (typeof a === 'bigint') return a !== 0n;
  return !a.isZero();
}

/** Exactly one item or nothing, else the type error XSLT raises. */
export function optional<T>(seq: readonly T[], what: string): T | undefined {
  if (seq.length > 1) throw new XPathError('XPTY0004', `${what}: a sequence of more than one item is not allowed`);
  return seq[0];
}

export function exactlyOne<T>(seq: readonly T[], what: string): T {
  if (seq.length !== 1) throw new XPathError('XPTY0004', `${what}: exactly one item expected, got ${seq.length}`);
  return seq[0]!;
}

/** A numeric predicate value as a position to compare with (a fraction never equals one). */
export function toPosition(x: unknown): number {
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'number') return x;
  return (x as Decimal).toNumber();
}
