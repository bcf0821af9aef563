import { beforeEach, describe, expect, it } from 'vitest';
import { withoutSignature } from './support/faulty-messages.js';
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

  it('every step that runs is timed for the metrics; a duplicate skips straight to the enqueue step', async () => {
    const message = s.build();
    await s.sendBuilt(message);
    expect(s.observedSteps).toEqual([
      'receive-mime', 'parse-envelope', 'peppol-header', 'check-security-header', 'decrypt-attachments', 'verify-signature', 'decompress',
      'parse-sbdh', 'check-sbdh-consistency', 'check-served', 'check-duplicate', 'build-receipt', 'persist', 'enqueue',
    ]);
    s.observedSteps.length = 0;
    await s.sendBuilt(message);
    expect(s.observedSteps.slice(-2)).toEqual(['check-duplicate', 'enqueue']);
    s.observedSteps.length = 0;
    // A rejected message: the steps up to and including the one that refused it.
    expect((await s.sendBuilt(withoutSignature(s.build()))).reply.error?.code).toBe('EBMS:0101');
    expect(s.observedSteps.at(-1)).toBe('check-security-header');
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
    const forged = withoutSignature(s.build({ messageId: message.messageId }));
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

  it('enqueue failure → EBMS:0202 with HTTP 500; the retry queues the stored record again and gets its receipt', async () => {
    const message = s.build();
    s.enqueuer.failNext = true;
    const failed = await s.sendBuilt(message);
    expect(failed.reply.error?.code).toBe('EBMS:0202');
    expect(failed.reply.status).toBe(500);
    expect(s.enqueuer.jobs).toHaveLength(0);
    const retry = await s.sendBuilt(message);
    expect(retry.reply.status).toBe(200);
    expect(retry.reply.outcome).toBe('duplicate');
    expect(retry.reply.body.equals(s.store.records.values().next().value!.receipt)).toBe(true);
    expect(s.store.records.size).toBe(1);
    expect(s.enqueuer.jobs).toHaveLength(1);
  });

  it('a duplicate whose processing started is not queued again', async () => {
    const message = s.build();
    await s.sendBuilt(message);
    s.store.records.values().next().value!.processingStarted = true;
    s.enqueuer.jobs.length = 0;
    expect((await s.sendBuilt(message)).reply.outcome).toBe('duplicate');
    expect(s.enqueuer.jobs).toHaveLength(0);
  });

  it('a retry after the duplicate window is answered and kept, but never recorded or processed twice', async () => {
    const message = s.build();
    expect((await s.sendBuilt(message)).reply.outcome).toBe('receipt');
    const record = s.store.records.values().next().value!;
    record.processingStarted = true;
    record.keepUntil = new Date(0);
    const late = await s.sendBuilt(message);
    expect(late.reply.status).toBe(200);
    expect(late.reply.outcome).toBe('duplicate');
    expect(record.keepUntil.getTime()).toBeGreaterThan(Date.now());
    expect(late.reply.body.equals(record.receipt)).toBe(true);
    expect(s.store.records.size).toBe(1);
    expect(s.enqueuer.jobs).toHaveLength(1);
  });
});
