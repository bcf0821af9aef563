import { UnsupportedXPathError, parseXPath, type Binding, type Expr, type NodeTest, type Step } from '../xpath-ast.js';
import { ebv, join, many, NUMERIC_TYPES, one, quote, seq, XS_NS, type Code, type CompileContext, type Scope, type StaticType } from './code.js';
import { callFunction } from './function-calls.js';

const COMPARISONS: Record<string, string> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
const JS_COMPARE: Record<string, string> = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' };
const ARITH = new Set(['+', '-', '*', 'div', 'idiv', 'mod']);
const FORWARD_AXES = new Set(['child', 'attribute', 'self', 'descendant', 'descendant-or-self', 'following-sibling']);

export class XPathCodegen {
  constructor(readonly cx: CompileContext) {}

  /** Compiles the source of one XPath expression. */
  compile(source: string, scope: Scope): Code {
    return this.expr(parseXPath(source), scope);
  }

  resolvePrefix(prefix: string): string {
    if (prefix === '') return '';
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    // `xs` is in scope in the XSLT a schematron is compiled to (the official EUSR rules rely on it).
    const uri = this.cx.namespaces[prefix] ?? (prefix === 'xs' ? XS_NS : undefined);
    if (uri === undefined) throw new UnsupportedXPathError(`undeclared namespace prefix "${prefix}"`);
    return uri;
  }

  expr(e: Expr, scope: Scope): Code {
    switch (e.k) {
      case 'literal':
        return literal(e.type, e.value, this.cx);
      case 'var': {
        const v = scope.vars.get(e.name);
        if (!v) throw new UnsupportedXPathError(`variable $${e.name} is not declared`);
        return v;
      }
      case 'context':
        return one(contextOf(scope), scope.ctxType);
      case 'path':
        return this.path(e.absolute, e.steps, scope);
      case 'filter':
        return this.filtered(this.expr(e.primary, scope), e.predicates, scope);
      case 'call':
        return callFunction(this, e.prefix, e.name, e.args, scope);
      case 'binary':
        return this.binary(e.op, e.left, e.right, scope);
      case 'negate': {
        const c = this.expr(e.operand, scope);
        if (c.one && (c.t === 'integer' || c.t === 'double')) return one(`(-(${c.js}))`, c.t);
        return many(`R.negateSeq(${seq(c)})`, 'numeric');
      }
      case 'if': {
        const cond = ebv(this.expr(e.cond, scope));
        const a = this.expr(e.then, scope);
        const b = this.expr(e.else, scope);
        if (a.one && b.one) return one(`(${cond} ? ${a.js} : ${b.js})`, join(a.t, b.t));
        return many(`(${cond} ? ${seq(a)} : ${seq(b)})`, join(a.t, b.t));
      }
      case 'quantified':
        return this.quantified(e.every, e.bindings, e.test, scope);
      case 'for':
        return this.forExpr(e.bindings, e.ret, scope);
      case 'sequence': {
        if (e.items.length === 0) return many('[]', 'item');
        const parts = e.items.map((i) => this.expr(i, scope));
        if (parts.length === 1) return parts[0]!;
        const t = parts.map((p) => p.t).reduce(join);
        return many(`[${parts.map((p) => (p.one ? p.js : `...${p.js}`)).join(', ')}]`, t);
      }
      case 'cast':
        return this.cast(e.castable, this.expr(e.arg, scope), this.atomicType(e.type.prefix, e.type.local), e.optional);
    }
  }

  atomicType(prefix: string, local: string): string {
    if (this.resolvePrefix(prefix) !== XS_NS) throw new UnsupportedXPathError(`type ${prefix}:${local} is not supported`);
    if (!['string', 'untypedAtomic', 'boolean', 'integer', 'decimal', 'double', 'float', 'date', 'anyAtomicType'].includes(local)) {
      throw new UnsupportedXPathError(`type xs:${local} is not supported`);
    }
    return local;
  }

  cast(castable: boolean, arg: Code, type: string, optional: boolean): Code {
    if (castable) return one(`R.castableSeq(${seq(arg)}, ${quote(type)}, ${optional})`, 'boolean');
    if (type === 'date') throw new UnsupportedXPathError('casting to xs:date is not supported');
    const t = resultType(type);
    if (arg.one) return one(`R.castAs(R.atom(${arg.js}), ${quote(type)})`, t);
    return many(`R.castSeq(${seq(arg)}, ${quote(type)}, ${optional})`, t);
  }

