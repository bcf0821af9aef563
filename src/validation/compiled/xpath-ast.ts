import { DOMImplementation } from '@xmldom/xmldom';
import { createRequire } from 'node:module';
import type fontoxpathType from 'fontoxpath';

const require = createRequire(import.meta.url);
let fonto: typeof fontoxpathType | undefined;

/** fontoxpath is needed when rules are compiled, not when they run: loaded on first use. */
function fontoxpath(): typeof fontoxpathType {
  fonto ??= require('fontoxpath') as typeof fontoxpathType;
  return fonto;
}

/**
 * The XPath syntax tree the code generator works on: fontoxpath parses the expression (its
 * XQueryX output), and this module only reshapes that XML into plain objects.
 */
export type Expr =
  | { k: 'path'; absolute: boolean; steps: Step[] }
  | { k: 'literal'; type: 'string' | 'integer' | 'decimal' | 'double'; value: string }
  | { k: 'var'; name: string }
  | { k: 'context' }
  | { k: 'call'; prefix: string; name: string; args: Expr[] }
  | { k: 'binary'; op: string; left: Expr; right: Expr }
  | { k: 'negate'; operand: Expr }
  | { k: 'if'; cond: Expr; then: Expr; else: Expr }
  | { k: 'quantified'; every: boolean; bindings: Binding[]; test: Expr }
  | { k: 'for'; bindings: Binding[]; ret: Expr }
  | { k: 'sequence'; items: Expr[] }
  | { k: 'cast'; castable: boolean; arg: Expr; type: QName; optional: boolean }
  | { k: 'filter'; primary: Expr; predicates: Expr[] };

export interface Binding {
  name: string;
  source: Expr;
}

interface QName {
  prefix: string;
  local: string;
}

export type NodeTest =
  | { k: 'name'; prefix: string; local: string }
  | { k: 'wildcard'; prefix?: string; local?: string }
  | { k: 'kind'; kind: 'node' | 'text' | 'comment' | 'processing-instruction' | 'element' | 'attribute' | 'document-node' };

export type Step = { k: 'axis'; axis: string; test: NodeTest; predicates: Expr[] } | { k: 'filter'; primary: Expr; predicates: Expr[] };

/** An expression the compiler cannot translate faithfully; the release then runs on the reference engine. */
export class UnsupportedXPathError extends Error {
  override name = 'UnsupportedXPathError';
}

const XQX = 'http://www.w3.org/2005/XQueryX';
const factory = new DOMImplementation().createDocument(null, null);

const BINARY_OPS: Record<string, string> = {
  andOp: 'and',
  orOp: 'or',
  equalOp: '=',
  notEqualOp: '!=',
  lessThanOp: '<',
  lessThanOrEqualOp: '<=',
  greaterThanOp: '>',
  greaterThanOrEqualOp: '>=',
  eqOp: 'eq',
  neOp: 'ne',
  ltOp: 'lt',
  leOp: 'le',
  gtOp: 'gt',
  geOp: 'ge',
  addOp: '+',
  subtractOp: '-',
  multiplyOp: '*',
  divOp: 'div',
  idivOp: 'idiv',
  modOp: 'mod',
  unionOp: '|',
  intersectOp: 'intersect',
  exceptOp: 'except',
  isOp: 'is',
  nodeBeforeOp: '<<',
  nodeAfterOp: '>>',
};

const KIND_TESTS: Record<string, NodeTest> = {
  anyKindTest: { k: 'kind', kind: 'node' },
  textTest: { k: 'kind', kind: 'text' },
  commentTest: { k: 'kind', kind: 'comment' },
  piTest: { k: 'kind', kind: 'processing-instruction' },
  documentTest: { k: 'kind', kind: 'document-node' },
};

type El = Element;

function kids(e: El): El[] {
  const out: El[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as El);
  return out;
}

function kid(e: El, name: string): El | undefined {
  return kids(e).find((c) => c.localName === name);
}

function need(e: El, name: string): El {
  const c = kid(e, name);
  if (!c) throw new UnsupportedXPathError(`unexpected ${e.localName} without ${name}`);
  return c;
}

function only(e: El): El {
  const c = kids(e);
  if (c.length !== 1) throw new UnsupportedXPathError(`${e.localName} with ${c.length} children`);
  return c[0]!;
}

function prefixOf(e: El): string {
  return e.getAttributeNS(XQX, 'prefix') ?? '';
}

/** Parses an XPath 2.0 expression into the tree above. */
export function parseXPath(source: string): Expr {
  let module: El;
  try {
    const fx = fontoxpath();
    module = fx.parseScript(source, { language: fx.evaluateXPath.XPATH_3_1_LANGUAGE }, factory as never) as unknown as El;
  } catch (error) {
    throw new UnsupportedXPathError(`cannot parse ${JSON.stringify(source)}: ${(error as Error).message.split('\n')[0]}`);
  }
  return expr(need(need(module, 'mainModule'), 'queryBody').firstElementChild ?? only(need(need(module, 'mainModule'), 'queryBody')));
}

