import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/sample-oms/event-store.js';
import { deliveryServices, eventually } from '../delivery/support.js';
import { startOms, type RunningOms } from '../sample-oms/harness.js';
import { BUYER, createHarness, exampleCart, hasExamples, OTHER_SELLER, SELLER, type Harness } from './support/harness.js';

/** The example cart with its second line removed: within a one-line limit. */
const oneLine = (xml: string) => xml.replace(/(<\/cac:CatalogueLine>)\s*<cac:CatalogueLine>[\s\S]*?<\/cac:CatalogueLine>/, '$1');

/**
 * What the supplier's OMS hears when a cart goes wrong after it was received: the step, a code and
 * the reason, as the flow recorded them. Real worker process, PostgreSQL, Redis and the sample OMS
 * over HTTP (signatures verified); carts are limited to one line, so the two-line example fails at
 * approval, and the buyer's order number series is full, so a one-line cart fails at conversion.
 */
describe.skipIf(!hasExamples)('failures of carts reach the OMS with stage, code and message', () => {
  let h: Harness;
  let oms: RunningOms;
  let omsDir: string;
  let delivery: ReturnType<typeof deliveryServices>;

  beforeAll(async () => {
    h = await createHarness({ PUNCHOUT_MAX_CART_LINES: '1', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_RETRY_DELAYS_S: '1,2', WEBHOOK_RETRY_JITTER_PERCENT: '0' });
    omsDir = mkdtempSync(path.join(tmpdir(), 'ap-failure-events-oms-'));
    oms = await startOms({ dataDir: omsDir });
    delivery = deliveryServices(h.db, h.env.DATA_DIR!, h.env.QUEUE_PREFIX!);
    for (const supplier of [SELLER, OTHER_SELLER]) {
      await delivery.participants.upsert(supplier, { name: 'Supplier' });
      await delivery.routes.create({ kind: 'webhook', supplierId: supplier, url: `${oms.url}/webhooks`, secret: oms.secret, eventTypes: ['message.failed', 'cart.rejected'] });
    }
    // The next number the buyer's series gives has seven digits; its configuration allows six.
    await h.db.query(`INSERT INTO order_number_series (buyer_id, last_value) VALUES ($1, 999999)`, [BUYER]);
    await h.startWorker();
  }, 120_000);

  afterAll(async () => {
    await delivery?.close();
    await oms?.server.stop();
    await h?.close();
    if (omsDir) rmSync(omsDir, { recursive: true, force: true });
  });

  async function eventAbout(type: string, messageId: string): Promise<StoredEvent> {
    return eventually(
      async () => {
        const events = (await (await fetch(`${oms.url}/events?limit=1000`)).json()) as StoredEvent[];
        return events.find((e) => e.type === type && (e.data as { messageId?: string }).messageId === messageId);
      },
      30_000,
      `${type} about ${messageId} at the OMS`,
    );
  }

  it('a cart that cannot pass approval: stage approval, the punch-out error code and its reason', async () => {
    const id = await h.receive({ document: exampleCart({ id: 'CART-TOO-LONG' }), transaction: 'T77' });
    const failed = await h.waitForState(id, ['failed']);
    expect(failed.failure).toEqual({ stage: 'approval', code: 'too-many-lines', message: 'cart has 2 lines, at most 1 accepted' });
    const event = await eventAbout('message.failed', id);
    expect(event.data).toMatchObject({
      messageId: id,
      direction: 'inbound',
      stage: 'approval',
      error: { code: 'too-many-lines', message: 'cart has 2 lines, at most 1 accepted' },
    });
  });

  it('a cart that cannot become an order: stage conversion, a code and the reason', async () => {
    const id = await h.receive({ document: exampleCart({ id: 'CART-NO-NUMBER', mutate: oneLine }), transaction: 'T77' });
    const failed = await h.waitForState(id, ['failed']);
    expect(failed.failure).toMatchObject({ stage: 'conversion', code: 'no-order-number', message: expect.stringMatching(/^no order number: order sequence 1000000 exceeds 6 digits/) });
    const event = await eventAbout('message.failed', id);
    expect(event.data).toMatchObject({
      messageId: id,
      stage: 'conversion',
      error: { code: 'no-order-number', message: expect.stringMatching(/^no order number: order sequence 1000000 exceeds 6 digits/) },
    });
  });

  it('a cart the buyer rejects: the buyer\'s reason', async () => {
    const id = await h.receive({ document: exampleCart({ seller: OTHER_SELLER, id: 'CART-REJECTED', mutate: oneLine }), transaction: 'T77', sender: OTHER_SELLER });
    await h.waitForState(id, ['awaiting-approval']);
    await h.approvals.reject(id, 'not in this budget year', 'bob@buyer');
    const event = await eventAbout('cart.rejected', id);
    expect(event.data).toMatchObject({ messageId: id, reason: { code: 'rejected-by-buyer', message: 'not in this budget year' } });
  });
});
