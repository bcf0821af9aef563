import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { eventually } from './support/stack.js';
import { sendCarts } from './support/traffic.js';

const KILLS = 3;
const CARTS = 24;

/**
 * Fault 5: the API dies (SIGKILL) after a message is stored and before its receipt is sent. The
 * Redis the API talks to is frozen at that moment, so the request stops exactly there: the record is
 * committed, the enqueue and the receipt have not happened. The sender's retry with the same
 * MessageId must get a receipt from the restarted API, and the cart becomes one order at the OMS.
 */
describe('fault 5: SIGKILL of the API between "stored" and "receipt sent"', () => {
  const stack = new FlowStack({ proxyRedis: true });

  beforeAll(async () => {
    // Only the API goes through the proxy; the worker keeps working.
    await stack.startFlow({ apiEnv: { REDIS_COMMAND_TIMEOUT_MS: '60000' }, workerEnv: { REDIS_URL: 'redis://127.0.0.1:6379' } });
  });
  afterAll(() => stack.stop());

  it('the retry gets a receipt and every cart is delivered exactly once', async () => {
    const killedIds: string[] = [];
    const killed = new Set<string>();
    for (let k = 0; k < KILLS; k++) {
      const cart = await stack.sender.prepare();
      stack.redisProxy!.set('freeze');
      const first = stack.sender.send(cart, 60_000);
      await eventually(
        async () => ((await stack.db.db.query(`SELECT 1 FROM messages WHERE as4_message_id = $1`, [cart.built.messageId])).length ? true : undefined),
        20_000,
        'the message stored',
      );
      await stack.api!.stop('SIGKILL');
      expect((await first).kind).toBe('no-answer');
      stack.redisProxy!.set('open');
      await stack.startApi({ REDIS_COMMAND_TIMEOUT_MS: '60000' });
      const retry = await stack.sender.sendUntilReceipt(cart, { attempts: 30, delayMs: 500 });
      expect(retry.receipt).toBe(true);
      killedIds.push(cart.built.messageId);
      killed.add(cart.built.messageId);
    }
    // Ordinary traffic after the kills, through the restarted API.
    const traffic = await sendCarts(stack.sender, CARTS - KILLS, { concurrency: 3, attempts: 20, delayMs: 500 });
    traffic.sent.push(...killedIds);
    for (const id of killed) traffic.receipted.add(id);

    const counts = await stack.settle(traffic, 120_000);
    printCounts('5 (SIGKILL API between stored and receipt)', counts, { kills: KILLS, retries: traffic.retries });
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
    const rows = await stack.db.db.query(`SELECT 1 FROM messages WHERE as4_message_id = ANY($1::text[])`, [killedIds]);
    expect(rows).toHaveLength(KILLS);
  }, 240_000);
});
