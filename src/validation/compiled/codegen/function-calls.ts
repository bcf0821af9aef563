import { UnsupportedXPathError, type Expr } from '../xpath-ast.js';
import { ebv, FN_NS, many, one, quote, seq, str, XS_NS, type Code, type CompileContext, type Scope } from './code.js';

/** What a function call needs of the expression compiler (`CallCompiler`, which calls this module). */
export interface CallCompiler {
  readonly cx: CompileContext;
  resolvePrefix(prefix: string): string;
  expr(e: Expr, scope: Scope): Code;
  atomicType(prefix: string, local: string): string;
  cast(castable: boolean, arg: Code, type: string, optional: boolean): Code;
}

type Builder = (args: Code[], g: CallCompiler, scope: Scope, raw: Expr[]) => Code;

/** The context item as an argument, for functions that default to it (`string()`, `name()`). */
function contextArg(scope: Scope): Code {
  if (!scope.ctx) return one('R.noContext()', 'item');
  return one(scope.ctx, scope.ctxType);
}

function orContext(args: Code[], scope: Scope): Code {
  return args[0] ?? contextArg(scope);
}

const stringFn = (name: string, js: (s: string) => string): Builder => (args, _g, scope) => one(js(str(orContext(args, scope), name)), 'string');
const numericSame = (fn: string): Builder => ([a]) => many(`R.${fn}(${seq(a!)})`, a!.t === 'integer' || a!.t === 'double' ? a!.t : 'numeric');

