import { ebv, quote, seq, type Code, type CompileContext, type Scope } from './codegen/code.js';
import { compileFunction, declareFunctions } from './codegen/function-codegen.js';
import { compilePattern } from './codegen/pattern-codegen.js';
import { XPathCodegen } from './codegen/xpath-codegen.js';
import { readSchematron, type Let, type MessagePart, type SchCheck, type SchSchema } from './schematron-source.js';
import { parseXPath, type Expr } from './xpath-ast.js';

/**
 * Turns an official schematron schema into the source of a JavaScript function body
 * `(R) => CompiledRules`: every rule context becomes a matcher with dispatch keys, every rule a
 * function evaluating its lets lazily and its assertions in order. Nothing is written by hand per
 * rule: all of it is derived from the schema's own XPath.
 */
export function compileSchematron(schText: string): string {
  return new SchematronCompiler(readSchematron(schText)).compile();
}

class SchematronCompiler {
  private readonly hoisted: string[] = [];
  private counter = 0;
  private readonly cx: CompileContext;
  private readonly g: XPathCodegen;

  constructor(private readonly schema: SchSchema) {
    this.cx = {
      namespaces: schema.namespaces,
      functions: new Map(),
      keys: new Map(),
      stringSets: new Map(),
      hoist: (prefix, js) => {
        const name = `${prefix}${this.counter++}`;
        this.hoisted.push(`const ${name} = ${js};`);
        return name;
      },
      fresh: (prefix) => `${prefix}${this.counter++}`,
    };
    this.g = new XPathCodegen(this.cx);
  }

  compile(): string {
    // Functions are declared first: global variables may call them, and their bodies may read globals.
    const declared = declareFunctions(this.schema.functions, this.g);
    const globals = this.globals();
    const functions = declared.map(({ element, fn }) => compileFunction(element, fn, this.g, globals.scope));
    const keys = this.keys(globals.scope);
    const patterns = this.schema.patterns.map((p) => {
      const rules = p.rules.map((rule) => {
        const context = compilePattern(rule.context, this.g, { ...globals.scope, ctx: undefined });
        const body = this.ruleBody(rule.lets, rule.checks, globals.scope);
        return `{ context: ${quote(rule.context)}, keys: ${JSON.stringify(context.keys)}, match: ${context.matcher}, run: (ctx, out) => { ${body} } }`;
      });
      return `{ id: ${quote(p.id)}, rules: [\n${rules.join(',\n')}\n] }`;
    });
    return [
      '"use strict";',
      'let G;',
      ...this.hoisted,
      ...functions,
      ...keys,
      `function globals(doc) { const g = {}; ${globals.definitions.join(' ')} return g; }`,
      `return { title: ${quote(this.schema.title)}, patterns: [\n${patterns.join(',\n')}\n], begin(doc) { G = globals(doc); }, end() { G = undefined; } };`,
    ].join('\n');
  }

  /**
   * Schema- and pattern-level lets: evaluated lazily on the document node, once per document;
   * those that do not depend on the document at all, once for good.
   */
  private globals(): { scope: Scope; definitions: string[] } {
    const vars = new Map<string, Code>();
    const scope: Scope = { ctx: 'G.doc', ctxType: 'node', pos: undefined, size: undefined, vars };
    const definitions: string[] = ['g.doc = doc;'];
    const constant = new Set<string>();
    for (const v of this.schema.globals) {
      const ast = parseXPath(v.value);
      const code = this.g.expr(ast, scope);
      if (isConstant(ast, constant)) {
        constant.add(v.name);
        const cell = this.cx.fresh('k');
        this.hoisted.push(`let ${cell};`);
        const getter = this.cx.hoist('gc', `() => (${cell} === undefined ? (${cell} = ${code.js}) : ${cell})`);
        const variable = { ...code, js: `${getter}()` };
        vars.set(v.name, variable);
        if (code.t === 'string' && !code.one) {
          const setCell = this.cx.fresh('ks');
          this.hoisted.push(`let ${setCell};`);
          this.cx.stringSets.set(v.name, { variable, set: `(${setCell} ??= new Set(${getter}()))` });
        }
      } else {
        const field = this.cx.fresh('gv');
        definitions.push(`let ${field}; g.${field} = () => (${field} === undefined ? (${field} = ${code.js}) : ${field});`);
        vars.set(v.name, { ...code, js: `G.${field}()` });
      }
    }
    return { scope, definitions };
  }

