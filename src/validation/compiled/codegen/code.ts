export const FN_NS = 'http://www.w3.org/2005/xpath-functions';
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';

/**
 * A compiled expression: JavaScript source plus what the generator knows statically about it.
 * `one`: the source yields exactly one item (not an array); otherwise it yields an array of items.
 * `t`: the type of every item, as far as known ('item' when unknown).
 */
export interface Code {
  js: string;
  one: boolean;
  t: StaticType;
}

export type StaticType = 'node' | 'string' | 'boolean' | 'integer' | 'double' | 'numeric' | 'atomic' | 'item';

export const NUMERIC_TYPES: ReadonlySet<StaticType> = new Set(['integer', 'double', 'numeric']);

export function one(js: string, t: StaticType): Code {
  return { js, one: true, t };
}

export function many(js: string, t: StaticType): Code {
  return { js, one: false, t };
}

/** The expression as an array of items. */
export function seq(c: Code): string {
  return c.one ? `[${c.js}]` : c.js;
}

/** The least common static type of two expressions. */
export function join(a: StaticType, b: StaticType): StaticType {
  if (a === b) return a;
  if (NUMERIC_TYPES.has(a) && NUMERIC_TYPES.has(b)) return 'numeric';
  if (a !== 'node' && b !== 'node' && a !== 'item' && b !== 'item') return 'atomic';
  return 'item';
}

/** Effective boolean value of a compiled expression. */
export function ebv(c: Code): string {
  if (c.one && c.t === 'boolean') return c.js;
  if (c.one && c.t === 'node') return 'true';
  if (c.one && c.t === 'string') return `(${c.js}).length > 0`;
  if (c.one) return `R.ebvItem(${c.js})`;
  if (c.t === 'node') return `(${c.js}).length > 0`;
  return `R.ebv(${c.js})`;
}

/** An `xs:string?` argument as a JavaScript string. */
export function str(c: Code, fn: string): string {
  if (c.one && c.t === 'string') return c.js;
  if (c.one && c.t === 'node') return `(${c.js}).stringValue()`;
  return `R.argString(${seq(c)}, ${JSON.stringify(fn)})`;
}

export function quote(s: string): string {
  return JSON.stringify(s);
}

/** The focus and variables an expression is compiled in. */
export interface Scope {
  /** JavaScript expression of the context item, or undefined where there is none (function bodies). */
  ctx: string | undefined;
  ctxType: StaticType;
  pos: string | undefined;
  size: string | undefined;
  vars: ReadonlyMap<string, Code>;
}

export interface UserFunction {
  js: string;
  arity: number;
  returns: Code;
}

/** Module-level state shared by every expression of one compiled schema. */
export interface CompileContext {
  namespaces: Readonly<Record<string, string>>;
  functions: Map<string, UserFunction>;
  keys: Map<string, string>;
  /** Global variables whose value is a fixed list of strings, with JS of a lazily built Set. */
  stringSets: Map<string, { variable: Code; set: string }>;
  hoist(prefix: string, js: string): string;
  fresh(prefix: string): string;
}
