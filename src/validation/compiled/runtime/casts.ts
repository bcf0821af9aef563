import { Decimal } from 'decimal.js';
import { Untyped, XDecimal, XPathError, stringOf, type Atomic } from './values.js';

/** Atomic types the rules cast to or test with `castable as`. */
export type AtomicTypeName = 'string' | 'untypedAtomic' | 'boolean' | 'integer' | 'decimal' | 'double' | 'float' | 'date' | 'anyAtomicType';

const DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(-?)(\d{4,})-(\d{2})-(\d{2})(Z|[+-](\d{2}):(\d{2}))?$/;

/** XML Schema whitespace collapsing before a cast from a string. */
function collapse(s: string): string {
  return s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
}

/** String to xs:double (NaN when not a double lexical form: the `number()` rule). */
export function parseDouble(s: string): number {
  const t = collapse(s);
  if (DOUBLE.test(t)) return Number(t);
  if (t === 'INF' || t === '+INF') return Infinity;
  if (t === '-INF') return -Infinity;
  return NaN;
}

function castFailure(a: Atomic, type: string): XPathError {
  return new XPathError('FORG0001', `cannot cast ${JSON.stringify(stringOf(a))} to xs:${type}`);
}

function isText(a: Atomic): a is string | Untyped {
  return typeof a === 'string' || a instanceof Untyped;
}

export function toDouble(a: Atomic): number {
  if (typeof a === 'number') return a;
  if (typeof a === 'bigint') return Number(a);
  if (a instanceof Decimal) return a.toNumber();
  if (typeof a === 'boolean') return a ? 1 : 0;
  const t = collapse(isText(a) ? stringOf(a) : '');
  const n = parseDouble(t);
  if (Number.isNaN(n) && t !== 'NaN') throw castFailure(a, 'double');
  return n;
}

export function toDecimal(a: Atomic): Decimal {
  if (a instanceof Decimal) return a;
  if (typeof a === 'bigint') return new XDecimal(a.toString());
  if (typeof a === 'boolean') return new XDecimal(a ? 1 : 0);
  if (typeof a === 'number') {
    if (!Number.isFinite(a)) throw new XPathError('FOCA0002', `cannot cast ${a} to xs:decimal`);
    return new XDecimal(String(a));
  }
  const t = collapse(stringOf(a));
  if (!DECIMAL.test(t)) throw castFailure(a, 'decimal');
  return new XDecimal(t);
}

export function toInteger(a: Atomic): bigint {
  if (typeof a === 'bigint') return a;
  if (typeof a === 'boolean') return a ? 1n : 0n;
  if (typeof a === 'number') {
    if (!Number.isFinite(a)) throw new XPathError('FOCA0002', `cannot cast ${a} to xs:integer`);
    return BigInt(Math.trunc(a));
  }
  if (a instanceof Decimal) return BigInt(a.trunc().toFixed());
  const t = collapse(stringOf(a));
  if (!INTEGER.test(t)) throw castFailure(a, 'integer');
  return BigInt(t);
}

export function toBoolean(a: Atomic): boolean {
  if (typeof a === 'boolean') return a;
  if (typeof a === 'number') return !(a === 0 || Number.isNaN(a));
  if (typeof a === 'bigint') return a !== 0n;
  if (a instanceof Decimal) return !a.isZero();
  const t = collapse(stringOf(a));
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw castFailure(a, 'boolean');
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a string is an xs:date lexical form (XSD 1.0: no year zero). */
export function isDateLexical(s: string): boolean {
  const m = DATE.exec(collapse(s));
  if (!m) return false;
  const [, sign, yearText, monthText, dayText, zone, zh, zm] = m;
  if (yearText!.length > 4 && yearText!.startsWith('0')) return false;
  const year = Number(yearText) * (sign ? -1 : 1);
  const month = Number(monthText);
  const day = Number(dayText);
  if (Number(yearText) === 0) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (zone && zone !== 'Z') {
    const h = Number(zh);
    const mm = Number(zm);
    if (mm > 59 || h > 14 || (h === 14 && mm !== 0)) return false;
  }
  return true;
}

/** `cast as`: the value converted, or a dynamic error. */
export function castAs(a: Atomic, type: AtomicTypeName): Atomic {
  switch (type) {
    case 'string':
      return stringOf(a);
    case 'untypedAtomic':
      return new Untyped(stringOf(a));
    case 'anyAtomicType':
      return a;
    case 'boolean':
      return toBoolean(a);
    case 'integer':
      return toInteger(a);
    case 'decimal':
      return toDecimal(a);
    case 'double':
    case 'float':
      return toDouble(a);
    case 'date':
      if (!isText(a) || !isDateLexical(stringOf(a))) throw castFailure(a, 'date');
      return stringOf(a);
  }
}

/** `castable as`: whether the cast would succeed. */
export function castable(a: Atomic, type: AtomicTypeName): boolean {
  if (type === 'date') return isText(a) && isDateLexical(stringOf(a));
  try {
    castAs(a, type);
    return true;
  } catch (error) {
    if (error instanceof XPathError) return false;
    throw error;
  }
}
