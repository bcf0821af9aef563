import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { createHarness, daysFromNow, exampleCart, hasExamples, type Harness } from './support/harness.js';

/**
 * A worker killed (SIGKILL, no chance to clean up) in the middle of making an order: after a new
 * worker takes over, every cart has exactly one order and none is lost.
 */
describe.skipIf(!hasExamples)('a worker killed in the middle of a job', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  it('leaves no duplicate and no lost message once another worker has taken over', { timeout: 150_000 }, async () => {
    // A cart big enough that making and validating its order takes a while, cheap enough to be approved automatically.
    const big = sampleCart(400, { id: 'CART-BIG', validUntil: { date: daysFromNow(60) } });
    big.lines = big.lines.map((line) => ({ ...line, price: '1.00', quantity: { ...line.quantity, value: '1' } }));
    const first = await h.startWorker();
    const bigId = await h.receive({ document: Buffer.from(buildCartXml(big), 'utf8'), transaction: 'T77' });
    const smallIds: string[] = [];
    for (let n = 1; n <= 6; n++) smallIds.push(await h.receive({ document: exampleCart({ id: `CART-SMALL-${n}` }), transaction: 'T77' }));

    // `approved` is only ever seen while the punch-out job that approved the cart is making its order.
    await h.waitForState(bigId, ['approved'], 60_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect((await h.messages.get(bigId)).state).toBe('approved');

    await h.startWorker();
    const all = [bigId, ...smallIds];
    for (const id of all) await h.waitForState(id, ['order-created'], 90_000);

    const orders = await h.db.query<{ related_message_id: string; number: string }>(
      `SELECT related_message_id, attributes->>'orderNumber' AS number FROM messages WHERE kind = 'order'`,
    );
    expect(orders.map((o) => o.related_message_id).sort()).toEqual([...all].sort());
    expect(new Set(orders.map((o) => o.number)).size).toBe(all.length);
    for (const id of all) {
      // State changes only: a note on the timeline (the MLS decision) repeats the state it was made in.
      const moves = (await h.messages.timeline(id)).filter((e) => e.fromState !== e.toState).map((e) => e.toState);
      expect(moves.filter((s) => s === 'order-created')).toHaveLength(1);
      expect(moves.filter((s) => s === 'approved')).toHaveLength(1);
      const cart = await h.messages.get(id);
      expect(orders.find((o) => o.related_message_id === id)!.number).toBe(cart.attributes.orderNumber);
    }
  });
});
