import { XPathError } from './values.js';

const cache = new Map<string, RegExp>();
const MAX_CACHED = 500;

/**
 * Translates an XPath 2.0 regular expression (XML Schema syntax plus anchors) into an equivalent
 * JavaScript one. Constructs whose meaning differs between the two (`\s`, `\d`, `.`) are mapped to
 * explicit classes; those JavaScript cannot express (class subtraction, `\i`, `\c`, block escapes)
 * are refused.
 */
export function xpathRegex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  for (const f of flags) {
    if (f !== 'i' && f !== 's' && f !== 'm') throw new XPathError('FORX0001', `regular expression flag "${f}" is not supported`);
  }
  const regex = new RegExp(translate(pattern, flags.includes('s')), `u${flags.replace('s', '')}`);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, regex);
  return regex;
}

const SINGLE_ESCAPES: Record<string, string> = {
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[^\\p{P}\\p{Z}\\p{C}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
  n: '\\n',
  r: '\\r',
  t: '\\t',
};
const CLASS_ESCAPES: Record<string, string> = {
  s: ' \\t\\n\\r',
  d: '\\p{Nd}',
  w: '\\P{P}',
  n: '\\n',
  r: '\\r',
  t: '\\t',
};
const LITERAL_ESCAPES = new Set(['\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '-', '[', ']', '^', '$']);

function translate(pattern: string, dotAll: boolean): string {
  let out = '';
  let i = 0;
  const refuse = (what: string) => new XPathError('FORX0002', `regular expression ${JSON.stringify(pattern)}: ${what} is not supported`);
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw refuse('a trailing backslash');
      if (SINGLE_ESCAPES[next]) out += SINGLE_ESCAPES[next];
      // `\-` is a literal hyphen; outside a class a JavaScript `u` regex refuses the escape, and needs none.
      else if (next === '-') out += '-';
      else if (LITERAL_ESCAPES.has(next)) out += `\\${next}`;
      else if (next === 'p' || next === 'P') {
        const end = pattern.indexOf('}', i);
        const name = pattern.slice(i + 3, end);
        if (end < 0 || name.startsWith('Is')) throw refuse('a block escape');
        out += pattern.slice(i, end + 1);
        i = end + 1;
        continue;
      } else throw refuse(`the escape \\${next}`);
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) throw refuse('an unclosed character class');
      out += translateClass(pattern.slice(i + 1, end), refuse);
      i = end + 1;
      continue;
    }
    if (ch === '.') {
      out += dotAll ? '[^]' : '[^\\n\\r]';
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function classEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

function translateClass(body: string, refuse: (what: string) => Error): string {
  if (body.includes('-[')) throw refuse('character class subtraction');
  let out = '[';
  let i = 0;
  if (body.startsWith('^')) {
    out += '^';
    i = 1;
  }
  while (i < body.length) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined) throw refuse('a trailing backslash');
      if (CLASS_ESCAPES[next] !== undefined && next !== 'w') out += CLASS_ESCAPES[next];
      else if (LITERAL_ESCAPES.has(next)) out += `\\${next}`;
      else throw refuse(`the escape \\${next} inside a class`);
      i += 2;
      continue;
    }
    if (ch === '[') throw refuse('a nested class');
    out += ch === '/' ? '\\/' : ch;
    i++;
  }
  return `${out}]`;
}
