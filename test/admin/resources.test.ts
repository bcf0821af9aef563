import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/queue/queues.js';
import { type AdminApi, call, startAdminApi } from './support.js';

const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;

describe('admin API: keys, audit, queues, participants, certificates, rules', () => {
  let api: AdminApi;
  let redis: Redis;
  let prefix: string;

  beforeAll(async () => {
    api = await startAdminApi();
    prefix = process.env.QUEUE_PREFIX!;
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await redis?.quit();
    await api?.stop();
  });

  it('creates a key shown once and stored only as a hash, lists and revokes keys, never the last admin', async () => {
    const res = await call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ role: 'operator', label: 'night shift' }) });
    expect(res.status).toBe(201);
    const created = await json<{ id: string; key: string; role: string; createdBy: string }>(res);
    expect(created.key).toMatch(new RegExp(`^pap_${created.id}_`));
    const [stored] = await api.database.query<{ key_hash: string }>(`SELECT key_hash FROM admin_api_keys WHERE id = $1`, [created.id]);
    expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await api.database.query(`SELECT * FROM admin_api_keys`))).not.toContain(created.key);
    const listed = await json<{ data: Array<{ id: string; key?: string }> }>(await call(api, '/admin/keys', { key: api.keys.admin }));
    expect(listed.data.map((k) => k.id)).toContain(created.id);
    expect(listed.data.every((k) => k.key === undefined)).toBe(true);

    const invalid = await call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ role: 'superuser' }) });
    expect(invalid.status).toBe(422);
    expect((await json<{ errors: Array<{ in: string; field: string }> }>(invalid)).errors[0]).toMatchObject({ in: 'body', field: 'role' });
    const malformed = await call(api, '/admin/keys', { method: 'POST', key: api.keys.admin, body: '{"role":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);

    const adminId = (await json<{ id: string }>(await call(api, '/admin/keys/me', { key: api.keys.admin }))).id;
    const last = await call(api, `/admin/keys/${adminId}`, { method: 'DELETE', key: api.keys.admin });
    expect(last.status).toBe(409);
    expect((await call(api, `/admin/keys/${created.id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(200);
    expect((await call(api, `/admin/keys/${created.id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(404);
  });

  it('records every state-changing call with who, what, before and after; the trail cannot be changed', async () => {
    await call(api, '/admin/queues/catalogue/pause', { method: 'POST', key: api.keys.operator });
    await call(api, '/admin/queues/catalogue/resume', { method: 'POST', key: api.keys.operator });
    const me = await json<{ id: string }>(await call(api, '/admin/keys/me', { key: api.keys.operator }));
    const page = await json<{ data: Array<Record<string, unknown>> }>(await call(api, `/admin/audit?keyId=${me.id}&target=queue:catalogue`, { key: api.keys.viewer }));
    expect(page.data).toHaveLength(2);
    expect(page.data[0]).toMatchObject({
      keyId: me.id,
      role: 'operator',
      method: 'POST',
      route: '/admin/queues/:queue/resume',
      path: '/admin/queues/catalogue/resume',
      status: 200,
      before: { isPaused: true },
      after: { isPaused: false },
    });
    expect(page.data[1]).toMatchObject({ route: '/admin/queues/:queue/pause', before: { isPaused: false }, after: { isPaused: true } });
    const paged = await json<{ data: unknown[]; nextCursor: string }>(await call(api, '/admin/audit?limit=1', { key: api.keys.viewer }));
    expect(paged.data).toHaveLength(1);
    const next = await json<{ data: Array<{ id: string }> }>(await call(api, `/admin/audit?limit=1&cursor=${paged.nextCursor}`, { key: api.keys.viewer }));
    expect(next.data[0]!.id).not.toBe((paged.data[0] as { id: string }).id);

    // Refused calls are recorded too, with their status; reads are not.
    await call(api, '/admin/queues/inbound/failed/nope/retry', { method: 'POST', key: api.keys.operator });
    const refused = await json<{ data: Array<{ status: number }> }>(await call(api, '/admin/audit?target=job:inbound/nope', { key: api.keys.viewer }));
    expect(refused.data.map((r) => r.status)).toEqual([409]);
    expect((await api.database.query(`SELECT 1 FROM admin_audit WHERE method = 'GET'`)).length).toBe(0);

    await expect(api.database.query(`UPDATE admin_audit SET status = 200`)).rejects.toThrow(/append-only/);
    await expect(api.database.query(`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);
    await expect(api.database.query(`TRUNCATE admin_audit`)).rejects.toThrow(/append-only/);
    expect((await call(api, '/admin/audit/1', { method: 'DELETE', key: api.keys.admin })).status).toBe(404);
  });

  it('shows queue counts, pauses and resumes, and retries or discards failed jobs', async () => {
    const name = 'maintenance';
    const producer = new Queue(name, { connection: redis, prefix });
    const worker = new Worker(name, async () => { throw new Error('reconcile exploded'); }, { connection: redis.duplicate(), prefix });
    const failed = new Promise<void>((resolve) => { let n = 0; worker.on('failed', () => ++n === 2 && resolve()); });
    await producer.add(name, { task: 'reconcile' }, { jobId: 'maintenance.reconcile.a', attempts: 1 });
    await producer.add(name, { task: 'reconcile' }, { jobId: 'maintenance.reconcile.b', attempts: 1 });
    await failed;
    await worker.close();

    const queues = await json<{ data: Array<{ name: string; counts: { failed: number } }> }>(await call(api, '/admin/queues', { key: api.keys.viewer }));
    expect(queues.data.map((q) => q.name)).toEqual(Object.values(QUEUES));
    expect(queues.data.find((q) => q.name === name)!.counts.failed).toBe(2);
    const dead = await json<{ data: Array<{ id: string; error: string; attempts: number }> }>(await call(api, `/admin/queues/${name}/failed`, { key: api.keys.viewer }));
    expect(dead.data.map((j) => j.id).sort()).toEqual(['maintenance.reconcile.a', 'maintenance.reconcile.b']);
    expect(dead.data[0]).toMatchObject({ error: 'reconcile exploded', attempts: 1 });

    const retried = await call(api, `/admin/queues/${name}/failed/maintenance.reconcile.a/retry`, { method: 'POST', key: api.keys.operator });
    expect(retried.status).toBe(200);
    expect(await (await producer.getJob('maintenance.reconcile.a'))!.getState()).toBe('waiting');
    expect((await call(api, `/admin/queues/${name}/failed/maintenance.reconcile.a`, { method: 'DELETE', key: api.keys.operator })).status).toBe(409);
    expect((await call(api, `/admin/queues/${name}/failed/maintenance.reconcile.b`, { method: 'DELETE', key: api.keys.operator })).status).toBe(204);
    expect(await producer.getJob('maintenance.reconcile.b')).toBeUndefined();

    expect((await json<{ isPaused: boolean }>(await call(api, `/admin/queues/${name}/pause`, { method: 'POST', key: api.keys.operator }))).isPaused).toBe(true);
    expect(await producer.isPaused()).toBe(true);
    expect((await json<{ isPaused: boolean }>(await call(api, `/admin/queues/${name}/resume`, { method: 'POST', key: api.keys.operator }))).isPaused).toBe(false);
    expect((await call(api, '/admin/queues/bogus', { key: api.keys.viewer })).status).toBe(400);
    await producer.obliterate({ force: true });
    await producer.close();
  });

  it('serves participants and their document types, and lets an admin change them', async () => {
    const id = '0088:7315458756324';
    const put = await call(api, `/admin/participants/${id}`, { method: 'PUT', key: api.keys.admin, body: JSON.stringify({ name: 'Buyer Org' }) });
    expect(put.status).toBe(200);
    const participant = await json<{ id: string; name: string; documents: Array<{ transaction: string }> }>(put);
    expect(participant).toMatchObject({ id, name: 'Buyer Org' });
    expect(new Set(participant.documents.map((d) => d.transaction))).toEqual(new Set(['T77', 'T19', 'T58', 'T01', 'T76']));
    const types = await json<{ data: unknown[] }>(await call(api, `/admin/participants/${id}/document-types`, { key: api.keys.viewer }));
    expect(types.data).toHaveLength(participant.documents.length);
    const list = await json<{ data: Array<{ id: string }> }>(await call(api, '/admin/participants', { key: api.keys.viewer }));
    expect(list.data.map((p) => p.id)).toContain(id);
    const bad = await call(api, `/admin/participants/${id}`, { method: 'PUT', key: api.keys.admin, body: JSON.stringify({ documents: [{ documentTypeId: 'no-scheme', processId: 'x::y' }] }) });
    expect(bad.status).toBe(422);
    expect((await json<{ errors: Array<{ field: string }> }>(bad)).errors[0]!.field).toBe('documents.0.documentTypeId');
    expect((await call(api, `/admin/participants/${id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(204);
    expect((await call(api, `/admin/participants/${id}`, { key: api.keys.viewer })).status).toBe(404);
    const [audit] = await api.database.query<{ before: { name: string }; after: unknown }>(`SELECT before, after FROM admin_audit WHERE method = 'DELETE' AND target = $1`, [`participant:${id}`]);
    expect(audit).toMatchObject({ before: { name: 'Buyer Org' }, after: null });
  });

  it('shows our certificate with its expiry and the trust store', async () => {
    const ours = await json<{ stage: string; certificate: { subjectCn: string; daysLeft: number; notAfter: string }; expiresSoon: boolean }>(await call(api, '/admin/certificates', { key: api.keys.viewer }));
    expect(ours.stage).toBe('dev');
    expect(ours.certificate.subjectCn).toBeTruthy();
    expect(ours.certificate.daysLeft).toBeGreaterThan(0);
    const trust = await json<{ data: Array<{ purpose: string }> }>(await call(api, '/admin/certificates/trust-store', { key: api.keys.viewer }));
    expect(new Set(trust.data.map((a) => a.purpose))).toEqual(new Set(['root', 'ap-issuer', 'smp-issuer']));
  });

  it('lists rule releases with the active one', async () => {
    const releases = await json<{ data: Array<{ version: string; origin: string; active: boolean }> }>(await call(api, '/admin/rules/releases', { key: api.keys.viewer }));
    expect(releases.data.filter((r) => r.active)).toHaveLength(1);
    expect(releases.data[0]).toMatchObject({ origin: 'shipped' });
  });
});
