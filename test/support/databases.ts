import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/database/database.js';
import { EmbeddedDatabase } from '../../src/database/embedded-database.js';
import type { Migration } from '../../src/database/migrations/index.js';
import { migrate } from '../../src/database/migrator.js';
import { PostgresDatabase } from '../../src/database/postgres-database.js';

/** The PostgreSQL server the tests use (a real one on loopback; never a mock). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Database;
  /** For child processes: a URL whose connections land in this test's own schema. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated schema of its own in the real PostgreSQL server (`migrations`: only these, e.g. to test a later one). */
export async function createPostgresTestDatabase(migrations?: readonly Migration[]): Promise<TestDatabase> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = new PostgresDatabase(TEST_DATABASE_URL, { poolSize: 5, statementTimeoutMs: 30_000, searchPath: schema });
  await migrate(db, migrations);
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** The embedded engine, in memory, migrated. */
export async function createEmbeddedTestDatabase(migrations?: readonly Migration[]): Promise<TestDatabase> {
  const db = await EmbeddedDatabase.open(null);
  await migrate(db, migrations);
  return { db, url: '', drop: () => db.close() };
}

/** Both engines, so a repository test proves the same behaviour on each. */
export const databaseEngines = [
  { name: 'postgres', create: createPostgresTestDatabase },
  { name: 'embedded', create: createEmbeddedTestDatabase },
] as const;