  private binary(op: string, left: Expr, right: Expr, scope: Scope): Code {
    if (op === 'and' || op === 'or') {
      const l = ebv(this.expr(left, scope));
      const r = ebv(this.expr(right, scope));
      return one(`(${l} ${op === 'and' ? '&&' : '||'} ${r})`, 'boolean');
    }
    if (COMPARISONS[op]) return this.generalComparison(COMPARISONS[op]!, left, right, scope);
    const l = this.expr(left, scope);
    const r = this.expr(right, scope);
    if (['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(op)) return many(`R.valueCompare(${quote(op)}, ${seq(l)}, ${seq(r)})`, 'boolean');
    if (ARITH.has(op)) return arithmetic(op, l, r);
    if (op === '|') return many(`R.documentOrder([...${seq(l)}, ...${seq(r)}])`, 'node');
    if (op === 'to') return many(`R.rangeSeq(${seq(l)}, ${seq(r)})`, 'integer');
    throw new UnsupportedXPathError(`the operator ${op} is not supported`);
  }

  private generalComparison(op: string, left: Expr, right: Expr, scope: Scope): Code {
    const leftSet = op === 'eq' ? this.stringSetOf(left, scope) : undefined;
    const set = leftSet ?? (op === 'eq' ? this.stringSetOf(right, scope) : undefined);
    if (set) {
      const other = this.expr(leftSet ? right : left, scope);
      return one(`R.inStringSet(${set}, ${seq(other)})`, 'boolean');
    }
    const l = this.expr(left, scope);
    const r = this.expr(right, scope);
    const js = JS_COMPARE[op]!;
    // Nodes against one string: untyped values compare as strings, with no sequence built.
    if (!l.one && l.t === 'node' && r.one && r.t === 'string') return one(`R.nodesCompareString(${quote(op)}, ${l.js}, ${r.js}, false)`, 'boolean');
    if (!r.one && r.t === 'node' && l.one && l.t === 'string') return one(`R.nodesCompareString(${quote(op)}, ${r.js}, ${l.js}, true)`, 'boolean');
    if (l.one && r.one) {
      if (l.t === 'string' && r.t === 'string') return one(`(${l.js} ${js} ${r.js})`, 'boolean');
      if (l.t === 'integer' && r.t === 'integer') return one(`(${l.js} ${js} ${r.js})`, 'boolean');
      if ((l.t === 'double' || l.t === 'integer') && (r.t === 'double' || r.t === 'integer')) {
        return one(`R.compareDoubles(${quote(op)}, ${l.t === 'integer' ? `Number(${l.js})` : l.js}, ${r.t === 'integer' ? `Number(${r.js})` : r.js})`, 'boolean');
      }
    }
    return one(`R.generalCompare(${quote(op)}, ${seq(l)}, ${seq(r)})`, 'boolean');
  }

  /** `$codes = x` where $codes is a fixed list of strings becomes a set lookup. */
  private stringSetOf(e: Expr, scope: Scope): string | undefined {
    if (e.k !== 'var') return undefined;
    const entry = this.cx.stringSets.get(e.name);
    return entry && scope.vars.get(e.name) === entry.variable ? entry.set : undefined;
  }

  private quantified(every: boolean, bindings: Binding[], test: Expr, scope: Scope): Code {
    // `some $v in S satisfies $v = E` (E free of $v) is the general comparison `S = E`.
    if (!every && bindings.length === 1 && test.k === 'binary' && test.op === '=') {
      const name = bindings[0]!.name;
      const isVar = (x: Expr) => x.k === 'var' && x.name === name;
      const other = isVar(test.left) ? test.right : isVar(test.right) ? test.left : undefined;
      if (other && !mentions(other, name)) {
        const source = bindings[0]!.source;
        const set = this.stringSetOf(source, scope);
        if (set) return one(`R.inStringSet(${set}, ${seq(this.expr(other, scope))})`, 'boolean');
        return one(`R.generalCompare('eq', ${seq(this.expr(source, scope))}, ${seq(this.expr(other, scope))})`, 'boolean');
      }
    }
    const [first, ...rest] = bindings;
    const source = this.expr(first!.source, scope);
    const v = this.cx.fresh('q');
    const inner: Scope = { ...scope, vars: new Map(scope.vars).set(first!.name, one(v, source.t)) };
    const body = rest.length ? this.quantified(every, rest, test, inner).js : ebv(this.expr(test, inner));
    return one(`${seq(source)}.${every ? 'every' : 'some'}((${v}) => ${body})`, 'boolean');
  }

  private forExpr(bindings: Binding[], ret: Expr, scope: Scope): Code {
    const [first, ...rest] = bindings;
    const source = this.expr(first!.source, scope);
    const v = this.cx.fresh('f');
    const inner: Scope = { ...scope, vars: new Map(scope.vars).set(first!.name, one(v, source.t)) };
    const body = rest.length ? this.forExpr(rest, ret, inner) : this.expr(ret, inner);
    return many(`${seq(source)}.flatMap((${v}) => ${seq(body)})`, body.t);
  }

  /** Predicates applied to a sequence in its own order (a filter expression). */
  filtered(base: Code, predicates: readonly Expr[], scope: Scope): Code {
    let code = base;
    for (const p of predicates) code = many(`R.filter(${seq(code)}, ${this.predicate(p, scope, code.t)})`, code.t);
    return code;
  }

  /** A predicate as `(item, position, size) => boolean | sequence`. */
  predicate(p: Expr, scope: Scope, itemType: StaticType): string {
    const c = this.cx.fresh('c');
    const pos = this.cx.fresh('p');
    const size = this.cx.fresh('s');
    const inner: Scope = { ...scope, ctx: c, ctxType: itemType, pos, size };
    const v = this.expr(p, inner);
    if (v.one && NUMERIC_TYPES.has(v.t)) return `(${c}, ${pos}, ${size}) => R.toPosition(${v.js}) === ${pos}`;
    if (v.one && v.t === 'boolean') return `(${c}, ${pos}, ${size}) => ${v.js}`;
    if (v.t === 'node' || v.t === 'boolean' || v.t === 'string') return `(${c}, ${pos}, ${size}) => ${ebv(v)}`;
    return `(${c}, ${pos}, ${size}) => ${seq(v)}`;
  }

  private path(absolute: boolean, steps: readonly Step[], scope: Scope): Code {
    if (!absolute && steps.length === 1 && steps[0]!.k === 'filter') {
      const s = steps[0]!;
      return this.filtered(this.expr(s.primary, scope), s.predicates, scope);
    }
    let current: Code = absolute ? one(`R.rootOf(${contextOf(scope)})`, 'node') : one(contextOf(scope), scope.ctxType);
    let i = 0;
    if (!absolute && steps[0]!.k === 'filter') {
      current = this.filtered(this.expr(steps[0]!.primary, scope), steps[0]!.predicates, scope);
      i = 1;
    }
    for (; i < steps.length; i++) {
      const s = steps[i]!;
      const next = steps[i + 1];
      // `//name` walks the descendants once instead of every descendant's children.
      if (s.k === 'axis' && s.axis === 'descendant-or-self' && s.test.k === 'kind' && s.test.kind === 'node' && !s.predicates.length
        && next?.k === 'axis' && next.axis === 'child' && !next.predicates.length) {
        current = many(`R.descendants(${seq(current)}, ${this.nodeTest(next.test, 'child')}, false)`, 'node');
        i++;
        continue;
      }
      current = this.step(current, s, scope);
    }
    return current;
  }

  private step(input: Code, s: Step, scope: Scope): Code {
    if (s.k === 'filter') {
      const c = this.cx.fresh('m');
      const inner: Scope = { ...scope, ctx: c, ctxType: 'node', pos: undefined, size: undefined };
      const body = this.filtered(this.expr(s.primary, inner), s.predicates, inner);
      const mapped = `${seq(input)}.flatMap((${c}) => ${seq(body)})`;
      return body.t === 'node' ? many(`R.documentOrder(${mapped})`, 'node') : many(`R.mapResult(${mapped})`, body.t);
    }
    const test = s.test;
    if (!s.predicates.length && test.k === 'name') {
      const ns = quote(this.resolvePrefix(test.prefix));
      if (s.axis === 'child') return many(`R.childElements(${seq(input)}, ${ns}, ${quote(test.local)})`, 'node');
      if (s.axis === 'attribute') return many(`R.attributeNamed(${seq(input)}, ${ns}, ${quote(test.local)})`, 'node');
    }
    if (!s.predicates.length && s.axis === 'child') return many(`R.childrenMatching(${seq(input)}, ${this.nodeTest(test, 'child')})`, 'node');
    if (!s.predicates.length && s.axis === 'descendant') return many(`R.descendants(${seq(input)}, ${this.nodeTest(test, 'descendant')}, false)`, 'node');
    if (!(s.axis in AXES)) throw new UnsupportedXPathError(`the ${s.axis} axis is not supported`);
    const predicates = s.predicates.map((p) => this.predicate(p, scope, 'node'));
    return many(`R.step(${seq(input)}, R.axes[${quote(s.axis)}], ${this.nodeTest(test, s.axis)}, [${predicates.join(', ')}], ${FORWARD_AXES.has(s.axis)})`, 'node');
  }

  /** A node test as a hoisted `(node) => boolean`. */
  nodeTest(test: NodeTest, axis: string): string {
    const principal = axis === 'attribute' ? 2 : 1;
    let body: string;
    switch (test.k) {
      case 'name':
        body = `n.kind === ${principal} && n.local === ${quote(test.local)} && n.ns === ${quote(this.resolvePrefix(test.prefix))}`;
        break;
      case 'wildcard': {
        const parts = [`n.kind === ${principal}`];
        if (test.prefix !== undefined) parts.push(`n.ns === ${quote(this.resolvePrefix(test.prefix))}`);
        if (test.local !== undefined) parts.push(`n.local === ${quote(test.local)}`);
        body = parts.join(' && ');
        break;
      }
      case 'kind':
        body = {
          node: 'true',
          text: 'n.kind === 3',
          comment: 'n.kind === 8',
          'processing-instruction': 'n.kind === 7',
          element: 'n.kind === 1',
          attribute: 'n.kind === 2',
          'document-node': 'n.kind === 9',
        }[test.kind];
        break;
    }
    return this.cx.hoist('t', `(n) => ${body}`);
  }
}

const AXES: Record<string, true> = {
  child: true, attribute: true, self: true, parent: true, ancestor: true, 'ancestor-or-self': true,
  descendant: true, 'descendant-or-self': true, 'following-sibling': true, 'preceding-sibling': true,
};

function contextOf(scope: Scope): string {
  return scope.ctx ?? 'R.noContext()';
}

function resultType(type: string): StaticType {
  switch (type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'double':
    case 'float':
      return 'double';
    case 'decimal':
      return 'numeric';
    default:
      return 'atomic';
  }
}

function literal(type: string, value: string, cx: CompileContext): Code {
  switch (type) {
    case 'string':
      return one(quote(value), 'string');
    case 'integer':
      return one(`${BigInt(value)}n`, 'integer');
    case 'double':
      return one(String(Number(value)), 'double');
    default:
      return one(cx.hoist('d', `new R.XDecimal(${quote(value)})`), 'numeric');
  }
}

function arithmetic(op: string, l: Code, r: Code): Code {
  if (l.one && r.one && l.t === 'integer' && r.t === 'integer' && (op === '+' || op === '-' || op === '*')) {
    return one(`(${l.js} ${op} ${r.js})`, 'integer');
  }
  if (l.one && r.one && l.t === 'double' && r.t === 'double' && (op === '+' || op === '-' || op === '*' || op === 'div')) {
    return one(`(${l.js} ${op === 'div' ? '/' : op} ${r.js})`, 'double');
  }
  const t: StaticType = l.t === 'integer' && r.t === 'integer' && op !== 'div' ? 'integer' : 'numeric';
  if (l.one && r.one) return one(`R.arithmetic(${quote(op)}, R.atom(${l.js}), R.atom(${r.js}))`, t);
  return many(`R.arith(${quote(op)}, ${seq(l)}, ${seq(r)})`, t);
}

/** Whether an expression refers to a variable (ignoring shadowing, which only makes this cautious). */
function mentions(e: Expr, name: string): boolean {
  switch (e.k) {
    case 'var':
      return e.name === name;
    case 'path':
      return e.steps.some((s) => s.predicates.some((p) => mentions(p, name)) || (s.k === 'filter' && mentions(s.primary, name)));
    case 'filter':
      return mentions(e.primary, name) || e.predicates.some((p) => mentions(p, name));
    case 'call':
      return e.args.some((a) => mentions(a, name));
    case 'binary':
      return mentions(e.left, name) || mentions(e.right, name);
    case 'negate':
      return mentions(e.operand, name);
    case 'if':
      return mentions(e.cond, name) || mentions(e.then, name) || mentions(e.else, name);
    case 'quantified':
      return e.bindings.some((b) => mentions(b.source, name)) || mentions(e.test, name);
    case 'for':
      return e.bindings.some((b) => mentions(b.source, name)) || mentions(e.ret, name);
    case 'sequence':
      return e.items.some((i) => mentions(i, name));
    case 'cast':
      return mentions(e.arg, name);
    default:
      return false;
  }
}
