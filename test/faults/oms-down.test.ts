import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control } from '../sample-oms/harness.js';
import { FlowStack } from './support/flow-stack.js';
import { omsOrderEvents, printCounts } from './support/ledger.js';
import { sendCarts } from './support/traffic.js';

const CARTS = 30;
const DOWN_MS = 25_000;

/**
 * Fault 3: the OMS refuses connections for a long stretch (long compared with the shortened retry
 * schedule and circuit breaker used here, the same code as the day-long production schedule). Every
 * order waits, is delivered once the OMS listens again, and none twice.
 */
describe('fault 3: OMS down for a long stretch', () => {
  const stack = new FlowStack({
    env: {
      WEBHOOK_RETRY_DELAYS_S: '1,2,2,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3',
      WEBHOOK_RETRY_JITTER_PERCENT: '0',
      WEBHOOK_BREAKER_OPEN_MS: '1000',
      WEBHOOK_BREAKER_MAX_OPEN_MS: '3000',
      WEBHOOK_BREAKER_PROBE_TIMEOUT_MS: '5000',
    },
  });

  beforeAll(async () => {
    await stack.startFlow({ omsControls: true });
  });
  afterAll(() => stack.stop());

  it('delivers every order after the OMS returns, none lost, none duplicated', async () => {
    const down = await control(stack.oms.url, { mode: 'down', forMs: DOWN_MS });
    expect(down.status).toBe(200);
    const wentDown = Date.now();
    const traffic = await sendCarts(stack.sender, CARTS, { concurrency: 4, attempts: 5, delayMs: 500 });
    // Nothing can have arrived while it was down.
    expect(omsOrderEvents(stack.omsDataDir).size).toBe(0);
    const counts = await stack.settle(traffic, DOWN_MS + 120_000);
    printCounts('3 (OMS down for a long stretch)', counts, { down_s: DOWN_MS / 1000, waited_s: Math.round((Date.now() - wentDown) / 1000) });
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
    // The OMS really was tried while down: failed attempts before the successful one.
    const [attempts] = await stack.db.db.query<{ n: string }>(`SELECT count(*) AS n FROM webhook_delivery_attempts`);
    console.log(`fault 3: webhook attempts=${attempts!.n} for ${CARTS} orders`);
    expect(Number(attempts!.n)).toBeGreaterThan(CARTS);
  }, 300_000);
});
