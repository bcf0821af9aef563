import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

class StylesheetCompileError extends Error {
  override name = 'StylesheetCompileError';
}

export interface SefCompilerOptions {
  /** Folder holding compiled stylesheets, named by the hash of their source. */
  cacheDir: string;
  timeoutMs: number;
}

/**
 * Compiles an official XSLT into SaxonJS's SEF form with the `xslt3` compiler, once: the result is
 * cached under the hash of the XSLT bytes and the compiler version, so a new release recompiles and
 * an unchanged one is reused.
 */
export class SefCompiler {
  private readonly xslt3 = require.resolve('xslt3/xslt3.js');
  private readonly version = (require('xslt3/package.json') as { version: string }).version;
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly options: SefCompilerOptions) {}

  async compile(xsltFile: string): Promise<string> {
    const source = await readFile(xsltFile);
    const hash = createHash('sha256').update(source).update(`xslt3@${this.version}`).digest('hex');
    const target = path.join(this.options.cacheDir, `${path.basename(xsltFile, path.extname(xsltFile))}-${hash.slice(0, 24)}.sef.json`);
    const pending = this.inFlight.get(target) ?? this.compileOnce(xsltFile, target);
    this.inFlight.set(target, pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(target);
    }
  }

  private async compileOnce(xsltFile: string, target: string): Promise<string> {
    if (await exists(target)) return target;
    await mkdir(this.options.cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      await run(process.execPath, [this.xslt3, `-xsl:${xsltFile}`, `-export:${partial}`, '-nogo', '-relocate:on'], {
        timeout: this.options.timeoutMs,
        maxBuffer: 4 * 1024 * 1024,
      });
      if (!(await exists(partial))) throw new Error('the compiler wrote no output');
      await rename(partial, target);
      return target;
    } catch (error) {
      await rm(partial, { force: true });
      const e = error as { stderr?: string; killed?: boolean; message: string };
      const detail = e.killed ? `timed out after ${this.options.timeoutMs} ms` : firstLines(e.stderr || e.message);
      throw new StylesheetCompileError(`cannot compile ${path.basename(xsltFile)}: ${detail}`);
    }
  }
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' ').slice(0, 500);
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
