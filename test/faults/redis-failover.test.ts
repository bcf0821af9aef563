import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { SENTINEL_MASTER_NAME, SentinelGroup } from './support/redis-sentinels.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 80;

/**
 * Redis that survives its primary: the API and the worker reach Redis through three real
 * redis-sentinel processes (REDIS_SENTINELS, REDIS_SENTINEL_NAME). The primary is SIGKILLed while
 * carts stream in; the sentinels promote the replica, every connection follows it, and what the
 * replica had not yet received (asynchronous replication) is put back by the database reconciler.
 * No cart with a receipt is lost and none is delivered twice.
 */
describe('fault: Redis primary killed under load, Sentinel fails over', () => {
  const redis = new SentinelGroup();
  let stack: FlowStack;

  beforeAll(async () => {
    await redis.start();
    stack = new FlowStack({
      env: {
        // Nothing answers here: every connection must come from the sentinels.
        REDIS_URL: 'redis://127.0.0.1:1',
        REDIS_SENTINELS: redis.sentinels,
        REDIS_SENTINEL_NAME: SENTINEL_MASTER_NAME,
        RELIABILITY_RECONCILE_INTERVAL_SECONDS: '3',
        RELIABILITY_RECONCILE_GRACE_SECONDS: '5',
      },
    });
    await stack.startFlow();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await redis.stop();
  });

  it('delivers every receipted cart exactly once across the failover', async () => {
    expect(await redis.currentPrimaryPort()).toBe(redis.primaryPort);
    let killedAt = 0;
    const traffic = await sendCarts(stack.sender, CARTS, {
      concurrency: 8,
      attempts: 60,
      delayMs: 500,
      during: async (i) => {
        if (i !== 30) return;
        await redis.killPrimary();
        killedAt = Date.now();
      },
    });
    expect(killedAt).toBeGreaterThan(0);
    await redis.failedOver();
    const counts = await stack.settle(traffic, 180_000);
    printCounts('redis failover (primary SIGKILLed, sentinels promote the replica)', counts, { retries: traffic.retries });
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });

    // The work after the kill went to the promoted replica: the processes followed the sentinels.
    const promoted = new Redis({ host: '127.0.0.1', port: redis.replicaPort, lazyConnect: true });
    try {
      await promoted.connect();
      expect((await promoted.keys(`${stack.prefix}:*`)).length).toBeGreaterThan(0);
    } finally {
      promoted.disconnect();
    }
  }, 400_000);
});
