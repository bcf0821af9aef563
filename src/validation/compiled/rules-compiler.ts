import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledRules } from './compiled-rules.js';
import { compileSchematron } from './schematron-compiler.js';
import { SchematronSourceError } from './schematron-source.js';
import { UnsupportedXPathError } from './xpath-ast.js';

export { UnsupportedXPathError };

/** The schematron file could not be read as a schema at all (not a case for another engine). */
class RulesCompileError extends Error {
  override name = 'RulesCompileError';
}

export interface RulesCompilerOptions {
  /** Folder holding compiled rules, named by the hash of their source and of this compiler. */
  cacheDir: string;
}

/**
 * Compiles an official schematron (`.sch`) into JavaScript once: the result is cached under the
 * hash of the schema bytes and of the compiler's own code, so a new release or a new compiler
 * recompiles and an unchanged pair is reused.
 */
export class RulesCompiler {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly options: RulesCompilerOptions) {}

  async compile(schFile: string): Promise<string> {
    const source = await readFile(schFile);
    const hash = createHash('sha256').update(source).update(compilerFingerprint()).digest('hex');
    const target = path.join(this.options.cacheDir, `${path.basename(schFile, path.extname(schFile))}-${hash.slice(0, 24)}.rules.js`);
    const pending = this.inFlight.get(target) ?? this.compileOnce(source.toString('utf8'), schFile, target);
    this.inFlight.set(target, pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(target);
    }
  }

  private async compileOnce(text: string, schFile: string, target: string): Promise<string> {
    if (await exists(target)) return target;
    let code: string;
    try {
      code = compileSchematron(text);
      // Loading it once proves the generated code is well-formed before it is cached.
      new CompiledRules(code);
    } catch (error) {
      if (error instanceof UnsupportedXPathError && !(error instanceof SchematronSourceError)) {
        throw new UnsupportedXPathError(`${path.basename(schFile)}: ${error.message}`);
      }
      throw new RulesCompileError(`cannot compile ${path.basename(schFile)}: ${(error as Error).message}`);
    }
    await mkdir(this.options.cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(partial, code);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return target;
  }
}

let fingerprint: string | undefined;

/** Hash of this compiler's own files, so that cached output of an older compiler is never reused. */
function compilerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(root);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
