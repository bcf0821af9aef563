import pg from 'pg';
import { Database, DatabaseUnavailableError, type SqlExecutor } from './database.js';

// Keep int8 and numeric as strings: ids and money must not pass through binary floating point.
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

function wrap(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code && CONNECTION_ERRORS.has(code)) {
    throw new DatabaseUnavailableError(`database unavailable (${code}): ${(error as Error).message}`);
  }
  if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout/i.test(String((error as Error)?.message))) {
    throw new DatabaseUnavailableError(`database unavailable: ${(error as Error).message}`);
  }
  throw error;
}

/** How much longer than the statement timeout the client waits before giving up on a silent connection. */
const QUERY_TIMEOUT_MARGIN_MS = 2_000;

export class PostgresDatabase extends Database {
  readonly engine = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(url: string, options: { poolSize: number; statementTimeoutMs: number; searchPath?: string }) {
    super();
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      connectionTimeoutMillis: 5_000,
      statement_timeout: options.statementTimeoutMs,
      // The server ends a slow statement itself; this bounds the wait when the server or the network hangs.
      query_timeout: options.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      const result = await this.pool.query(sql, params);
      return result.rows as R[];
    } catch (error) {
      return wrap(error);
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      return wrap(error);
    }
    const tx: SqlExecutor = {
      query: async <R extends object>(sql: string, params: unknown[] = []) => {
        try {
          return (await client.query(sql, params)).rows as R[];
        } catch (error) {
          return wrap(error);
        }
      },
    };
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (error instanceof DatabaseUnavailableError) throw error;
      return wrap(error);
    } finally {
      client.release(broken);
    }
  }

  private closing?: Promise<void>;

  /** Idempotent: several shutdown paths may close the same pool. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
