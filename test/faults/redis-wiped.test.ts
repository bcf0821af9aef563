import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 100;

/**
 * Fault 2: Redis (without persistence) is killed and restarted empty while 100 carts are in
 * flight: every queued job is gone. The database still says what is pending; the reconciler queues
 * it again and every cart is delivered exactly once.
 */
describe('fault 2: Redis restarted with its data wiped while 100 messages are in flight', () => {
  const stack = new FlowStack({
    ownRedis: true,
    env: { RELIABILITY_RECONCILE_INTERVAL_SECONDS: '2', RELIABILITY_RECONCILE_GRACE_SECONDS: '3' },
  });

  beforeAll(async () => {
    await stack.startFlow();
  });
  afterAll(() => stack.stop());

  it('re-queues what the database says is pending and delivers every cart once', async () => {
    let wiped = 0;
    const traffic = await sendCarts(stack.sender, CARTS, {
      concurrency: 8,
      attempts: 60,
      delayMs: 500,
      during: async (i) => {
        if (i !== 60) return;
        await stack.redis!.restartEmpty();
        wiped = Date.now();
      },
    });
    expect(wiped).toBeGreaterThan(0);
    const counts = await stack.settle(traffic, 180_000);
    // The wipe must really have lost queued work, and the reconciler must have put it back.
    const requeued = [...stack.worker!.output().matchAll(/(\d+) missing jobs/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    printCounts('2 (Redis restarted empty)', counts, { retries: traffic.retries, requeued_by_reconciler: requeued });
    expect(requeued).toBeGreaterThan(0);
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 300_000);
});
