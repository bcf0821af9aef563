import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Database, type SqlExecutor } from './database.js';

/** Raised when another process already holds the embedded database. */
export class EmbeddedDatabaseLockedError extends Error {
  override name = 'EmbeddedDatabaseLockedError';
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded engine (PGlite: PostgreSQL compiled to WebAssembly) stores its files in DATA_DIR/db.
 * It lives inside one process, so a lock file keeps a second process from opening the same files;
 * running the API and the worker as separate processes needs DATABASE_URL.
 */
export class EmbeddedDatabase extends Database {
  readonly engine = 'embedded' as const;
  private constructor(
    private readonly db: PGlite,
    private readonly lockFile: string | null,
  ) {
    super();
  }

  static async open(dataDir: string | null): Promise<EmbeddedDatabase> {
    if (dataDir === null) return new EmbeddedDatabase(await PGlite.create(), null);
    const dir = path.resolve(dataDir, 'db');
    mkdirSync(dir, { recursive: true });
    const lockFile = path.join(path.resolve(dataDir), 'db.lock');
    EmbeddedDatabase.acquire(lockFile);
    try {
      return new EmbeddedDatabase(await PGlite.create({ dataDir: dir }), lockFile);
    } catch (error) {
      rmSync(lockFile, { force: true });
      throw error;
    }
  }

  private static acquire(lockFile: string): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(lockFile, 'wx');
        writeFileSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(lockFile, 'utf8').trim());
        if (Number.isInteger(holder) && processAlive(holder)) {
          throw new EmbeddedDatabaseLockedError(
            `the embedded database in ${path.dirname(lockFile)} is in use by process ${holder}; ` +
              'run API and worker together (npm start) or set DATABASE_URL to a PostgreSQL server',
          );
        }
        rmSync(lockFile, { force: true }); // left behind by a process that died
      }
    }
    throw new EmbeddedDatabaseLockedError(`cannot take the embedded database lock ${lockFile}`);
  }

  async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.db.query<R>(sql, params)).rows;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (inner) =>
      work({ query: async <R extends object>(sql: string, params: unknown[] = []) => (await inner.query<R>(sql, params)).rows }),
    );
  }

  /** Multi-statement SQL (migrations): the embedded engine runs it in one call. */
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  private closing?: Promise<void>;

  /** Idempotent: several shutdown paths may close the same database. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.db.close();
      if (this.lockFile) rmSync(this.lockFile, { force: true });
    })();
    return this.closing;
  }
}
