import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUYER, DEMO_SUPPLIER, demoBuyerConfigFile, freshCartXml } from '../../src/demo/scenario.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import type { StoredEvent } from '../../src/sample-oms/event-store.js';
import { startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';
import { sbdAround, sendFromPartner } from '../support/as4-client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { startProcess, type RunningProcess } from '../support/processes.js';
import { deliveryServices, eventually, REDIS_URL, uniquePrefix } from './support.js';

/**
 * The whole path over real HTTP: the partner AP sends a punch-out cart over AS4 to our access point
 * (API and worker in one process), the cart is validated and approved automatically, the order is
 * made and delivered as a signed webhook that the sample OMS verifies.
 */
describe('AS4 cart → order → webhook', () => {
  let t: TestDatabase;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let oms: RunningOms;
  let ap: RunningProcess;
  let pki: DevPki;
  let s: ReturnType<typeof deliveryServices>;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    folder = await tempDir('as4-order-e2e-');
    const prefix = uniquePrefix('as4-order');
    s = deliveryServices(t.db, folder.dir, prefix);
    oms = await startOms({ dataDir: path.join(folder.dir, 'oms') });
    await s.participants.upsert(DEMO_BUYER, { name: 'DEF Customer Ltd.' });
    await s.participants.upsert(DEMO_SUPPLIER, { name: 'ABC Supplier Ltd.' });
    await s.routes.create({ kind: 'webhook', supplierId: DEMO_SUPPLIER, url: `${oms.url}/webhooks`, secret: oms.secret });
    const buyerConfig = path.join(folder.dir, 'buyers.json');
    await writeFile(buyerConfig, JSON.stringify(demoBuyerConfigFile()));
    pki = (await readDevPki(TEST_PKI_DIR))!;
    ap = await startProcess('start-all.js', {
      ...(await devPkiEnv()),
      DATABASE_URL: t.url,
      DATA_DIR: folder.dir,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: '0',
      WORKFLOW_BUYER_CONFIG_FILE: buyerConfig,
      WEBHOOK_ALLOW_HTTP: 'true',
    });
  }, 90_000);

  afterAll(async () => {
    await ap?.stop();
    await s?.close();
    await oms?.server.stop();
    await t?.drop();
    await folder?.remove();
  });

  async function sendCart(cartId: string) {
    const sbd = sbdAround(Buffer.from(freshCartXml(cartId, new Date()), 'utf8'), { sender: DEMO_SUPPLIER, receiver: DEMO_BUYER });
    const sent = await sendFromPartner(`http://127.0.0.1:${ap.port}/as4`, pki, sbd, { sender: DEMO_SUPPLIER, receiver: DEMO_BUYER });
    expect(sent.status).toBe(200);
    return sent;
  }

  const orderFor = (cartId: string) =>
    eventually(
      async () => {
        const events = (await (await fetch(`${oms.url}/events?type=order.created`)).json()) as StoredEvent[];
        return events.find((e) => (e.data as { order: { quotationReference?: string } }).order.quotationReference === cartId);
      },
      40_000,
      `the order of ${cartId} at the OMS`,
    );

  it('delivers the order made from an AS4 cart, verified by the OMS, and records the journey', async () => {
    await sendCart('CART-AS4-1');
    const event = await orderFor('CART-AS4-1');
    const data = event.data as { messageId: string; order: { buyer: unknown; seller: unknown; lines: unknown[] }; ublXml: string; peppol?: unknown };
    expect(data.order.lines).toHaveLength(3);
    expect(data.order.seller).toMatchObject({ endpointId: { scheme: '0192', value: '987654325' } });
    expect(data.ublXml).toContain('<cbc:ID>CART-AS4-1</cbc:ID>');
    const order = await eventually(
      async () => {
        const m = await s.messages.get(data.messageId);
        return m.state === 'delivered' ? m : undefined;
      },
      10_000,
      'the order to be delivered',
    );
    const cart = await s.messages.get(order.relatedMessageId!);
    const cartStates = (await s.messages.timeline(cart.id)).map((e) => e.toState);
    expect(cartStates).toEqual(expect.arrayContaining(['received', 'validated', 'approved', 'order-created']));
    expect((await s.messages.timeline(order.id)).map((e) => e.toState)).toEqual(['created', 'delivering', 'delivered']);
    // the OMS also heard that the cart arrived
    const received = (await (await fetch(`${oms.url}/events?type=cart.received`)).json()) as StoredEvent[];
    expect(received.map((e) => e.data)).toContainEqual(expect.objectContaining({ messageId: cart.id, cartId: 'CART-AS4-1', lineCount: 3 }));
  });

  it('reports a cart once, also when its punch-out job runs again after the order was made', async () => {
    await sendCart('CART-AS4-2');
    const { messageId } = (await orderFor('CART-AS4-2')).data as { messageId: string };
    const cartId = (await s.messages.get(messageId)).relatedMessageId!;
    const cartEvents = async () =>
      ((await (await fetch(`${oms.url}/events?type=cart.received`)).json()) as StoredEvent[]).filter((e) => (e.data as { messageId: string }).messageId === cartId);
    await eventually(async () => ((await cartEvents()).length > 0 ? true : undefined), 10_000, 'cart.received of CART-AS4-2');
    const [first] = await s.deliveries.forMessage(cartId);
    const runAgain = async (stage: string) => {
      // As a retry, a restarted worker or the reconciler runs it: the cart is order-created already.
      const jobId = jobIdFor(QUEUES.punchout, cartId, stage);
      await s.queue.enqueue(QUEUES.punchout, { messageId: cartId }, { jobId });
      await eventually(async () => ((await s.queue.jobStatus(QUEUES.punchout, jobId)) === 'completed' ? true : undefined), 20_000, `punch-out job ${stage}`);
    };

    await runAgain('again');
    expect(await s.deliveries.forMessage(cartId)).toEqual([expect.objectContaining({ id: first!.id, eventType: 'cart.received', generation: 1 })]);

    // A report lost with the job that made it (the worker died before it was stored) is made by the next run.
    await t.db.query(`DELETE FROM webhook_delivery_attempts WHERE delivery_id = $1`, [first!.id]);
    await t.db.query(`DELETE FROM webhook_deliveries WHERE id = $1`, [first!.id]);
    await t.db.query(`DELETE FROM webhook_events WHERE id = $1`, [first!.eventId]);
    await runAgain('after-loss');
    const [remade] = await s.deliveries.forMessage(cartId);
    expect(remade).toMatchObject({ eventId: first!.eventId, webhookId: first!.webhookId, eventType: 'cart.received' });
    expect(remade!.id).not.toBe(first!.id);
    const delivered = async () => ((await s.deliveries.get(remade!.id))?.state === 'delivered' ? true : undefined);
    await eventually(delivered, 30_000, 'the report delivered again').catch(async (error: Error) => {
      // Say where it stopped: the delivery's record and its attempt job.
      const job = await s.queue.jobStatus(QUEUES.delivery, jobIdFor(QUEUES.delivery, remade!.id, `s${remade!.jobSeq}`));
      throw new Error(`${error.message}: ${JSON.stringify(await s.deliveries.get(remade!.id))}, job ${job}`);
    });
    // The OMS recognises it by its webhook-id: still one event; and still one order for the cart.
    expect(await cartEvents()).toHaveLength(1);
    expect((await s.messages.get(cartId)).state).toBe('order-created');
    expect((await s.messages.related(cartId)).filter((m) => m.kind === 'order')).toHaveLength(1);
  });
});
