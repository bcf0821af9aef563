import { Decimal } from 'decimal.js';
import { NodeKind, type XNode } from '../xml-tree.js';
import { castAs, toDecimal, toDouble } from './casts.js';
import { Untyped, XDecimal, XPathError, atom, isNumeric, typeName, type Atomic, type Item } from './values.js';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type ArithOp = '+' | '-' | '*' | 'div' | 'idiv' | 'mod';

/** Decimal division keeps 18 fractional digits, like Saxon. */
const DIVIDE_SCALE = 18;

function holds(op: CompareOp, c: number): boolean {
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'le':
      return c <= 0;
    case 'gt':
      return c > 0;
    case 'ge':
      return c >= 0;
  }
}

function compareNumbers(op: CompareOp, a: number | bigint | Decimal, b: number | bigint | Decimal): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return holds(op, a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toDouble(a);
    const y = toDouble(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return op === 'ne';
    return holds(op, x < y ? -1 : x > y ? 1 : 0);
  }
  return holds(op, toDecimal(a).cmp(toDecimal(b)));
}

function compareStrings(op: CompareOp, a: string, b: string): boolean {
  // Codepoint collation; UTF-16 order differs only across surrogate pairs and BMP chars above them.
  return holds(op, a < b ? -1 : a > b ? 1 : 0);
}

/** Value comparison of two atomic values after the untyped conversions already applied. */
export function compareAtomic(op: CompareOp, a: Atomic, b: Atomic): boolean {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(op, a, b);
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(op, a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return holds(op, Number(a) - Number(b));
  throw new XPathError('XPTY0004', `cannot compare ${typeName(a)} with ${typeName(b)}`);
}

/** One pair of a general comparison: untyped operands take the other's type (XPath 2.0 §3.5.2). */
function comparePair(op: CompareOp, a: Atomic, b: Atomic): boolean {
  const ua = a instanceof Untyped;
  const ub = b instanceof Untyped;
  if (ua || ub) {
    if (ua && ub) return compareStrings(op, (a as Untyped).s, (b as Untyped).s);
    if (ua) a = untypedAs(a as Untyped, b);
    else b = untypedAs(b as Untyped, a);
  }
  return compareAtomic(op, a, b);
}

function untypedAs(u: Untyped, other: Atomic): Atomic {
  if (isNumeric(other)) return toDouble(u);
  if (typeof other === 'boolean') return castAs(u, 'boolean');
  return u.s;
}

/** General comparison (`=`, `!=`, `<`, …): true when any pair of atomized items compares true. */
export function generalCompare(op: CompareOp, left: readonly Item[], right: readonly Item[]): boolean {
  if (left.length === 0 || right.length === 0) return false;
  if (left.length === 1 && right.length === 1) return comparePair(op, atom(left[0]!), atom(right[0]!));
  const rightAtoms = right.map(atom);
  for (const l of left) {
    const a = atom(l);
    for (const b of rightAtoms) if (comparePair(op, a, b)) return true;
  }
  return false;
}

/**
 * Nodes compared with one string (`@schemeID = '0088'`): each node's untyped value compares as a
 * string, exactly as the general comparison would, without building sequences.
 */
export function nodesCompareString(op: CompareOp, nodes: readonly XNode[], s: string, swapped: boolean): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const v = n.kind === NodeKind.comment || n.kind === NodeKind.processingInstruction ? n.value : n.stringValue();
    if (swapped ? compareStrings(op, s, v) : compareStrings(op, v, s)) return true;
  }
  return false;
}

/** `S = x` where S is a fixed list of strings (a code list): a set lookup with the same outcome. */
export function inStringSet(set: ReadonlySet<string>, items: readonly Item[]): boolean {
  for (const item of items) {
    const a = atom(item);
    if (typeof a === 'string') {
      if (set.has(a)) return true;
    } else if (a instanceof Untyped) {
      if (set.has(a.s)) return true;
    } else if (set.size > 0) {
      throw new XPathError('XPTY0004', `cannot compare xs:string with ${typeName(a)}`);
    }
  }
  return false;
}

/** Value comparison (`eq`, `lt`, …): untyped operands compare as strings; empty gives empty. */
export function valueCompare(op: CompareOp, left: readonly Item[], right: readonly Item[]): boolean[] {
  if (left.length === 0 || right.length === 0) return [];
  if (left.length > 1 || right.length > 1) throw new XPathError('XPTY0004', 'value comparison of a sequence of more than one item');
  let a = atom(left[0]!);
  let b = atom(right[0]!);
  if (a instanceof Untyped) a = a.s;
  if (b instanceof Untyped) b = b.s;
  return [compareAtomic(op, a, b)];
}

function numericOperand(a: Atomic): number | bigint | Decimal {
  if (a instanceof Untyped) return toDouble(a);
  if (isNumeric(a)) return a;
  throw new XPathError('XPTY0004', `arithmetic on ${typeName(a)}`);
}

function divisionByZero(): XPathError {
  return new XPathError('FOAR0001', 'division by zero');
}

/** Arithmetic on single atomic values with the numeric promotions of XPath 2.0. */
export function arithmetic(op: ArithOp, left: Atomic, right: Atomic): number | bigint | Decimal {
  const a = numericOperand(left);
  const b = numericOperand(right);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toDouble(a);
    const y = toDouble(b);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case 'div':
        return x / y;
      case 'mod':
        return x % y;
      case 'idiv':
        if (y === 0) throw divisionByZero();
        if (!Number.isFinite(x) || Number.isNaN(y)) throw new XPathError('FOAR0002', 'integer division of a non-finite value');
        return BigInt(Math.trunc(x / y));
    }
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case 'idiv':
        if (b === 0n) throw divisionByZero();
        return a / b;
      case 'mod':
        if (b === 0n) throw divisionByZero();
        return a % b;
      case 'div':
        break;
    }
  }
  const x = toDecimal(a);
  const y = toDecimal(b);
  switch (op) {
    case '+':
      return x.plus(y);
    case '-':
      return x.minus(y);
    case '*':
      return x.times(y);
    case 'div': {
      if (y.isZero()) throw divisionByZero();
      const scale = Math.max(DIVIDE_SCALE, x.decimalPlaces(), y.decimalPlaces());
      return x.div(y).toDecimalPlaces(scale, Decimal.ROUND_HALF_DOWN);
    }
    case 'idiv':
      if (y.isZero()) throw divisionByZero();
      return BigInt(x.div(y).trunc().toFixed());
    case 'mod':
      if (y.isZero()) throw divisionByZero();
      return x.mod(y);
  }
}

export function negate(a: Atomic): number | bigint | Decimal {
  const n = numericOperand(a);
  if (typeof n === 'number') return -n;
  if (typeof n === 'bigint') return -n;
  return n.neg();
}

/** `a to b`. */
export function range(from: bigint, to: bigint): bigint[] {
  const out: bigint[] = [];
  if (to - from > 10_000_000n) throw new XPathError('FOAR0002', 'range too large');
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

export { XDecimal };
