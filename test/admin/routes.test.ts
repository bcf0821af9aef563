import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryService } from '../../src/delivery/delivery.service.js';
import { webhookExamples } from '../../src/delivery/webhook/examples.js';
import { OperatorAlerts } from '../../src/delivery/alerts/operator-alerts.js';
import { type AdminApi, call, startAdminApi } from './support.js';

const SUPPLIER = '0088:5798009883964';

/** A loopback OMS endpoint answering with `status`, recording what it received. */
async function endpoint(status: number) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = status;
      res.end(status >= 400 ? 'nope' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('admin API: routes, test-fire, deliveries and replay', () => {
  let api: AdminApi;
  let ok: Awaited<ReturnType<typeof endpoint>>;
  let down: Awaited<ReturnType<typeof endpoint>>;

  beforeAll(async () => {
    api = await startAdminApi({ WEBHOOK_ALLOW_HTTP: 'true' });
    [ok, down] = await Promise.all([endpoint(204), endpoint(503)]);
    expect((await call(api, `/admin/participants/${SUPPLIER}`, { method: 'PUT', key: api.keys.admin, body: JSON.stringify({ name: 'Supplier' }) })).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all([ok?.close(), down?.close()]);
    await api?.stop();
  });

  const createRoute = async (url: string) => {
    const res = await call(api, '/admin/routes', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ kind: 'webhook', supplierId: SUPPLIER, name: 'OMS', url }) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; secret: string; url: string; enabled: boolean };
  };

  it('creates an operator route without a participant, lists it by kind and test-fires it signed', async () => {
    const res = await call(api, '/admin/routes', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ kind: 'operator', name: 'on-call', url: ok.url }) });
    expect(res.status).toBe(201);
    const route = (await res.json()) as { id: string; secret: string; kind: string; participantId: string | null; eventTypes: string[] };
    expect(route).toMatchObject({ kind: 'operator', participantId: null, supplierId: null, documentTypeId: null });
    expect(route.eventTypes.every((t) => t.startsWith('alert.'))).toBe(true);
    expect(route.secret).toMatch(/^whsec_/);
    const listed = (await (await call(api, '/admin/routes?kind=operator', { key: api.keys.viewer })).json()) as { data: Array<{ id: string }> };
    expect(listed.data.map((r) => r.id)).toEqual([route.id]);
    const one = (await (await call(api, `/admin/routes/${route.id}`, { key: api.keys.viewer })).json()) as { secrets: unknown[] };
    expect(one.secrets).toHaveLength(1);
    const fired = (await (await call(api, `/admin/routes/${route.id}/test`, { method: 'POST', key: api.keys.admin, body: '{}' })).json()) as { delivered: boolean };
    expect(fired.delivered).toBe(true);
    const last = ok.received.at(-1)!;
    expect(() => new Webhook(route.secret).verify(last.body, last.headers as Record<string, string>)).not.toThrow();
    // An alert raised goes to the route and is listed once, however often it is raised.
    const alerts = api.app.get(OperatorAlerts, { strict: false });
    const alert = { type: 'alert.queue-backing-up' as const, key: 'queue:outbound:2026-11-23', data: webhookExamples['alert.queue-backing-up'] };
    expect(await alerts.raise(alert)).toMatchObject({ first: true, deliveries: 1 });
    expect(await alerts.raise(alert)).toMatchObject({ first: false, deliveries: 1 });
    const listedAlerts = (await (await call(api, '/admin/alerts', { key: api.keys.viewer })).json()) as { data: Array<{ type: string; condition: string; severity: string }> };
    expect(listedAlerts.data).toEqual([expect.objectContaining({ type: 'alert.queue-backing-up', condition: 'queue:outbound', severity: 'warning' })]);
    // Its delivery to the route is stored and queued like any (the worker sends it: test/alerts).
    const queued = (await (await call(api, `/admin/deliveries?routeId=${route.id}`, { key: api.keys.viewer })).json()) as { data: Array<{ eventType: string; state: string }> };
    expect(queued.data).toEqual([expect.objectContaining({ eventType: 'alert.queue-backing-up', state: 'pending' })]);
    // An operator route names no participant, and takes alerts only.
    const named = await call(api, '/admin/routes', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ kind: 'operator', participantId: SUPPLIER, url: ok.url }) });
    expect(named.status).toBe(422);
    const wrongTypes = await call(api, '/admin/routes', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ kind: 'operator', url: ok.url, eventTypes: ['order.created'] }) });
    expect(wrongTypes.status).toBe(400);
    expect(((await wrongTypes.json()) as { errors?: Array<{ field: string }> }).errors?.[0]?.field).toBe('eventTypes');
    // It has delivered: it can be disabled, not deleted.
    expect((await call(api, `/admin/routes/${route.id}`, { method: 'PATCH', key: api.keys.admin, body: JSON.stringify({ enabled: false }) })).status).toBe(200);
  });

  it('creates, reads, changes and deletes routes; the secret is shown once', async () => {
    const route = await createRoute(ok.url);
    expect(route.secret).toMatch(/^whsec_/);
    const one = (await (await call(api, `/admin/routes/${route.id}`, { key: api.keys.viewer })).json()) as { secret?: string; secrets: Array<{ hint: string }> };
    expect(one.secret).toBeUndefined();
    expect(one.secrets[0]!.hint).not.toBe(route.secret);
    const listed = (await (await call(api, `/admin/routes?supplierId=${SUPPLIER}`, { key: api.keys.viewer })).json()) as { data: Array<{ id: string }> };
    expect(listed.data.map((r) => r.id)).toContain(route.id);

    const patched = await call(api, `/admin/routes/${route.id}`, { method: 'PATCH', key: api.keys.admin, body: JSON.stringify({ name: 'OMS v2', enabled: false }) });
    expect(await patched.json()).toMatchObject({ name: 'OMS v2', enabled: false });
    const invalid = await call(api, `/admin/routes/${route.id}`, { method: 'PATCH', key: api.keys.admin, body: JSON.stringify({ url: 'ftp://x' }) });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('url');
    const unknownSupplier = await call(api, '/admin/routes', { method: 'POST', key: api.keys.admin, body: JSON.stringify({ kind: 'webhook', supplierId: '0088:1', url: ok.url }) });
    expect(unknownSupplier.status).toBe(422);
    expect((await call(api, '/admin/routes', { method: 'POST', key: api.keys.operator, body: '{}' })).status).toBe(403);

    const rotated = (await (await call(api, `/admin/routes/${route.id}/rotate-secret`, { method: 'POST', key: api.keys.admin, body: '{}' })).json()) as { secret: string; secrets: unknown[] };
    expect(rotated.secret).not.toBe(route.secret);
    expect(rotated.secrets).toHaveLength(2);

    expect((await call(api, `/admin/routes/${route.id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(204);
    expect((await call(api, `/admin/routes/${route.id}`, { key: api.keys.viewer })).status).toBe(404);
    const trail = (await (await call(api, `/admin/audit?target=route:${route.id}`, { key: api.keys.viewer })).json()) as { data: Array<{ method: string; before: { name?: string } | null }> };
    expect(trail.data.map((r) => r.method)).toEqual(['DELETE', 'POST', 'PATCH', 'PATCH', 'POST']);
    expect(trail.data[0]!.before).toMatchObject({ name: 'OMS v2' });
  });

  it('test-fires a signed webhook.test event and reports the answer', async () => {
    const route = await createRoute(ok.url);
    const res = await call(api, `/admin/routes/${route.id}/test`, { method: 'POST', key: api.keys.admin, body: JSON.stringify({ note: 'hello' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ delivered: true, status: 204, verdict: 'delivered' });
    const got = ok.received.at(-1)!;
    const event = new Webhook(route.secret).verify(got.body, got.headers as Record<string, string>) as { type: string; data: { note: string; routeId: string } };
    expect(event).toMatchObject({ type: 'webhook.test', data: { note: 'hello', routeId: route.id } });

    const bad = await createRoute(down.url);
    const failed = (await (await call(api, `/admin/routes/${bad.id}/test`, { method: 'POST', key: api.keys.admin, body: '{}' })).json()) as { delivered: boolean; status: number; verdict: string };
    expect(failed).toMatchObject({ delivered: false, status: 503, verdict: 'retry' });
  });

  it('lists deliveries with attempts, replays one, and replays every failure of a route in a time range', async () => {
    const route = await createRoute(down.url);
    const deliveries = api.app.get(DeliveryService, { strict: false });
    const emitted = [];
    for (const key of ['a', 'b']) {
      emitted.push(await deliveries.emit({ type: 'cart.received', data: webhookExamples['cart.received'], supplierId: SUPPLIER, key: `${route.id}-${key}` }));
    }
    const ids = emitted.map((e) => e.deliveries.find((d) => d.routeId === route.id)!.id);
    // As the worker leaves them after the retry schedule ran out.
    await api.database.query(`UPDATE webhook_deliveries SET state = 'failed', failed_at = now(), attempts = 11, last_error = 'HTTP 503' WHERE id = ANY($1::uuid[])`, [ids]);

    const list = (await (await call(api, `/admin/deliveries?routeId=${route.id}&state=failed`, { key: api.keys.viewer })).json()) as { data: Array<{ id: string }> };
    expect(list.data.map((d) => d.id).sort()).toEqual([...ids].sort());
    const one = (await (await call(api, `/admin/deliveries/${ids[0]}`, { key: api.keys.viewer })).json()) as { state: string; lastError: string; attemptLog: unknown[] };
    expect(one).toMatchObject({ state: 'failed', lastError: 'HTTP 503', attemptLog: [] });

    expect((await call(api, `/admin/deliveries/${ids[0]}/replay`, { method: 'POST', key: api.keys.viewer })).status).toBe(403);
    const replayed = await call(api, `/admin/deliveries/${ids[0]}/replay`, { method: 'POST', key: api.keys.operator });
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ id: ids[0], state: 'pending', generation: 2 });
    expect((await call(api, `/admin/deliveries/${ids[0]}/replay`, { method: 'POST', key: api.keys.operator })).status).toBe(409);

    const bad = await call(api, `/admin/routes/${route.id}/replay`, { method: 'POST', key: api.keys.operator, body: JSON.stringify({ from: 'yesterday', to: new Date().toISOString() }) });
    expect(bad.status).toBe(422);
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const all = await call(api, `/admin/routes/${route.id}/replay`, { method: 'POST', key: api.keys.operator, body: JSON.stringify(range) });
    expect(all.status).toBe(200);
    expect(await all.json()).toEqual({ replayed: [ids[1]], skipped: [], more: false });

    // A route with deliveries on record can only be disabled.
    expect((await call(api, `/admin/routes/${route.id}`, { method: 'DELETE', key: api.keys.admin })).status).toBe(409);
  });
});
