import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 30;
const OUTAGE_MS = 10_000;

/**
 * Fault 4: PostgreSQL unreachable for the API for 10 s while carts keep arriving. Senders get
 * retryable answers (never a receipt for something not stored), and once the database is back
 * every cart is received and processed exactly once.
 */
describe('fault 4: database unavailable for 10 s during receive', () => {
  // The MessageId is claimed in the commit that records the message: a request cut off by the
  // outage leaves nothing behind, and the sender's retry is processed afresh.
  const stack = new FlowStack({ proxyDatabase: true, env: { DATABASE_STATEMENT_TIMEOUT_MS: '4000' } });

  beforeAll(async () => {
    await stack.startFlow();
  });
  afterAll(() => stack.stop());

  it('retryable errors during the outage, then every cart delivered once', async () => {
    let outage: Promise<void> | undefined;
    const attemptsDuring: string[] = [];
    const traffic = await sendCarts(stack.sender, CARTS, {
      concurrency: 4,
      attempts: 60,
      delayMs: 500,
      during: async (i) => {
        if (i !== 6) return;
        stack.dbProxy!.set('refuse');
        outage = new Promise((resolve) =>
          setTimeout(() => {
            stack.dbProxy!.set('open');
            resolve();
          }, OUTAGE_MS),
        );
        // While it is down, a fresh cart is answered with a retryable error.
        const probe = await stack.sender.send(await stack.sender.prepare());
        attemptsDuring.push(probe.kind === 'error' ? `${probe.status} ${probe.code}` : probe.kind);
      },
    });
    await outage;
    const counts = await stack.settle(traffic, 120_000);
    printCounts('4 (database down 10 s during receive)', counts, { retries: traffic.retries, outage_s: OUTAGE_MS / 1000 });
    if (counts.lost > 0) console.log(await stack.states());
    expect([...traffic.unanswered.values()]).toEqual([]);
    expect(attemptsDuring).toEqual(['500 EBMS:0202']);
    expect(traffic.retries).toBeGreaterThan(0);
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 240_000);
});
