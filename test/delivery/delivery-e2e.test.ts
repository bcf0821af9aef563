import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventIdFor } from '../../src/delivery/delivery.service.js';
import type { StoredAttempt } from '../../src/delivery/deliveries/delivery.model.js';
import { webhookIdForEvent } from '../../src/delivery/webhook/signer.js';
import type { StoredEvent } from '../../src/sample-oms/event-store.js';
import { SupplierEvents } from '../../src/delivery/supplier-events.js';
import { parseCart } from '../../src/punchout/cart.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { sbdAround } from '../support/as4-client.js';
import { control, startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { runToExit, startProcess, type RunningProcess } from '../support/processes.js';
import { createOrderMessage, deliveryServices, eventually, REDIS_URL, uniquePrefix } from './support.js';

const SUPPLIER = '0192:987654325';
const BUYER = '0192:123456785';

/**
 * The delivery stage end to end over real HTTP: a worker process built from dist/ (real Redis and
 * PostgreSQL) delivers orders to the sample OMS, which verifies every signature. Retries run on a
 * short schedule (1 s, 2 s, 3 s, no jitter).
 */
describe('order delivery to the sample OMS through a worker process', () => {
  let t: TestDatabase;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let oms: RunningOms;
  let worker: RunningProcess;
  let s: ReturnType<typeof deliveryServices>;
  let routeId: string;
  let orders = 0;
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    folder = await tempDir('delivery-e2e-');
    const prefix = uniquePrefix('delivery');
    s = deliveryServices(t.db, folder.dir, prefix);
    await s.blobs.init();
    oms = await startOms({ dataDir: `${folder.dir}/oms` });
    await s.participants.upsert(SUPPLIER, { name: 'ABC Supplier Ltd.' });
    routeId = (await s.routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: `${oms.url}/webhooks`, secret: oms.secret, timeoutMs: 2_000 })).route.id;
    cliEnv = { DATABASE_URL: t.url, DATA_DIR: folder.dir, REDIS_URL, QUEUE_PREFIX: prefix };
    worker = await startProcess('worker.js', {
      ...(await devPkiEnv()),
      ...cliEnv,
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_RETRY_DELAYS_S: '1,2,3',
      WEBHOOK_RETRY_JITTER_PERCENT: '0',
      WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
    });
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await s?.close();
    await oms?.server.stop();
    await t?.drop();
    await folder?.remove();
  });

  async function order(): Promise<{ messageId: string; webhookId: string }> {
    orders += 1;
    const messageId = await createOrderMessage(s, { orderId: `PO-E2E-${orders}`, supplier: SUPPLIER, buyer: BUYER });
    // As the punch-out job hands over an order after a crash: read back from the store (the worker makes the attempts).
    await s.service.orderCreated(messageId);
    return { messageId, webhookId: webhookIdForEvent(eventIdFor('order.created', messageId)) };
  }

  const state = async (messageId: string) => (await s.messages.get(messageId)).state;
  const settled = (messageId: string, wanted: string, timeoutMs = 15_000) =>
    eventually(async () => ((await state(messageId)) === wanted ? wanted : undefined), timeoutMs, `${messageId} to be ${wanted}`);
  async function attemptsOf(messageId: string): Promise<StoredAttempt[]> {
    const [delivery] = await s.deliveries.forMessage(messageId);
    return delivery ? s.deliveries.attempts(delivery.id) : [];
  }
  async function storedAt(id: string): Promise<StoredEvent[]> {
    const events = (await (await fetch(`${oms.url}/events?limit=1000`)).json()) as StoredEvent[];
    return events.filter((e) => e.webhookId === id);
  }

  it('delivers an order the OMS verifies, and moves the order created → delivering → delivered', async () => {
    const { messageId, webhookId } = await order();
    await settled(messageId, 'delivered');
    const [stored] = await storedAt(webhookId);
    expect(stored).toMatchObject({ type: 'order.created', data: { messageId, order: { id: `PO-E2E-${orders}` } } });
    expect((stored!.data as { ublXml: string }).ublXml).toContain(`<cbc:ID>PO-E2E-${orders}</cbc:ID>`);
    expect((await s.messages.timeline(messageId)).map((e) => e.toState)).toEqual(['created', 'delivering', 'delivered']);
    expect(await attemptsOf(messageId)).toEqual([expect.objectContaining({ generation: 1, number: 1, status: 200, verdict: 'delivered' })]);
    // asking again for the same order is the same event: nothing new is sent
    await s.service.orderCreated(messageId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await storedAt(webhookId)).toHaveLength(1);
    expect(await s.deliveries.forMessage(messageId)).toHaveLength(1);
  });

  it('retries while the OMS refuses connections and delivers exactly once by webhook-id when it is back', async () => {
    await control(oms.url, { mode: 'down', forMs: 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { messageId, webhookId } = await order();
    await settled(messageId, 'delivered');
    const attempts = await attemptsOf(messageId);
    expect(attempts[0]).toMatchObject({ networkError: 'connection-refused', verdict: 'retry', status: null });
    expect(attempts.at(-1)).toMatchObject({ status: 200, verdict: 'delivered' });
    expect(await storedAt(webhookId)).toHaveLength(1);
    await control(oms.url, { mode: 'ok' });
  });

  it('retries three 500 answers and then delivers', async () => {
    await control(oms.url, { mode: 'fail-500', count: 3 });
    const { messageId, webhookId } = await order();
    await settled(messageId, 'delivered', 20_000);
    const attempts = await attemptsOf(messageId);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
    const gaps = attempts.slice(1).map((a, i) => Date.parse(a.attemptedAt) - Date.parse(attempts[i]!.attemptedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[2]).toBeGreaterThanOrEqual(2_900);
    expect(await storedAt(webhookId)).toHaveLength(1);
  });

  it('fails at once on 400 without further retries, and a replay delivers with the same webhook-id', async () => {
    const injectedBefore = ((await (await fetch(`${oms.url}/_control`)).json()) as { injected: number }).injected;
    await control(oms.url, { mode: 'fail-400', count: 1 });
    const { messageId, webhookId } = await order();
    await settled(messageId, 'delivery-failed');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await attemptsOf(messageId)).toEqual([expect.objectContaining({ status: 400, verdict: 'failed', reason: 'HTTP 400: rejected by the endpoint' })]);
    expect(await (await fetch(`${oms.url}/_control`)).json()).toMatchObject({ injected: injectedBefore + 1 });
    expect(await storedAt(webhookId)).toHaveLength(0);
    const [failed] = await s.deliveries.forMessage(messageId);
    expect(failed).toMatchObject({ state: 'failed', webhookId, lastError: 'HTTP 400: rejected by the endpoint' });

    // the OMS is fixed; an operator replays the delivery
    const replayed = await runToExit('cli/main.js', cliEnv, ['replay', 'delivery', failed!.id]);
    expect(replayed).toMatchObject({ code: 0 });
    expect(replayed.stdout).toContain(`replaying delivery ${failed!.id} (order.created, ${webhookId}), run 2`);
    const unknown = await runToExit('cli/main.js', cliEnv, ['replay', 'delivery', '6c0b1a2e-0000-4000-8000-000000000000']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'peppol-ap: no delivery 6c0b1a2e-0000-4000-8000-000000000000\n' });
    await settled(messageId, 'delivered');
    expect(await storedAt(webhookId)).toHaveLength(1);
    expect(await attemptsOf(messageId)).toEqual([
      expect.objectContaining({ generation: 1, number: 1, status: 400 }),
      expect.objectContaining({ generation: 2, number: 1, status: 200 }),
    ]);
    expect((await s.messages.timeline(messageId)).map((e) => e.toState)).toEqual(['created', 'delivering', 'delivery-failed', 'delivering', 'delivered']);
  });

  it('gives up after the schedule, marks the order delivery-failed and raises message.failed', async () => {
    await control(oms.url, { mode: 'fail-503', count: 4 });
    const { messageId, webhookId } = await order();
    await settled(messageId, 'delivery-failed', 20_000);
    expect((await attemptsOf(messageId)).map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(await storedAt(webhookId)).toHaveLength(0);
    const alert = await eventually(
      async () => {
        const events = (await (await fetch(`${oms.url}/events?type=message.failed`)).json()) as StoredEvent[];
        return events.find((e) => (e.data as { messageId: string }).messageId === messageId);
      },
      10_000,
      'the message.failed alert',
    );
    expect(alert.data).toMatchObject({ direction: 'outbound', stage: 'delivery', error: { code: 'delivery-failed' } });
    expect((alert.data as { error: { message: string } }).error.message).toMatch(/gave up after 4 attempts; last: HTTP 503/);

    // an operator replays everything failed on the route in the last minute: delivered, same webhook-id
    const now = Date.now();
    const bad = await runToExit('cli/main.js', cliEnv, ['replay', 'endpoint', routeId, '--from', 'yesterday', '--to', new Date(now).toISOString()]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toMatch(/--from must be an ISO 8601/);
    const replay = await runToExit('cli/main.js', cliEnv, [
      'replay', 'endpoint', routeId, '--from', new Date(now - 60_000).toISOString(), '--to', new Date(now + 1_000).toISOString(), '--json',
    ]);
    expect(replay).toMatchObject({ code: 0, stderr: '' });
    const [delivery] = await s.deliveries.forMessage(messageId);
    expect((JSON.parse(replay.stdout) as { replayed: string[] }).replayed).toContain(delivery!.id);
    await settled(messageId, 'delivered');
    expect(await storedAt(webhookId)).toHaveLength(1);
  });

  it('tells the OMS about a received cart, as the punch-out job reports the cart it has read', async () => {
    const [scheme, value] = SUPPLIER.split(':') as [string, string];
    const cartXml = buildCartXml(sampleCart(4, { id: 'CART-E2E', provider: { endpoint: { schemeId: scheme, value }, name: 'ABC Supplier Ltd.' } }));
    const sbd = await s.blobs.put(sbdAround(Buffer.from(cartXml), { sender: SUPPLIER, receiver: BUYER }));
    const cart = await s.messages.create(
      { direction: 'inbound', kind: 'cart', state: 'received', senderId: SUPPLIER, receiverId: BUYER },
      { actor: 'test', documents: [{ role: 'sbd', sha256: sbd.sha256, mediaType: 'application/xml', size: sbd.size }] },
    );
    await new SupplierEvents(s.service, s.messages, s.blobs, s.clock).cartReceived(cart.id, parseCart(cartXml));
    const webhookId = webhookIdForEvent(eventIdFor('cart.received', cart.id));
    const [event] = await eventually(async () => {
      const found = await storedAt(webhookId);
      return found.length > 0 ? found : undefined;
    }, 10_000, 'cart.received');
    expect(event).toMatchObject({
      type: 'cart.received',
      data: { messageId: cart.id, cartId: 'CART-E2E', lineCount: 4, seller: { endpointId: { scheme, value } }, buyer: { endpointId: { scheme: '0192', value: '123456785' } } },
    });
  });
});