/** The XPath 2.0 function library, as JavaScript over the runtime (arity checked by the table). */
const FUNCTIONS: Record<string, { arity: [number, number]; build: Builder }> = {
  string: {
    arity: [0, 1],
    build: (args, _g, scope) => {
      const a = orContext(args, scope);
      if (a.one && a.t === 'string') return a;
      if (a.one && a.t === 'node') return one(`(${a.js}).stringValue()`, 'string');
      return one(`R.string(${seq(a)})`, 'string');
    },
  },
  'normalize-space': { arity: [0, 1], build: stringFn('normalize-space()', (s) => `R.normalizeSpace(${s})`) },
  'upper-case': { arity: [1, 1], build: stringFn('upper-case()', (s) => `(${s}).toUpperCase()`) },
  'lower-case': { arity: [1, 1], build: stringFn('lower-case()', (s) => `(${s}).toLowerCase()`) },
  'string-length': { arity: [0, 1], build: (args, _g, scope) => one(`R.stringLength(${str(orContext(args, scope), 'string-length()')})`, 'integer') },
  number: { arity: [0, 1], build: (args, _g, scope) => one(`R.number(${seq(orContext(args, scope))})`, 'double') },
  boolean: { arity: [1, 1], build: ([a]) => one(ebv(a!), 'boolean') },
  not: { arity: [1, 1], build: ([a]) => one(`!(${ebv(a!)})`, 'boolean') },
  true: { arity: [0, 0], build: () => one('true', 'boolean') },
  false: { arity: [0, 0], build: () => one('false', 'boolean') },
  concat: { arity: [2, 1000], build: (args) => one(`R.concat(${args.map(seq).join(', ')})`, 'string') },
  contains: { arity: [2, 2], build: ([a, b]) => one(`(${str(a!, 'contains()')}).includes(${str(b!, 'contains()')})`, 'boolean') },
  'starts-with': { arity: [2, 2], build: ([a, b]) => one(`(${str(a!, 'starts-with()')}).startsWith(${str(b!, 'starts-with()')})`, 'boolean') },
  'ends-with': { arity: [2, 2], build: ([a, b]) => one(`(${str(a!, 'ends-with()')}).endsWith(${str(b!, 'ends-with()')})`, 'boolean') },
  substring: {
    arity: [2, 3],
    build: ([a, b, c]) => one(`R.substring(${str(a!, 'substring()')}, ${seq(b!)}${c ? `, ${seq(c)}` : ''})`, 'string'),
  },
  'substring-before': { arity: [2, 2], build: ([a, b]) => one(`R.substringBefore(${str(a!, 'substring-before()')}, ${str(b!, 'substring-before()')})`, 'string') },
  'substring-after': { arity: [2, 2], build: ([a, b]) => one(`R.substringAfter(${str(a!, 'substring-after()')}, ${str(b!, 'substring-after()')})`, 'string') },
  translate: { arity: [3, 3], build: ([a, b, c]) => one(`R.translate(${str(a!, 'translate()')}, ${str(b!, 'translate()')}, ${str(c!, 'translate()')})`, 'string') },
  matches: {
    arity: [2, 3],
    build: ([a, p, f], g, _scope, raw) => {
      const literalPattern = raw[1]!.k === 'literal' && (raw[2] === undefined || raw[2].k === 'literal');
      if (literalPattern) {
        const pattern = (raw[1] as { value: string }).value;
        const flags = raw[2] ? (raw[2] as { value: string }).value : '';
        const regex = g.cx.hoist('re', `R.xpathRegex(${quote(pattern)}, ${quote(flags)})`);
        return one(`${regex}.test(${str(a!, 'matches()')})`, 'boolean');
      }
      return one(`R.matches(${str(a!, 'matches()')}, ${str(p!, 'matches()')}${f ? `, ${str(f, 'matches()')}` : ''})`, 'boolean');
    },
  },
  tokenize: {
    arity: [2, 3],
    build: ([a, p, f]) => many(`R.tokenize(${str(a!, 'tokenize()')}, ${str(p!, 'tokenize()')}${f ? `, ${str(f, 'tokenize()')}` : ''})`, 'string'),
  },
  'string-join': { arity: [2, 2], build: ([a, b]) => one(`R.stringJoin(${seq(a!)}, ${str(b!, 'string-join()')})`, 'string') },
  count: { arity: [1, 1], build: ([a]) => one(`BigInt(${seq(a!)}.length)`, 'integer') },
  exists: { arity: [1, 1], build: ([a]) => one(a!.one ? 'true' : `(${a!.js}.length > 0)`, 'boolean') },
  empty: { arity: [1, 1], build: ([a]) => one(a!.one ? 'false' : `(${a!.js}.length === 0)`, 'boolean') },
  sum: { arity: [1, 1], build: ([a]) => one(`R.sum(${seq(a!)})`, a!.t === 'integer' ? 'integer' : 'atomic') },
  round: { arity: [1, 1], build: numericSame('round') },
  floor: { arity: [1, 1], build: numericSame('floor') },
  ceiling: { arity: [1, 1], build: numericSame('ceiling') },
  abs: { arity: [1, 1], build: numericSame('abs') },
  min: { arity: [1, 1], build: ([a]) => many(`R.extreme(${seq(a!)}, false)`, 'atomic') },
  max: { arity: [1, 1], build: ([a]) => many(`R.extreme(${seq(a!)}, true)`, 'atomic') },
  avg: { arity: [1, 1], build: ([a]) => many(`R.avg(${seq(a!)})`, 'atomic') },
  reverse: { arity: [1, 1], build: ([a]) => (a!.one ? a! : many(`${a!.js}.slice().reverse()`, a!.t)) },
  'distinct-values': { arity: [1, 1], build: ([a]) => many(`R.distinctValues(${seq(a!)})`, 'atomic') },
  'string-to-codepoints': { arity: [1, 1], build: ([a]) => many(`R.stringToCodepoints(${str(a!, 'string-to-codepoints()')})`, 'integer') },
  'codepoints-to-string': { arity: [1, 1], build: ([a]) => one(`R.codepointsToString(${seq(a!)})`, 'string') },
  'local-name': { arity: [0, 1], build: (args, _g, scope) => one(`R.localName(${seq(orContext(args, scope))})`, 'string') },
  name: { arity: [0, 1], build: (args, _g, scope) => one(`R.name(${seq(orContext(args, scope))})`, 'string') },
  'namespace-uri': { arity: [0, 1], build: (args, _g, scope) => one(`R.namespaceUri(${seq(orContext(args, scope))})`, 'string') },
  root: { arity: [0, 1], build: (args, _g, scope) => many(`R.root(${seq(orContext(args, scope))})`, 'node') },
  data: { arity: [1, 1], build: ([a]) => many(`R.atomize(${seq(a!)})`, 'atomic') },
  position: {
    arity: [0, 0],
    build: (_a, _g, scope) => {
      if (!scope.pos) throw new UnsupportedXPathError('position() outside a predicate');
      return one(`BigInt(${scope.pos})`, 'integer');
    },
  },
  last: {
    arity: [0, 0],
    build: (_a, _g, scope) => {
      if (!scope.size) throw new UnsupportedXPathError('last() outside a predicate');
      return one(`BigInt(${scope.size})`, 'integer');
    },
  },
  'exactly-one': { arity: [1, 1], build: ([a]) => (a!.one ? a! : many(`R.cardinality(${a!.js}, 1, 1, 'exactly-one()')`, a!.t)) },
  'zero-or-one': { arity: [1, 1], build: ([a]) => (a!.one ? a! : many(`R.cardinality(${a!.js}, 0, 1, 'zero-or-one()')`, a!.t)) },
  'one-or-more': { arity: [1, 1], build: ([a]) => (a!.one ? a! : many(`R.cardinality(${a!.js}, 1, Infinity, 'one-or-more()')`, a!.t)) },
  key: {
    arity: [2, 2],
    build: ([nameArg, values], g, scope, raw) => {
      if (raw[0]!.k !== 'literal') throw new UnsupportedXPathError('key() with a computed key name');
      const key = g.cx.keys.get((raw[0] as { value: string }).value);
      if (!key) throw new UnsupportedXPathError(`key ${(raw[0] as { value: string }).value} is not declared`);
      void nameArg;
      return many(`${key}(R.rootOf(${scope.ctx ?? 'R.noContext()'}), ${seq(values!)})`, 'node');
    },
  },
};

/** Compiles a function call: the XPath library, xs: constructor functions and the schema's xsl:functions. */
export function callFunction(g: CallCompiler, prefix: string, local: string, rawArgs: Expr[], scope: Scope): Code {
  const ns = prefix === '' || (prefix === 'fn' && g.cx.namespaces.fn === undefined) ? FN_NS : g.resolvePrefix(prefix);
  const args = rawArgs.map((a) => g.expr(a, scope));
  if (ns === FN_NS) {
    const f = FUNCTIONS[local];
    if (!f) throw new UnsupportedXPathError(`the function ${local}() is not supported`);
    if (args.length < f.arity[0] || args.length > f.arity[1]) throw new UnsupportedXPathError(`${local}() with ${args.length} arguments`);
    return f.build(args, g, scope, rawArgs);
  }
  if (ns === XS_NS) {
    if (args.length !== 1) throw new UnsupportedXPathError(`xs:${local}() takes one argument`);
    return g.cast(false, args[0]!, g.atomicType(prefix, local), true);
  }
  const fn = g.cx.functions.get(`{${ns}}${local}#${args.length}`);
  if (!fn) throw new UnsupportedXPathError(`the function ${prefix}:${local}#${args.length} is not declared`);
  return { ...fn.returns, js: `${fn.js}(${args.map(seq).join(', ')})` };
}