function expr(e: El): Expr {
  const name = e.localName;
  if (BINARY_OPS[name]) return { k: 'binary', op: BINARY_OPS[name]!, left: expr(only(need(e, 'firstOperand'))), right: expr(only(need(e, 'secondOperand'))) };
  switch (name) {
    case 'pathExpr':
      return path(e);
    case 'stringConstantExpr':
      return { k: 'literal', type: 'string', value: need(e, 'value').textContent ?? '' };
    case 'integerConstantExpr':
      return { k: 'literal', type: 'integer', value: need(e, 'value').textContent ?? '0' };
    case 'decimalConstantExpr':
      return { k: 'literal', type: 'decimal', value: need(e, 'value').textContent ?? '0' };
    case 'doubleConstantExpr':
      return { k: 'literal', type: 'double', value: need(e, 'value').textContent ?? '0' };
    case 'varRef':
      return { k: 'var', name: qname(need(e, 'name')) };
    case 'contextItemExpr':
      return { k: 'context' };
    case 'functionCallExpr': {
      const fn = need(e, 'functionName');
      return { k: 'call', prefix: prefixOf(fn), name: fn.textContent ?? '', args: kids(need(e, 'arguments')).map(expr) };
    }
    case 'unaryMinusOp':
      return { k: 'negate', operand: expr(only(need(e, 'operand'))) };
    case 'unaryPlusOp':
      return { k: 'binary', op: '+', left: { k: 'literal', type: 'integer', value: '0' }, right: expr(only(need(e, 'operand'))) };
    case 'ifThenElseExpr':
      return { k: 'if', cond: expr(only(need(e, 'ifClause'))), then: expr(only(need(e, 'thenClause'))), else: expr(only(need(e, 'elseClause'))) };
    case 'quantifiedExpr':
      return {
        k: 'quantified',
        every: need(e, 'quantifier').textContent === 'every',
        bindings: kids(e).filter((c) => c.localName === 'quantifiedExprInClause').map((c) => binding(c, 'sourceExpr')),
        test: expr(only(need(e, 'predicateExpr'))),
      };
    case 'flworExpr': {
      const parts = kids(e);
      if (parts.some((p) => p.localName !== 'forClause' && p.localName !== 'returnClause')) {
        throw new UnsupportedXPathError('only for … return expressions are supported');
      }
      const bindings = parts.filter((p) => p.localName === 'forClause').flatMap((p) => kids(p).map((item) => binding(item, 'forExpr')));
      return { k: 'for', bindings, ret: expr(only(need(e, 'returnClause'))) };
    }
    case 'sequenceExpr':
      return { k: 'sequence', items: kids(e).map(expr) };
    case 'rangeSequenceExpr':
      return { k: 'binary', op: 'to', left: expr(only(need(e, 'startExpr'))), right: expr(only(need(e, 'endExpr'))) };
    case 'castableExpr':
    case 'castExpr': {
      const single = need(e, 'singleType');
      const type = need(single, 'atomicType');
      return {
        k: 'cast',
        castable: name === 'castableExpr',
        arg: expr(only(need(e, 'argExpr'))),
        type: { prefix: prefixOf(type), local: type.textContent ?? '' },
        optional: kid(single, 'optional') !== undefined,
      };
    }
    default:
      throw new UnsupportedXPathError(`the XPath construct ${name} is not supported`);
  }
}

function binding(clause: El, sourceName: string): Binding {
  const varName = need(need(clause, 'typedVariableBinding'), 'varName');
  if (kid(need(clause, 'typedVariableBinding'), 'typeDeclaration')) throw new UnsupportedXPathError('typed variable bindings are not supported');
  return { name: qname(varName), source: expr(only(need(clause, sourceName))) };
}

function qname(e: El): string {
  const prefix = prefixOf(e);
  return prefix ? `${prefix}:${e.textContent}` : (e.textContent ?? '');
}

function path(e: El): Expr {
  const parts = kids(e);
  let absolute = false;
  const steps: Step[] = [];
  for (const part of parts) {
    if (part.localName === 'rootExpr') {
      absolute = true;
      continue;
    }
    if (part.localName !== 'stepExpr') throw new UnsupportedXPathError(`unexpected ${part.localName} in a path`);
    steps.push(stepOf(part));
  }
  return { k: 'path', absolute, steps };
}

function stepOf(e: El): Step {
  const predicatesEl = kid(e, 'predicates');
  const predicates = predicatesEl ? kids(predicatesEl).map(expr) : [];
  const filterEl = kid(e, 'filterExpr');
  if (filterEl) return { k: 'filter', primary: expr(only(filterEl)), predicates };
  const axis = need(e, 'xpathAxis').textContent ?? '';
  const testEl = kids(e).find((c) => c.localName !== 'xpathAxis' && c.localName !== 'predicates');
  if (!testEl) throw new UnsupportedXPathError('a step without a node test');
  return { k: 'axis', axis, test: nodeTest(testEl, axis), predicates };
}

function nodeTest(e: El, axis: string): NodeTest {
  const name = e.localName;
  if (name === 'nameTest') return { k: 'name', prefix: prefixOf(e), local: e.textContent ?? '' };
  if (name === 'Wildcard') {
    const parts = kids(e);
    if (parts.length === 0) return { k: 'wildcard' };
    if (parts[0]!.localName === 'star') return { k: 'wildcard', local: parts[1]?.textContent ?? undefined };
    return { k: 'wildcard', prefix: parts[0]!.textContent ?? '' };
  }
  if (KIND_TESTS[name]) return KIND_TESTS[name]!;
  if ((name === 'elementTest' || name === 'attributeTest') && kids(e).length === 0) {
    return { k: 'kind', kind: name === 'elementTest' ? 'element' : 'attribute' };
  }
  throw new UnsupportedXPathError(`the node test ${name} on axis ${axis} is not supported`);
}
