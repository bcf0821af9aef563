import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../src/admin/http/problem.js';
import type { PurgeReport } from '../../src/retention/retention.service.js';
import { call, startAdminApi, type AdminApi } from '../admin/support.js';
import { retentionParts, seedWorld, SetClock, WORLD_ENV } from './support.js';

describe('admin API: retention preview and purge (API role, real PostgreSQL and Redis)', () => {
  let api: AdminApi;
  beforeAll(async () => {
    api = await startAdminApi(WORLD_ENV as Record<string, string>);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('previews without change (viewer), purges for an operator only, answers problem+json, audits the call and the purge', async () => {
    const clock = new SetClock(new Date());
    const parts = retentionParts(api.database, api.blobs, clock, WORLD_ENV);
    const world = await seedWorld(api.database, api.blobs, clock, parts);
    const purgedIds = Object.values(world.purged).map((m) => m.id).sort();

    const preview = await call(api, '/admin/retention', { key: api.keys.viewer });
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as PurgeReport;
    expect(previewed).toMatchObject({ dryRun: true, purged: { total: 4 } });
    expect(previewed.retentionDays).toMatchObject({ cart: 30, 'order-response': 1, 'message-status': 0 });
    expect(previewed.messages.map((m) => m.id).sort()).toEqual(purgedIds);
    const dry = (await (await call(api, '/admin/retention/purge?dryRun=true', { method: 'POST', key: api.keys.operator })).json()) as PurgeReport;
    expect(dry.purged.total).toBe(4);
    for (const id of purgedIds) expect(await api.messages.find(id)).not.toBeNull();

    const viewer = await call(api, '/admin/retention/purge', { method: 'POST', key: api.keys.viewer });
    expect(viewer.status).toBe(403);
    expect(viewer.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const bad = await call(api, '/admin/retention/purge?dryRun=maybe', { method: 'POST', key: api.keys.operator });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('dryRun');
    for (const id of purgedIds) expect(await api.messages.find(id)).not.toBeNull();

    const done = await call(api, '/admin/retention/purge', { method: 'POST', key: api.keys.operator });
    expect(done.status).toBe(200);
    const report = (await done.json()) as PurgeReport;
    expect(report).toMatchObject({ dryRun: false, purged: { total: 4, byKind: { cart: 1, order: 2, 'order-response': 1 } }, complete: true });
    for (const id of purgedIds) expect(await api.messages.find(id)).toBeNull();
    for (const m of Object.values(world.kept)) expect(await api.messages.find(m.id)).not.toBeNull();

    // The call (who asked, the outcome) and the purge itself (every message that went) are in the trail.
    const me = (await (await call(api, '/admin/keys/me', { key: api.keys.operator })).json()) as { id: string };
    const trail = (await (await call(api, `/admin/audit?target=${encodeURIComponent(`retention-run:${report.runId}`)}`, { key: api.keys.viewer })).json()) as {
      data: Array<{ keyId: string; method: string; route: string; before: { messages?: Array<{ id: string }> } | null; after: unknown }>;
    };
    const callEntry = trail.data.find((a) => a.method === 'POST');
    expect(callEntry).toMatchObject({ keyId: me.id, route: '/admin/retention/purge', after: { dryRun: false, purged: { total: 4 } } });
    const purgeEntries = trail.data.filter((a) => a.route === 'retention:purge');
    expect(purgeEntries.every((a) => a.keyId === me.id)).toBe(true);
    expect(purgeEntries.flatMap((a) => a.before?.messages ?? []).map((m) => m.id).sort()).toEqual(purgedIds);
  });
});
