/** Runs SQL; implemented by the database itself and by an open transaction. */
export interface SqlExecutor {
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/**
 * The system of record for message records, timelines, routes and audit. Two engines share one schema:
 * PostgreSQL (DATABASE_URL) and an embedded PostgreSQL-compatible engine in DATA_DIR.
 */
export abstract class Database implements SqlExecutor {
  abstract readonly engine: 'postgres' | 'embedded';
  abstract query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  abstract transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;
}

/** Raised when the database cannot be reached or refused an operation for reasons outside the request. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
