import { UnsupportedXPathError, parseXPath, type Expr, type NodeTest, type Step } from '../xpath-ast.js';
import { ebv, quote, type Code, type Scope } from './code.js';
import type { XPathCodegen } from './xpath-codegen.js';

/** A compiled rule context: a matcher and the node names it can match, for dispatch. */
export interface CompiledPattern {
  /** JavaScript of `(node) => boolean`. */
  matcher: string;
  /**
   * Dispatch keys `<node>^<parent>`, each part `d` (the document node), `e|ns|local` or
   * `a|ns|local` (elements, attributes) with `*` for a wildcard part; the parent part may be `*`.
   */
  keys: string[];
}

interface PatternStep {
  /** How this step connects to the one before it: a parent (`/`) or any ancestor (`//`). */
  sep: '/' | '//';
  axis: 'child' | 'attribute';
  test: NodeTest;
  predicates: Expr[];
}

interface Alternative {
  /** True when the pattern starts with a single `/`: the first step's parent is the document node. */
  rooted: boolean;
  steps: PatternStep[];
}

/**
 * Compiles an XSLT 2.0 match pattern (a schematron rule context): a node matches when, read
 * right to left, each step matches it or its parent/ancestor, as `root(N)//(P)` would select it.
 */
export function compilePattern(source: string, g: XPathCodegen, globals: Scope): CompiledPattern {
  const alternatives = splitUnion(parseXPath(source)).map((e) => alternative(e, source));
  // Each alternative is built once, at load time, not on every match.
  const matchers = alternatives.map((alt) => g.cx.hoist('pm', matcherOf(alt, g, globals)));
  return {
    matcher: matchers.length === 1 ? matchers[0]! : `(n) => ${matchers.map((m) => `${m}(n)`).join(' || ')}`,
    keys: [...new Set(alternatives.flatMap((alt) => keysOf(alt, g)))],
  };
}

function splitUnion(e: Expr): Expr[] {
  if (e.k === 'binary' && e.op === '|') return [...splitUnion(e.left), ...splitUnion(e.right)];
  return [e];
}

function isDescendantMarker(s: Step): boolean {
  return s.k === 'axis' && s.axis === 'descendant-or-self' && s.test.k === 'kind' && s.test.kind === 'node' && s.predicates.length === 0;
}

function alternative(e: Expr, source: string): Alternative {
  if (e.k !== 'path') throw new UnsupportedXPathError(`rule context ${JSON.stringify(source)} is not a path pattern`);
  const steps: PatternStep[] = [];
  let sep: '/' | '//' = '/';
  for (const s of e.steps) {
    if (isDescendantMarker(s)) {
      sep = '//';
      continue;
    }
    if (s.k !== 'axis' || (s.axis !== 'child' && s.axis !== 'attribute')) {
      throw new UnsupportedXPathError(`rule context ${JSON.stringify(source)}: only child and attribute steps are supported in patterns`);
    }
    steps.push({ sep, axis: s.axis, test: s.test, predicates: s.predicates });
    sep = '/';
  }
  if (sep === '//') throw new UnsupportedXPathError(`rule context ${JSON.stringify(source)} ends with //`);
  return { rooted: e.absolute && steps[0]?.sep === '/', steps };
}

/** `e|ns|local` / `a|ns|local` / `d` for a step's node test (`*` for a wildcard part), or undefined when never visited. */
function testKey(step: PatternStep | undefined, g: XPathCodegen): string | undefined {
  if (!step) return 'd';
  const kind = step.axis === 'attribute' ? 'a' : 'e';
  const t = step.test;
  switch (t.k) {
    case 'name':
      return `${kind}|${g.resolvePrefix(t.prefix)}|${t.local}`;
    case 'wildcard':
      return `${kind}|${t.prefix === undefined ? '*' : g.resolvePrefix(t.prefix)}|${t.local ?? '*'}`;
    case 'kind':
      if (t.kind === 'node' || t.kind === (kind === 'a' ? 'attribute' : 'element')) return `${kind}|*|*`;
      if (t.kind === 'document-node') return 'd';
      return undefined; // text, comments and processing instructions are never visited by the rules
  }
}

/**
 * Dispatch keys `<node key>^<parent key>`: the parent part narrows wildcard rules such as
 * `/ubl:Order/cac:Delivery/*` to the elements under that parent (`*` when any parent may do).
 */
function keysOf(alt: Alternative, g: XPathCodegen): string[] {
  const n = alt.steps.length;
  const last = testKey(alt.steps[n - 1], g);
  if (last === undefined) return [];
  if (n === 0) return ['d^*'];
  let parent = '*';
  if (alt.steps[n - 1]!.sep === '/') {
    if (n >= 2) parent = alt.steps[n - 2]!.axis === 'child' ? (testKey(alt.steps[n - 2], g) ?? '*') : '*';
    else if (alt.rooted) parent = 'd';
  }
  return [`${last}^${parent}`];
}

function matcherOf(alt: Alternative, g: XPathCodegen, globals: Scope): string {
  if (alt.steps.length === 0) return '(n) => n.kind === 9';
  // m0 … mk: mi(n) tests step i on n and then the steps before it on n's parent or ancestors.
  const fns: string[] = [];
  alt.steps.forEach((s, i) => {
    const test = g.nodeTest(s.test, s.axis);
    const predicates = s.predicates.map((p) => predicateCheck(p, s, test, g, globals));
    const here = [`${test}(n)`, ...predicates].join(' && ');
    let before: string;
    if (i === 0) before = alt.rooted ? 'n.parent !== null && n.parent.kind === 9' : 'n.parent !== null';
    else if (s.sep === '/') before = `n.parent !== null && m${i - 1}(n.parent)`;
    else before = `R.someAncestor(n, m${i - 1})`;
    fns.push(`const m${i} = (n) => ${here} && ${before};`);
  });
  return `(() => { ${fns.join(' ')} return m${alt.steps.length - 1}; })()`;
}

/** A predicate of a pattern step: plain when it needs no position, else evaluated among the siblings. */
function predicateCheck(p: Expr, s: PatternStep, test: string, g: XPathCodegen, globals: Scope): string {
  const pos = g.cx.fresh('pp');
  const size = g.cx.fresh('ps');
  const plain: Code = g.expr(p, { ...globals, ctx: 'n', ctxType: 'node', pos, size });
  if (plain.one && plain.t === 'boolean' && !plain.js.includes(pos) && !plain.js.includes(size)) return `(${ebv(plain)})`;
  const predicate = g.predicate(p, globals, 'node');
  return `R.holdsAmongSiblings(n, ${quote(s.axis)}, ${test}, ${predicate})`;
}
