import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartSender, type Attempt } from './support/sender.js';
import { eventually, Stack } from './support/stack.js';

/**
 * Redis or PostgreSQL away while senders keep sending: every answer makes the sender retry
 * (EBMS:0202 with HTTP 5xx, never a receipt), readiness says what is down, and the API takes
 * messages again by itself once the dependency is back.
 */
describe('back-pressure: /as4 and /health/ready while Redis or the database is away (API process)', () => {
  const stack = new Stack({ proxyDatabase: true, proxyRedis: true, env: { DATABASE_STATEMENT_TIMEOUT_MS: '4000', REDIS_COMMAND_TIMEOUT_MS: '3000' } });
  let sender: CartSender;

  beforeAll(async () => {
    await stack.start();
    await stack.startApi();
    sender = new CartSender(stack.pki, () => stack.as4Url);
  });
  afterAll(() => stack.stop());

  const rows = async (as4MessageId: string) =>
    (await stack.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE as4_message_id = $1`, [as4MessageId])).length;

  function expectRetryable(attempt: Attempt): void {
    expect(attempt.kind).toBe('error');
    if (attempt.kind !== 'error') return;
    expect(attempt.status).toBeGreaterThanOrEqual(500);
    expect(attempt.code).toBe('EBMS:0202');
  }

  it('accepts a cart while everything is up', async () => {
    expect((await stack.ready()).status).toBe(200);
    expect((await sender.send(await sender.prepare())).kind).toBe('receipt');
  });

  const described = { refuse: 'down', blackhole: 'unreachable', freeze: 'hanging' } as const;

  for (const mode of ['refuse', 'blackhole', 'freeze'] as const) {
    it(`Redis ${described[mode]}: retryable error, readiness 503 naming redis, then a receipt for the retry once it is back`, async () => {
      const cart = await sender.prepare();
      stack.redisProxy!.set(mode);
      const started = Date.now();
      const attempt = await sender.send(cart);
      const took = Date.now() - started;
      expectRetryable(attempt);
      expect(took).toBeLessThan(15_000);
      const ready = await stack.ready();
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: { redis: { status: 'down' } } });

      stack.redisProxy!.set('open');
      await eventually(async () => ((await stack.ready()).status === 200 ? true : undefined), 20_000, 'readiness after Redis returned');
      const retried = await eventually(async () => {
        const a = await sender.send(cart);
        return a.kind === 'receipt' ? a : undefined;
      }, 20_000, 'a receipt for the retry');
      expect(retried.kind).toBe('receipt');
      expect(await rows(cart.built.messageId)).toBe(1);
    });
  }

  for (const mode of ['refuse', 'blackhole', 'freeze'] as const) {
    it(`database ${described[mode]}: retryable error and no receipt, readiness 503 naming the database, recovery by itself`, async () => {
      const cart = await sender.prepare();
      stack.dbProxy!.set(mode);
      const started = Date.now();
      const attempt = await sender.send(cart);
      const took = Date.now() - started;
      expectRetryable(attempt);
      expect(took).toBeLessThan(15_000);
      const ready = await stack.ready();
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: { database: { status: 'down' } } });

      stack.dbProxy!.set('open');
      await eventually(async () => ((await stack.ready()).status === 200 ? true : undefined), 30_000, 'readiness after the database returned').catch(async (error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify((await stack.ready()).body)}`);
      });
      const retried = await eventually(async () => {
        const a = await sender.send(cart);
        return a.kind === 'receipt' ? a : undefined;
      }, 30_000, 'a receipt for the retry');
      expect(retried.kind).toBe('receipt');
      expect(await rows(cart.built.messageId)).toBe(1);
    });
  }
});
