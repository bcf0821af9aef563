import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { DeliveryError } from '../../src/delivery/delivery.errors.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { ALERT_EVENT_TYPES, PARTICIPANT_EVENT_TYPES } from '../../src/delivery/webhook/events.js';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { databaseEngines, type TestDatabase } from '../support/databases.js';

const SUPPLIER = '0192:810418052';
const ORDER_DOC = transactionRegistry.acceptedDocuments([TRANSACTIONS.order])[0]!.documentTypeId;

class MovableClock extends Clock {
  at = new Date('2026-11-23T10:00:00.000Z');
  override now(): Date {
    return new Date(this.at);
  }
}

async function refused(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe.each(databaseEngines)('routes on $name', ({ create }) => {
  let t: TestDatabase;
  let clock: MovableClock;
  let routes: RouteService;

  // One database per engine (the embedded one is slow to create); every test starts without routes.
  beforeAll(async () => {
    t = await create();
    await new ParticipantRepository(t.db).upsert(SUPPLIER, { name: 'Medical Supplies AS' });
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    await t.db.query('DELETE FROM delivery_route_secrets');
    await t.db.query('DELETE FROM delivery_routes');
    clock = new MovableClock();
    routes = new RouteService(t.db, new RouteRepository(t.db), new ParticipantRepository(t.db), clock, { allowHttp: false }, deliveryConfig.load({}));
  });

  it('creates a webhook route with a generated secret and every event type about documents', async () => {
    const { route, secret } = await routes.create({ kind: 'webhook', supplierId: '0192:810418052', url: 'https://oms.example.com/hooks' });
    expect(route).toMatchObject({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://oms.example.com/hooks', enabled: true, documentTypeId: null });
    expect(route.kind === 'webhook' && route.eventTypes).toEqual(PARTICIPANT_EVENT_TYPES);
    expect(secret).toMatch(/^whsec_/);
    expect(await routes.activeSecrets(route.id)).toEqual([secret]);
    const [view] = await routes.secretViews(route.id);
    expect(view!.hint).not.toContain(secret!.slice(10, 30));
  });

  it('refuses an unknown supplier, naming the field', async () => {
    const error = await refused(routes.create({ kind: 'webhook', supplierId: '0192:999999999', url: 'https://oms.example.com/hooks' }));
    expect(error).toMatchObject({ code: 'unknown-supplier', field: 'supplierId', status: 422 });
    expect(error.message).toContain('0192:999999999');
    const named = await refused(routes.create({ kind: 'webhook', participantId: '0192:999999998', url: 'https://oms.example.com/hooks' }));
    expect(named).toMatchObject({ code: 'unknown-supplier', field: 'participantId' });
  });

  it('takes the participant as participantId or by its alias supplierId, never two different ones', async () => {
    const { route } = await routes.create({ kind: 'webhook', participantId: ' 0192:810418052 ', url: 'https://oms.example.com/hooks' });
    expect(route).toMatchObject({ participantId: SUPPLIER, supplierId: SUPPLIER });
    expect((await routes.list({ participantId: SUPPLIER })).map((r) => r.id)).toEqual([route.id]);
    expect((await routes.list({ supplierId: SUPPLIER })).map((r) => r.id)).toEqual([route.id]);
    const both = await routes.create({ kind: 'as4', participantId: SUPPLIER, supplierId: SUPPLIER });
    expect(both.route.participantId).toBe(SUPPLIER);
    expect(await refused(routes.create({ kind: 'as4', participantId: SUPPLIER, supplierId: '0192:999999999', documentTypeId: null }))).toMatchObject({ code: 'invalid-route', field: 'supplierId' });
    expect(await refused(routes.create({ kind: 'webhook', url: 'https://oms.example.com/hooks' } as never))).toMatchObject({ code: 'invalid-route', field: 'participantId' });
  });

  it('refuses unusable endpoint URLs, saying why', async () => {
    const cases: Array<[string, RegExp]> = [
      ['http://oms.example.com/hooks', /https/],
      ['https://user:pw@oms.example.com/hooks', /credentials/],
      ['https://oms.example.com/hooks#part', /fragment/],
      ['ftp://oms.example.com/hooks', /scheme/],
      ['not a url', /valid absolute URL/],
    ];
    for (const [url, why] of cases) {
      const error = await refused(routes.create({ kind: 'webhook', supplierId: SUPPLIER, url }));
      expect(error).toMatchObject({ code: 'invalid-route', field: 'url', status: 400 });
      expect(error.message).toMatch(why);
    }
  });

  it('refuses bad secrets, event types, document types and unknown fields', async () => {
    const base = { kind: 'webhook' as const, supplierId: SUPPLIER, url: 'https://oms.example.com/hooks' };
    expect(await refused(routes.create({ ...base, secret: 'plain-password' }))).toMatchObject({ field: 'secret' });
    expect(await refused(routes.create({ ...base, eventTypes: ['order.shipped'] }))).toMatchObject({ field: 'eventTypes' });
    expect(await refused(routes.create({ ...base, documentTypeId: 'urn:not-a-doctype' }))).toMatchObject({ field: 'documentTypeId' });
    expect(await refused(routes.create({ ...base, documentTypeId: 'busdox-docid-qns::urn:unknown::Order##x::2.1' }))).toMatchObject({
      field: 'documentTypeId',
    });
    expect(await refused(routes.create({ ...base, timeoutMs: 5 }))).toMatchObject({ field: 'timeoutMs' });
    expect(await refused(routes.create({ ...base, colour: 'blue' } as never))).toMatchObject({ code: 'invalid-route' });
    expect(await refused(routes.create({ kind: 'fax', supplierId: SUPPLIER } as never))).toMatchObject({ code: 'invalid-route' });
    expect(await routes.list()).toEqual([]);
  });

  it('keeps one AS4 route per supplier and document type, the specific one winning over the catch-all', async () => {
    const all = (await routes.create({ kind: 'as4', supplierId: SUPPLIER })).route;
    expect((await refused(routes.create({ kind: 'as4', supplierId: SUPPLIER }))).code).toBe('route-conflict');
    const orders = (await routes.create({ kind: 'as4', supplierId: SUPPLIER, documentTypeId: ORDER_DOC })).route;
    expect((await routes.resolve(SUPPLIER, ORDER_DOC, 'order.created')).as4?.id).toBe(orders.id);
    const catalogueDoc = transactionRegistry.acceptedDocuments([TRANSACTIONS.catalogueResponse])[0]!.documentTypeId;
    expect((await routes.resolve(SUPPLIER, catalogueDoc, 'order.created')).as4?.id).toBe(all.id);
    await routes.update(orders.id, { enabled: false });
    expect((await routes.resolve(SUPPLIER, ORDER_DOC, 'order.created')).as4?.id).toBe(all.id);
  });

  it('resolves webhook routes by event type and document type', async () => {
    const orders = (await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://a.example/h', eventTypes: ['order.created'] })).route;
    const failures = (await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://b.example/h', eventTypes: ['message.failed'] })).route;
    const onlyT58 = (
      await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://c.example/h', documentTypeId: transactionRegistry.acceptedDocuments([TRANSACTIONS.catalogueResponse])[0]!.documentTypeId })
    ).route;
    expect((await routes.resolve(SUPPLIER, ORDER_DOC, 'order.created')).webhooks.map((r) => r.id)).toEqual([orders.id]);
    expect((await routes.resolve(SUPPLIER, ORDER_DOC, 'message.failed')).webhooks.map((r) => r.id)).toEqual([failures.id]);
    expect((await routes.resolve(SUPPLIER, null, 'message.failed')).webhooks.map((r) => r.id)).toEqual([failures.id]);
    expect(onlyT58.documentTypeId).not.toBeNull();
    expect((await routes.resolve('0192:000000000', ORDER_DOC, 'order.created')).webhooks).toEqual([]);
  });

  it('rotates secrets: both sign during the overlap, then only the new one', async () => {
    const old = generateWebhookSecret();
    const { route } = await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://oms.example.com/hooks', secret: old });
    clock.at = new Date('2026-11-23T11:00:00.000Z');
    const { secret: fresh, secrets } = await routes.rotateSecret(route.id, { overlapMs: 3_600_000 });
    expect(secrets).toHaveLength(2);
    expect(secrets.find((s) => s.expiresAt !== null)?.expiresAt).toBe('2026-11-23T12:00:00.000Z');
    expect(await routes.activeSecrets(route.id)).toEqual([fresh, old]);
    clock.at = new Date('2026-11-23T12:00:00.001Z');
    expect(await routes.activeSecrets(route.id)).toEqual([fresh]);
    expect((await refused(routes.rotateSecret(route.id, { secret: 'nope' }))).field).toBe('secret');
  });

  it('updates with the same checks and refuses webhook fields on an AS4 route', async () => {
    const { route } = await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: 'https://oms.example.com/hooks' });
    expect((await refused(routes.update(route.id, { url: 'http://oms.example.com' }))).field).toBe('url');
    const moved = await routes.update(route.id, { url: 'https://oms2.example.com/in', timeoutMs: 2_000, name: 'main OMS' });
    expect(moved).toMatchObject({ url: 'https://oms2.example.com/in', timeoutMs: 2_000, name: 'main OMS' });
    const as4 = (await routes.create({ kind: 'as4', supplierId: SUPPLIER })).route;
    expect((await refused(routes.update(as4.id, { url: 'https://x.example' }))).code).toBe('invalid-route');
    expect((await refused(routes.get('6c0b1a2e-0000-4000-8000-000000000000'))).code).toBe('route-not-found');
    expect((await refused(routes.get('not-a-uuid'))).status).toBe(404);
  });

  it('deletes a route without history', async () => {
    const { route } = await routes.create({ kind: 'as4', supplierId: SUPPLIER });
    await routes.remove(route.id);
    expect(await routes.list({ supplierId: SUPPLIER })).toEqual([]);
    expect((await refused(routes.remove(route.id))).code).toBe('route-not-found');
  });

  it('creates an operator route without a participant, taking the alerts only', async () => {
    const { route, secret } = await routes.create({ kind: 'operator', name: 'on-call', url: 'https://alerts.example.com/in' });
    expect(route).toMatchObject({ kind: 'operator', participantId: null, supplierId: null, documentTypeId: null, name: 'on-call', url: 'https://alerts.example.com/in', enabled: true });
    expect(route.kind === 'operator' && route.eventTypes).toEqual(ALERT_EVENT_TYPES);
    expect(secret).toMatch(/^whsec_/);
    expect(await routes.activeSecrets(route.id)).toEqual([secret]);
    expect((await routes.list({ kind: 'operator' })).map((r) => r.id)).toEqual([route.id]);
    expect((await routes.list()).map((r) => r.id)).toContain(route.id);
    // resolved by alert type, never as a participant's route
    expect((await routes.resolveOperator('alert.queue-backing-up')).map((r) => r.id)).toEqual([route.id]);
    const narrowed = await routes.update(route.id, { eventTypes: ['alert.message-failed'] });
    expect(narrowed.kind === 'operator' && narrowed.eventTypes).toEqual(['alert.message-failed']);
    expect(await routes.resolveOperator('alert.queue-backing-up')).toEqual([]);
    // secrets rotate as for any webhook route
    expect((await routes.rotateSecret(route.id)).secrets).toHaveLength(2);
  });

  it('keeps alerts and document events apart, and an operator route free of participants and document types', async () => {
    expect(await refused(routes.create({ kind: 'operator', url: 'https://alerts.example.com/in', eventTypes: ['order.created'] }))).toMatchObject({ field: 'eventTypes' });
    expect(await refused(routes.create({ kind: 'webhook', participantId: SUPPLIER, url: 'https://oms.example.com/hooks', eventTypes: ['alert.message-failed'] }))).toMatchObject({ field: 'eventTypes' });
    expect(await refused(routes.create({ kind: 'operator', participantId: SUPPLIER, url: 'https://alerts.example.com/in' } as never))).toMatchObject({ code: 'invalid-route' });
    expect(await refused(routes.create({ kind: 'operator', url: 'http://alerts.example.com/in' }))).toMatchObject({ field: 'url' });
    const { route } = await routes.create({ kind: 'operator', url: 'https://alerts.example.com/in' });
    expect(await refused(routes.update(route.id, { documentTypeId: ORDER_DOC }))).toMatchObject({ field: 'documentTypeId' });
    expect(await refused(routes.update(route.id, { eventTypes: ['cart.received'] }))).toMatchObject({ field: 'eventTypes' });
    const webhook = (await routes.create({ kind: 'webhook', participantId: SUPPLIER, url: 'https://oms.example.com/hooks' })).route;
    expect(await refused(routes.update(webhook.id, { eventTypes: ['alert.report-not-sent'] }))).toMatchObject({ field: 'eventTypes' });
    // the database holds the same rule: a participant's route names its participant, an operator route none
    await expect(t.db.query(`UPDATE delivery_routes SET participant_id = NULL WHERE id = $1`, [webhook.id])).rejects.toThrow();
    await expect(t.db.query(`UPDATE delivery_routes SET participant_id = $2 WHERE id = $1`, [route.id, SUPPLIER])).rejects.toThrow();
  });
});
