import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction, TransactionRegistry } from '../../peppol/index.js';
import { packageRoot } from '../validation.config.js';

/** A folder holding one official OpenPeppol rule release. */
export interface RuleRelease {
  version: string;
  dir: string;
  /** Transaction id → compiled schematron (`PEPPOLBIS-Txx.xslt`) of this release. */
  stylesheets: Record<string, string>;
  /** Transaction id → schematron source (`PEPPOLBIS-Txx.sch`) of this release. */
  schematrons: Record<string, string>;
  /** Example documents shipped with the release (`examples/**.xml`), checked before it is used. */
  examples: string[];
  /**
   * Transaction id → schematron shipped with the product, not part of any BIS release (MLS):
   * served beside whichever release is active, always compiled by our rules compiler.
   */
  shippedSchematrons: Record<string, string>;
}

export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_DEPTH = 4;
const MAX_FILES = 5_000;

/**
 * Reads a release folder: `VERSION` (its name), the schematron of each known transaction and/or its
 * compiled XSLT found anywhere below it (e.g. `sch/PEPPOLBIS-T77.sch`, `xslt/PEPPOLBIS-T77.xslt`),
 * and `examples/` when present.
 */
export async function readRelease(dir: string, registry: TransactionRegistry): Promise<RuleRelease> {
  const root = path.resolve(dir);
  const version = await readVersion(root);
  const files = await listFiles(root);
  const stylesheets: Record<string, string> = {};
  const schematrons: Record<string, string> = {};
  for (const t of registry.transactions) {
    if (t.shippedRules) continue;
    const xslt = files.find((f) => path.basename(f) === `${t.stylesheet}.xslt`);
    if (xslt) stylesheets[t.id] = xslt;
    const sch = files.find((f) => path.basename(f) === `${t.stylesheet}.sch`);
    if (sch) schematrons[t.id] = sch;
  }
  if (Object.keys(stylesheets).length === 0 && Object.keys(schematrons).length === 0) {
    throw new ReleaseError(`no official rules (PEPPOLBIS-Txx.sch or its compiled PEPPOLBIS-Txx.xslt) in ${root}`);
  }
  const examplesDir = path.join(root, 'examples') + path.sep;
  const examples = files.filter((f) => f.startsWith(examplesDir) && f.toLowerCase().endsWith('.xml')).sort();
  const shippedSchematrons: Record<string, string> = {};
  for (const t of registry.transactions) {
    const sch = shippedSchematronOf(t);
    if (sch) shippedSchematrons[t.id] = sch;
  }
  return { version, dir: root, stylesheets, schematrons, examples, shippedSchematrons };
}

/** The schematron a transaction's row says is shipped with the product, if it is one of those. */
export function shippedSchematronOf(t: Pick<Transaction, 'stylesheet' | 'shippedRules'>): string | undefined {
  return t.shippedRules ? path.resolve(packageRoot, t.shippedRules, `${t.stylesheet}.sch`) : undefined;
}

/** Transactions the release has rules for, in registry order. */
export function releaseTransactions(release: RuleRelease): string[] {
  return [...new Set([...Object.keys(release.stylesheets), ...Object.keys(release.schematrons)])];
}

async function readVersion(root: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path.join(root, 'VERSION'), 'utf8');
  } catch {
    throw new ReleaseError(`${root} has no VERSION file naming the release`);
  }
  const version = text.split('\n')[0]!.trim();
  if (!VERSION_NAME.test(version)) {
    throw new ReleaseError(`VERSION of ${root} must be a release name of letters, digits, '.', '_' or '-': got ${JSON.stringify(version)}`);
  }
  return version;
}

async function listFiles(root: string): Promise<string[]> {
  try {
    if (!(await stat(root)).isDirectory()) throw new ReleaseError(`${root} is not a folder`);
  } catch (error) {
    if (error instanceof ReleaseError) throw error;
    throw new ReleaseError(`cannot read ${root}: ${(error as Error).message}`);
  }
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(full, depth + 1);
      else if (entry.isFile()) out.push(full);
      if (out.length > MAX_FILES) throw new ReleaseError(`${root} holds more than ${MAX_FILES} files: not a rule release`);
    }
  };
  await walk(root, 0);
  return out;
}
