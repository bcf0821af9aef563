import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRelease } from '../../src/validation/rules/rule-release.js';
import { RulesCompiler } from '../../src/validation/compiled/rules-compiler.js';
import { prepareRelease, type EngineKind, type PreparedRelease } from '../../src/validation/rules/prepared-release.js';
import { SefCompiler } from '../../src/validation/schematron/sef-compiler.js';
import { transactionRegistry } from '../../src/peppol/index.js';

const sharedDir = path.resolve(process.cwd(), '../shared');
export const conformanceDir = path.join(sharedDir, 'conformance');
export const hasConformance = existsSync(path.join(conformanceDir, 'unit', 'expectations.json'));
export const SKIP_MESSAGE = `../shared/conformance is absent (${conformanceDir}): conformance tests skipped`;

export const shippedReleaseDir = path.resolve(process.cwd(), 'schemas/peppol-poacc/2025.11');
export const ublSchemaDir = path.resolve(process.cwd(), 'schemas/ubl-2.1');
/** Compiled stylesheets are reused between runs: they are keyed by the hash of their source. */
export const sefCacheDir = path.join(os.tmpdir(), 'peppol-ap-test-sef-cache');
export const IN_SCOPE = ['T77', 'T19', 'T58', 'T01', 'T76'] as const;

const compilers = {
  sef: new SefCompiler({ cacheDir: sefCacheDir, timeoutMs: 180_000 }),
  rules: new RulesCompiler({ cacheDir: sefCacheDir }),
};

export async function prepareShipped(only: readonly string[] = IN_SCOPE, engine: EngineKind = 'compiled'): Promise<PreparedRelease> {
  const release = await readRelease(shippedReleaseDir, transactionRegistry);
  return prepareRelease(release, compilers, engine, only);
}
