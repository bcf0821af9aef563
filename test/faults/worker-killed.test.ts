import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, type QueueName } from '../../src/queue/queues.js';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 100;
/** The stages of a cart, by the queue whose jobs run them. */
const STAGES: Array<[string, QueueName]> = [
  ['validation', QUEUES.inbound],
  ['conversion', QUEUES.punchout],
  ['delivery', QUEUES.delivery],
];

/**
 * Fault 1: the worker is SIGKILLed while a job of each stage is running (validation, cart → order
 * conversion, webhook delivery), under a stream of 100 carts, and started again each time. The
 * dead worker's jobs come back (stalled-job recovery), the stages are idempotent, and every cart's
 * order reaches the OMS exactly once.
 */
describe('fault 1: SIGKILL of the worker in the middle of each stage', () => {
  const stack = new FlowStack({ env: { RELIABILITY_RECONCILE_INTERVAL_SECONDS: '5', RELIABILITY_RECONCILE_GRACE_SECONDS: '5' } });
  const queues = new Map<QueueName, Queue>();

  beforeAll(async () => {
    await stack.startFlow();
    for (const [, name] of STAGES) queues.set(name, new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: stack.prefix }));
  });
  afterAll(async () => {
    for (const q of queues.values()) await q.close();
    await stack.stop();
  });

  it('delivers every cart exactly once after kills in validation, conversion and delivery', async () => {
    const kills: string[] = [];
    const killer = (async () => {
      for (const [stage, queue] of STAGES) {
        const deadline = Date.now() + 120_000;
        while ((await queues.get(queue)!.getActiveCount()) === 0) {
          if (Date.now() > deadline) return;
          await new Promise((r) => setTimeout(r, 10));
        }
        await stack.worker!.stop('SIGKILL');
        kills.push(stage);
        await stack.startWorker();
      }
    })();
    const traffic = await sendCarts(stack.sender, CARTS, { concurrency: 8, attempts: 20, delayMs: 500 });
    await killer;
    const counts = await stack.settle(traffic, 240_000);
    printCounts('1 (SIGKILL worker in each stage)', counts, { kills: kills.join('+') });
    if (counts.lost > 0) console.log(await stack.states());
    expect(kills).toEqual(STAGES.map(([stage]) => stage));
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 400_000);
});
