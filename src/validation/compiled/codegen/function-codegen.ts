import { UnsupportedXPathError } from '../xpath-ast.js';
import { ebv, many, one, quote, seq, type Code, type Scope, type StaticType, type UserFunction } from './code.js';
import type { XPathCodegen } from './xpath-codegen.js';

const XSL = 'http://www.w3.org/1999/XSL/Transform';

/** A parsed `as` sequence type: an atomic type or item kind with its occurrence. */
interface SequenceType {
  type: string;
  occurrence: '' | '?' | '*' | '+';
}

function parseSequenceType(as: string | null, g: XPathCodegen): SequenceType | undefined {
  if (!as) return undefined;
  const m = /^\s*([\w.-]+:[\w.-]+|item\(\)|node\(\)|element\(\)|attribute\(\)|text\(\))\s*([?*+]?)\s*$/.exec(as);
  if (!m) throw new UnsupportedXPathError(`sequence type "${as}" is not supported`);
  const name = m[1]!;
  if (name.includes(':') && !name.endsWith(')')) {
    const [prefix, local] = name.split(':') as [string, string];
    return { type: g.atomicType(prefix, local), occurrence: m[2] as SequenceType['occurrence'] };
  }
  return { type: name, occurrence: m[2] as SequenceType['occurrence'] };
}

const STATIC: Record<string, StaticType> = { string: 'string', boolean: 'boolean', integer: 'integer', double: 'double', float: 'double', decimal: 'numeric' };

/** JS converting a sequence to a declared type (function conversion rules) and its static shape. */
function converted(js: string, st: SequenceType | undefined, what: string): Code {
  if (!st) return many(js, 'item');
  if (st.type.endsWith('()')) {
    const t: StaticType = st.type === 'item()' ? 'item' : 'node';
    return many(`R.convertNodes(${js}, ${quote(st.type)}, ${quote(st.occurrence)}, ${quote(what)})`, t);
  }
  const call = `R.convertArg(${js}, ${quote(st.type)}, ${quote(st.occurrence)}, ${quote(what)})`;
  const t = STATIC[st.type] ?? 'atomic';
  return st.occurrence === '' ? one(`${call}[0]`, t) : many(call, t);
}

function children(e: Element): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
    else if (n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '' && e.localName !== 'variable') {
      throw new UnsupportedXPathError(`text inside <xsl:${e.localName}> is not supported`);
    }
  }
  return out;
}

function xslChildren(e: Element): Element[] {
  const list = children(e);
  for (const c of list) if (c.namespaceURI !== XSL) throw new UnsupportedXPathError(`<${c.tagName}> inside a function is not supported`);
  return list;
}

/** Declares the schema's functions (name and arity) before any body is compiled: bodies may call each other. */
export function declareFunctions(elements: Element[], g: XPathCodegen): Array<{ element: Element; fn: UserFunction }> {
  return elements.map((element) => {
    const name = element.getAttribute('name') ?? '';
    const [prefix, local] = name.includes(':') ? (name.split(':') as [string, string]) : ['', name];
    if (!prefix) throw new UnsupportedXPathError(`function ${name} has no namespace`);
    const params = xslChildren(element).filter((c) => c.localName === 'param');
    const js = g.cx.fresh(`F_${local.replace(/\W/g, '_')}_`);
    const returns = converted('', parseSequenceType(element.getAttribute('as'), g), name);
    const fn: UserFunction = { js, arity: params.length, returns: { ...returns, js: '' } };
    g.cx.functions.set(`{${g.resolvePrefix(prefix)}}${local}#${params.length}`, fn);
    return { element, fn };
  });
}

