import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 40;

/**
 * SIGTERM never loses work: the API stops taking requests (503, the sender retries), finishes those
 * in flight with their receipts and exits 0; the worker finishes or hands back its jobs. Both are
 * restarted under a stream of carts, and every cart is delivered exactly once.
 */
describe('graceful shutdown of both roles under traffic', () => {
  const stack = new FlowStack();

  beforeAll(async () => {
    await stack.startFlow();
  });
  afterAll(() => stack.stop());

  it('loses nothing and duplicates nothing across SIGTERM of the API and of the worker', async () => {
    const exits: Array<number | string> = [];
    let restarts: Promise<void> = Promise.resolve();
    const traffic = await sendCarts(stack.sender, CARTS, {
      concurrency: 6,
      attempts: 60,
      delayMs: 300,
      during: (i) => {
        if (i === 12) {
          restarts = restarts.then(async () => {
            exits.push(await stack.api!.stop('SIGTERM'));
            await stack.startApi();
          });
        }
        if (i === 24) {
          restarts = restarts.then(async () => {
            exits.push(await stack.worker!.stop('SIGTERM'));
            await stack.startWorker();
          });
        }
      },
    });
    await restarts;
    const counts = await stack.settle(traffic, 120_000);
    printCounts('graceful shutdown (SIGTERM API and worker)', counts, { retries: traffic.retries, exit_codes: exits.join('+') });
    if (counts.lost > 0) console.log(await stack.states());
    expect(exits).toEqual([0, 0]);
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 300_000);
});
