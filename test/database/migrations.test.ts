import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabase, EmbeddedDatabaseLockedError } from '../../src/database/embedded-database.js';
import { migrate } from '../../src/database/migrator.js';
import { databaseEngines } from '../support/databases.js';

describe.each(databaseEngines)('database on $name', ({ create }) => {
  it('applies the schema once and is idempotent on restart', async () => {
    const t = await create();
    try {
      expect(await migrate(t.db)).toEqual([]);
      const tables = await t.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
      );
      expect(tables.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['messages', 'message_events', 'message_documents', 'participants', 'schema_migrations']),
      );
    } finally {
      await t.drop();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const t = await create();
    try {
      await expect(
        t.db.transaction(async (tx) => {
          await tx.query(`INSERT INTO participants (id, name) VALUES ('0088:1', 'a')`);
          await tx.query(`INSERT INTO participants (id, name) VALUES ('0088:1', 'duplicate key')`);
        }),
      ).rejects.toThrow();
      expect(await t.db.query(`SELECT * FROM participants`)).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});

describe('embedded database files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across reopen and refuses a second opener while held', async () => {
    const first = await EmbeddedDatabase.open(dir);
    await migrate(first);
    await first.query(`INSERT INTO participants (id, name) VALUES ('0088:7315458756324', 'Buyer')`);
    await expect(EmbeddedDatabase.open(dir)).rejects.toThrow(EmbeddedDatabaseLockedError);
    await first.close();
    const again = await EmbeddedDatabase.open(dir);
    expect(await again.query(`SELECT name FROM participants`)).toEqual([{ name: 'Buyer' }]);
    await again.close();
  });
});
