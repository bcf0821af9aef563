import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../src/admin/audit/audit-repository.js';
import { ApiKeyRepository } from '../../src/admin/auth/api-key-repository.js';
import { Clock } from '../../src/common/clock.js';
import { databaseEngines, type TestDatabase } from '../support/databases.js';

const configured = (c: string) => c.repeat(40);

describe.each(databaseEngines)('admin keys and audit on $name', ({ create }) => {
  let t: TestDatabase;
  let keys: ApiKeyRepository;
  let audit: AuditRepository;
  beforeAll(async () => {
    t = await create();
    keys = new ApiKeyRepository(t.db, new Clock());
    audit = new AuditRepository(t.db, new Clock());
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('keeps ADMIN_API_KEYS in step: adds, changes roles, revokes what was removed, leaves other keys alone', async () => {
    const made = await keys.create('admin', { source: 'cli' });
    await keys.syncConfigured([{ role: 'viewer', key: configured('a') }, { role: 'operator', key: configured('b') }]);
    expect((await keys.authenticate(configured('a')))?.role).toBe('viewer');
    await keys.syncConfigured([{ role: 'admin', key: configured('a') }]);
    expect((await keys.authenticate(configured('a')))?.role).toBe('admin');
    expect(await keys.authenticate(configured('b'))).toBeNull();
    expect((await keys.authenticate(made.key))?.id).toBe(made.record.id);
    expect(await keys.authenticate(`${made.key.slice(0, -2)}xx`)).toBeNull();
    expect(await keys.authenticate('')).toBeNull();
  });

  it('appends audit records and refuses to change or remove them', async () => {
    await audit.record({ keyId: 'k', role: 'admin', method: 'POST', route: '/admin/x', path: '/admin/x', target: 't', status: 200, before: { a: 1 }, after: { a: 2 }, correlationId: 'c' });
    const [row] = await audit.list({ limit: 10 });
    expect(row).toMatchObject({ keyId: 'k', before: { a: 1 }, after: { a: 2 }, status: 200 });
    await expect(t.db.query(`UPDATE admin_audit SET status = 500`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);
    expect(await audit.list({ limit: 10 })).toHaveLength(1);
  });
});
