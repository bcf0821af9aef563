import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const databaseConfig = defineConfig(
  'database',
  {
    DATABASE_URL: env.url(['postgres', 'postgresql']),
    DATA_DIR: env.dataDir(),
    DATABASE_POOL_SIZE: env.int(10, 1, 200),
    DATABASE_STATEMENT_TIMEOUT_MS: env.int(30_000, 100),
  },
  (v) => ({
    /** Unset: the embedded PostgreSQL-compatible engine keeps its files under DATA_DIR/db. */
    url: v.DATABASE_URL as string | undefined,
    dataDir: v.DATA_DIR,
    poolSize: v.DATABASE_POOL_SIZE,
    statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
  }),
);
