import { beforeEach, describe, expect, it } from 'vitest';
import { createScenario, type Scenario } from './support/scenario.js';

describe('AS4 inbound: duplicate MessageId', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await createScenario();
  });

  it('duplicate-message-id: a retry gets the same receipt and is stored and enqueued once', async () => {
    const message = s.build();
    const first = await s.sendBuilt(message);
    const second = await s.sendBuilt(message);
    expect(first.reply.outcome).toBe('receipt');
    expect(second.reply.outcome).toBe('duplicate');
    expect(second.reply.status).toBe(200);
    expect(second.reply.body.equals(first.reply.body)).toBe(true);
    expect(s.store.records.size).toBe(1);
    expect(s.enqueuer.jobs).toHaveLength(1);
  });

  it('a different message reusing a MessageId is not processed again', async () => {
    const first = s.build();
    await s.sendBuilt(first);
    const reuse = await s.sendBuilt(s.build({ messageId: first.messageId }));
    expect(reuse.reply.outcome).toBe('duplicate');
    expect(s.enqueuer.jobs).toHaveLength(1);
  });

  it('a MessageId that failed authentication is not burnt', async () => {
    const message = s.build();
    const forged = s.build({ messageId: message.messageId, faults: { unsigned: true } });
    expect((await s.sendBuilt(forged)).reply.error?.code).toBe('EBMS:0101');
    expect((await s.sendBuilt(message)).reply.outcome).toBe('receipt');
  });
});

describe('AS4 inbound: no receipt for a message we could lose', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await createScenario();
  });

  it('store failure → EBMS:0202 with HTTP 500, nothing enqueued, the retry succeeds', async () => {
    const message = s.build();
    s.store.failNext = true;
    const failed = await s.sendBuilt(message);
    expect(failed.reply.error?.code).toBe('EBMS:0202');
    expect(failed.reply.status).toBe(500);
    expect(failed.reply.body.toString()).toContain('SignatureValue');
    expect(s.enqueuer.jobs).toHaveLength(0);
    const retry = await s.sendBuilt(message);
    expect(retry.reply.outcome).toBe('receipt');
    expect(s.store.records.size).toBe(1);
    expect(s.enqueuer.jobs).toHaveLength(1);
  });

  it('enqueue failure → EBMS:0202 with HTTP 500, the retry reuses the stored record', async () => {
    const message = s.build();
    s.enqueuer.failNext = true;
    const failed = await s.sendBuilt(message);
    expect(failed.reply.error?.code).toBe('EBMS:0202');
    expect(failed.reply.status).toBe(500);
    expect(s.duplicates.completedCount()).toBe(0);
    const retry = await s.sendBuilt(message);
    expect(retry.reply.outcome).toBe('receipt');
    expect(s.store.records.size).toBe(1);
    expect(s.enqueuer.jobs).toHaveLength(1);
  });
});
