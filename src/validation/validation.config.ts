import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

/**
 * The package root: the nearest directory above this file holding package.json. This file lives in
 * `src/validation/` (tests), `dist/validation/` (built) or `dist-bench/src/validation/` (benchmarks).
 */
export const packageRoot = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return path.resolve(here, '..', '..');
})();

export const validationConfig = defineConfig(
  'validation',
  {
    DATA_DIR: env.dataDir(),
    /** Installed rule releases, the active marker and compiled stylesheets live here; default `DATA_DIR/rules`. */
    VALIDATION_RULES_DIR: env.optionalString(),
    /** Compiled stylesheets, named by the hash of their source; default `<rules dir>/cache`. */
    VALIDATION_CACHE_DIR: env.optionalString(),
    /** The release shipped with the code, used until another one is installed. */
    // Relative paths are taken from the package root (not the working directory), so defaults are portable.
    VALIDATION_SHIPPED_RULES_DIR: env.string('schemas/peppol-poacc/2025.11'),
    VALIDATION_UBL_SCHEMA_DIR: env.string('schemas/ubl-2.1'),
    /** A release placed here is installed (compiled and checked) at start when not installed yet. */
    VALIDATION_DROPIN_DIR: env.optionalString(),
    /** Worker threads validating documents; 0 validates on the calling thread (tools and tests). */
    VALIDATION_POOL_SIZE: env.int(2, 0, 64),
    VALIDATION_MAX_DOCUMENT_BYTES: env.int(64 * 1024 * 1024, 1024),
    /** Documents from this size on are parsed for the UBL schema in a single-use thread (0: never), see IsolatedDocumentCheck. */
    VALIDATION_ISOLATE_FROM_BYTES: env.int(8 * 1024 * 1024, 0),
    /** Per document; a worker that overruns is stopped and replaced. */
    VALIDATION_TIMEOUT_MS: env.int(600_000, 1_000),
    VALIDATION_WORKER_MAX_HEAP_MB: env.int(2_048, 128),
    VALIDATION_COMPILE_TIMEOUT_MS: env.int(180_000, 1_000),
    /** Transactions whose rules are compiled and served; empty means every known one. */
    VALIDATION_TRANSACTIONS: env.list([]),
    /** Schematron engine: the official rules compiled to JavaScript, or SaxonJS on the official XSLT (the reference). */
    VALIDATION_ENGINE: env.oneOf(['compiled', 'saxonjs'] as const, 'compiled'),
  },
  (v) => {
    const rulesDir = path.resolve(v.VALIDATION_RULES_DIR ?? path.join(v.DATA_DIR, 'rules'));
    return {
      rulesDir,
      cacheDir: path.resolve(v.VALIDATION_CACHE_DIR ?? path.join(rulesDir, 'cache')),
      shippedRulesDir: path.resolve(packageRoot, v.VALIDATION_SHIPPED_RULES_DIR),
      ublSchemaDir: path.resolve(packageRoot, v.VALIDATION_UBL_SCHEMA_DIR),
      dropInDir: v.VALIDATION_DROPIN_DIR ? path.resolve(v.VALIDATION_DROPIN_DIR) : undefined,
      poolSize: v.VALIDATION_POOL_SIZE,
      maxDocumentBytes: v.VALIDATION_MAX_DOCUMENT_BYTES,
      isolateFromBytes: v.VALIDATION_ISOLATE_FROM_BYTES,
      timeoutMs: v.VALIDATION_TIMEOUT_MS,
      workerMaxHeapMb: v.VALIDATION_WORKER_MAX_HEAP_MB,
      compileTimeoutMs: v.VALIDATION_COMPILE_TIMEOUT_MS,
      transactions: v.VALIDATION_TRANSACTIONS.length ? v.VALIDATION_TRANSACTIONS.map((t) => t.toUpperCase()) : undefined,
      engine: v.VALIDATION_ENGINE,
    };
  },
);

export type ValidationConfig = ConfigOf<typeof validationConfig>;