  private keys(scope: Scope): string[] {
    return this.schema.keys.map((k) => {
      const pattern = compilePattern(k.match, this.g, { ...scope, ctx: undefined });
      const use = this.g.compile(k.use, { ...scope, ctx: 'n', ctxType: 'node' });
      const name = this.cx.fresh('key');
      this.cx.keys.set(k.name, name);
      return `const ${name} = (doc, values) => R.keyLookup(doc, ${quote(k.name)}, ${pattern.matcher}, (n) => ${seq(use)}, values);`;
    });
  }

  private ruleBody(lets: readonly Let[], checks: readonly SchCheck[], globals: Scope): string {
    const vars = new Map(globals.vars);
    const scope: Scope = { ...globals, ctx: 'ctx', ctxType: 'node', vars };
    const lines: string[] = [];
    for (const l of lets) {
      const code = this.g.compile(l.value, scope);
      const cell = this.cx.fresh('l');
      lines.push(`let ${cell}; const ${cell}f = () => (${cell} === undefined ? (${cell} = ${code.js}) : ${cell});`);
      vars.set(l.name, { ...code, js: `${cell}f()` });
    }
    for (const check of checks) {
      const test = ebv(this.g.compile(check.test, scope));
      const condition = check.kind === 'assert' ? `!(${test})` : test;
      const fired = `{ id: ${quote(check.id)}, flag: ${quote(flagOf(check.flag))}, location: R.location(ctx), text: ${this.message(check.message, scope)} }`;
      lines.push(`if (${condition}) out.push(${fired});`);
    }
    return lines.join('\n');
  }

  /** The assertion text as the SVRL carries it, whitespace-normalized. */
  private message(parts: readonly MessagePart[], scope: Scope): string {
    if (parts.every((p) => 'text' in p)) {
      return quote(normalize(parts.map((p) => (p as { text: string }).text).join('')));
    }
    const pieces = parts.map((p) => {
      if ('text' in p) return quote(p.text);
      if ('select' in p) return `R.valueOfText(${seq(this.g.compile(p.select, scope))})`;
      const path = (p as { name: string | undefined }).name;
      return path === undefined ? 'R.name([ctx])' : `R.name(${seq(this.g.compile(path, scope))})`;
    });
    return `R.normalizeSpace(${pieces.join(' + ')})`;
  }
}

function flagOf(flag: string | undefined): string {
  return flag === 'warning' || flag === 'information' ? flag : 'fatal';
}

function normalize(s: string): string {
  return s.replace(/[ \t\n\r]+/g, ' ').trim();
}

/** Whether an expression's value cannot depend on the document (no paths, no context, no functions of it). */
function isConstant(e: Expr, constants: ReadonlySet<string>): boolean {
  const CONTEXTUAL = new Set(['position', 'last', 'key', 'root', 'name', 'local-name', 'namespace-uri', 'string', 'normalize-space', 'number', 'string-length']);
  const walk = (x: Expr): boolean => {
    switch (x.k) {
      case 'literal':
        return true;
      case 'var':
        return constants.has(x.name);
      case 'context':
      case 'path':
      case 'filter':
        return false;
      case 'call':
        if (x.prefix !== '' && x.prefix !== 'xs') return false;
        if (x.args.length === 0 && CONTEXTUAL.has(x.name)) return false;
        if (x.name === 'key' || x.name === 'root') return false;
        return x.args.every(walk);
      case 'binary':
        return walk(x.left) && walk(x.right);
      case 'negate':
        return walk(x.operand);
      case 'if':
        return walk(x.cond) && walk(x.then) && walk(x.else);
      case 'sequence':
        return x.items.every(walk);
      case 'cast':
        return walk(x.arg);
      default:
        return false;
    }
  };
  return walk(e);
}