/** The JavaScript of one xsl:function: parameters converted by their `as`, the body, the result converted. */
export function compileFunction(element: Element, fn: UserFunction, g: XPathCodegen, globals: Scope): string {
  const name = element.getAttribute('name') ?? '';
  const params = xslChildren(element).filter((c) => c.localName === 'param');
  const vars = new Map(globals.vars);
  const lines: string[] = [];
  const args = params.map((p, i) => {
    const arg = `a${i}`;
    const pname = p.getAttribute('name') ?? '';
    const code = converted(arg, parseSequenceType(p.getAttribute('as'), g), `${name} $${pname}`);
    const local = g.cx.fresh('p');
    lines.push(`const ${local} = ${code.js};`);
    vars.set(pname, { ...code, js: local });
    return arg;
  });
  const scope: Scope = { ...globals, ctx: undefined, ctxType: 'item', pos: undefined, size: undefined, vars };
  const body = xslChildren(element).filter((c) => c.localName !== 'param');
  const result = sequenceConstructor(body, g, scope, lines);
  const st = parseSequenceType(element.getAttribute('as'), g);
  const ret = converted(result, st, `${name} result`);
  return `function ${fn.js}(${args.join(', ')}) { ${lines.join(' ')} return ${ret.js}; }`;
}

/**
 * Compiles instructions producing a sequence; appends statements to `lines` and returns the JS
 * expression of the result (an array).
 */
function sequenceConstructor(instructions: Element[], g: XPathCodegen, scope: Scope, lines: string[]): string {
  const vars = new Map(scope.vars);
  const inner: Scope = { ...scope, vars };
  const outputs: string[] = [];
  for (const ins of instructions) {
    switch (ins.localName) {
      case 'variable': {
        const vname = ins.getAttribute('name') ?? '';
        const local = g.cx.fresh('v');
        const st = parseSequenceType(ins.getAttribute('as'), g);
        let value: string;
        if (ins.hasAttribute('select')) value = seq(g.compile(ins.getAttribute('select')!, inner));
        else if (children(ins).length) {
          const nested: string[] = [];
          const r = sequenceConstructor(xslChildren(ins), g, inner, nested);
          value = `(() => { ${nested.join(' ')} return ${r}; })()`;
        } else {
          value = `[R.textDocument(${quote(ins.textContent ?? '')})]`;
        }
        const code = st ? converted(value, st, `$${vname}`) : many(value, 'item');
        lines.push(`const ${local} = ${code.js};`);
        vars.set(vname, { ...code, js: local });
        break;
      }
      case 'sequence':
        outputs.push(seq(g.compile(requiredSelect(ins), inner)));
        break;
      case 'choose': {
        const out = g.cx.fresh('o');
        lines.push(`let ${out};`);
        const branches = xslChildren(ins);
        branches.forEach((b, i) => {
          const nested: string[] = [];
          const r = sequenceConstructor(xslChildren(b), g, inner, nested);
          const block = `{ ${nested.join(' ')} ${out} = ${r}; }`;
          if (b.localName === 'when') {
            const test = ebv(g.compile(b.getAttribute('test') ?? 'false()', inner));
            lines.push(`${i ? 'else ' : ''}if (${test}) ${block}`);
          } else if (b.localName === 'otherwise') {
            lines.push(`else ${block}`);
          } else throw new UnsupportedXPathError(`<xsl:${b.localName}> inside xsl:choose`);
        });
        if (!branches.some((b) => b.localName === 'otherwise')) lines.push(`else { ${out} = []; }`);
        outputs.push(out);
        break;
      }
      case 'if': {
        const out = g.cx.fresh('o');
        const nested: string[] = [];
        const r = sequenceConstructor(xslChildren(ins), g, inner, nested);
        const test = ebv(g.compile(ins.getAttribute('test') ?? 'false()', inner));
        lines.push(`let ${out} = []; if (${test}) { ${nested.join(' ')} ${out} = ${r}; }`);
        outputs.push(out);
        break;
      }
      default:
        throw new UnsupportedXPathError(`<xsl:${ins.localName}> inside a function is not supported`);
    }
  }
  if (outputs.length === 0) return '[]';
  if (outputs.length === 1) return outputs[0]!;
  return `[${outputs.map((o) => `...${o}`).join(', ')}]`;
}

function requiredSelect(e: Element): string {
  const select = e.getAttribute('select');
  if (!select) throw new UnsupportedXPathError(`<xsl:${e.localName}> without @select`);
  return select;
}
