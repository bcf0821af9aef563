import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps src/peppol the only place in src (specs aside) where a Peppol transaction id, document type
 * id, process id, customization id or identifier scheme is written. Only string literals count
 * (comments and prose such as "a T01 order" are free): everything else refers to src/peppol.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEPPOL_DIR = path.join(SRC, 'peppol');
const MIGRATIONS_DIR = path.join(SRC, 'database', 'migrations');

/** A string literal that is exactly a BIS transaction id. */
const TRANSACTION_ID = /^T[0-9]{2,3}$/;
/** Peppol identifier schemes and the prefixes of Peppol customization, process and document ids. */
const PEPPOL_STRINGS = [
  'iso6523-actorid-upis',
  'busdox-docid-qns',
  'peppol-doctype-wildcard',
  'cenbii-procid-ubl',
  'peppol-transport-as4',
  'urn:fdc:peppol',
  'urn:peppol:',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    // Migrations are history: what they were written with stays as it was.
    if (entry.isDirectory()) return file === PEPPOL_DIR || file === MIGRATIONS_DIR ? [] : sourceFiles(file);
    return /\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every string literal of a TypeScript file (template literal parts included) with its line. */
function stringLiterals(file: string, text: string): Array<{ line: number; value: string }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Array<{ line: number; value: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, value: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every string of a JSON file with its line. */
function jsonStrings(text: string): Array<{ line: number; value: string }> {
  return text.split('\n').flatMap((row, i) => [...row.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => ({ line: i + 1, value: m[1]! })));
}

/** Cheap first look: a file without any of these cannot offend, so it is not parsed. */
const MAYBE = /T[0-9]{2,3}|iso6523|busdox|peppol-doctype|cenbii|peppol-transport|urn:fdc:peppol|urn:peppol:/i;

/** Offending literals of one file, as `file:line: "value"`. */
function peppolLiteralsIn(file: string, text: string): string[] {
  if (!MAYBE.test(text)) return [];
  const literals = file.endsWith('.json') ? jsonStrings(text) : stringLiterals(file, text);
  return literals
    .filter(({ value }) => TRANSACTION_ID.test(value.trim()) || PEPPOL_STRINGS.some((s) => value.toLowerCase().includes(s)))
    .map(({ line, value }) => `${path.relative(SRC, file)}:${line}: ${JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value)}`);
}

describe('Peppol facts are written only in src/peppol', () => {
  it('finds them in literals, not in comments or prose', () => {
    const sample = [
      "// a T01 order in busdox-docid-qns",
      "const a = 'T77';",
      'const b = `x ${y} urn:fdc:peppol.eu:poacc:trns:order:3 ${z}`;',
      "const c = 'The T01 Order as UBL';",
      "const d = 'PEPPOL-T77-R006';",
      "const e = { scheme: 'ISO6523-ACTORID-UPIS' };",
    ].join('\n');
    expect(peppolLiteralsIn(path.join(SRC, 'sample.ts'), sample).map((s) => s.replace(/^sample\.ts:/, ''))).toEqual([
      '2: "T77"',
      '3: " urn:fdc:peppol.eu:poacc:trns:order:3 "',
      '6: "ISO6523-ACTORID-UPIS"',
    ]);
  });

  it('keeps src/peppol a leaf: it imports nothing from the rest of src', () => {
    const outside = readdirSync(PEPPOL_DIR)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) =>
        [...readFileSync(path.join(PEPPOL_DIR, name), 'utf8').matchAll(/from\s+'(\.[^']*)'/g)]
          .map((m) => m[1]!)
          .filter((target) => !path.resolve(PEPPOL_DIR, target).startsWith(PEPPOL_DIR + path.sep))
          .map((target) => `${name}: ${target}`),
      );
    expect(outside).toEqual([]);
  });

  it('reads the strings of JSON files too', () => {
    expect(peppolLiteralsIn(path.join(SRC, 'table.json'), '{ "id": "T19", "name": "Catalogue" }')).toEqual(['table.json:1: "T19"']);
  });

  it('has none anywhere else in src', () => {
    const offending = sourceFiles(SRC).flatMap((file) => peppolLiteralsIn(file, readFileSync(file, 'utf8')));
    expect(offending, 'write these with the constants of src/peppol').toEqual([]);
  });
});
