import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import type { Direction, MessageKind } from '../../src/messages/message-kinds.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import type { MessageState } from '../../src/messages/message-states.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { INSTALLATION_FIELD, jobIdFor, QUEUES, type QueueName } from '../../src/queue/queues.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { Reconciler } from '../../src/reliability/reconciler.js';
import { reliabilityConfig } from '../../src/reliability/reliability.config.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { Installation } from '../../src/database/installation.js';

describe('Reconciler (PostgreSQL and Redis, real)', () => {
  let db: TestDatabase;
  let redis: RedisConnections;
  let queue: BullJobQueue;
  let messages: MessageRepository;
  const prefix = `t-rec-${randomBytes(4).toString('hex')}`;
  const reconciler = (env: Record<string, string> = {}) =>
    new Reconciler(
      queue,
      messages,
      new Clock(),
      reliabilityConfig.load({ RELIABILITY_RECONCILE_GRACE_SECONDS: '10', RELIABILITY_STUCK_AFTER_SECONDS: '60', RELIABILITY_MAX_REQUEUES: '2', ...env }),
      [],
    );

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    redis = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix }));
    queue = new BullJobQueue(redis, new Installation(db.db));
    messages = new MessageRepository(db.db, new Clock());
  });

  afterAll(async () => {
    for (const name of Object.values(QUEUES)) await queue?.queue(name).obliterate({ force: true });
    await queue?.onApplicationShutdown();
    await redis?.onApplicationShutdown();
    await db?.drop();
  });

  /** A message in `state`, last changed `ageSeconds` ago. */
  async function message(
    state: MessageState,
    opts: { kind?: MessageKind; transaction?: string; ageSeconds?: number; direction?: Direction; relatedMessageId?: string } = {},
  ) {
    const m = await messages.create(
      {
        direction: opts.direction ?? 'inbound',
        kind: opts.kind ?? 'cart',
        state,
        attributes: opts.transaction ? { transaction: opts.transaction } : {},
        relatedMessageId: opts.relatedMessageId ?? null,
      },
      { actor: 'test' },
    );
    await db.db.query(`UPDATE messages SET updated_at = now() - make_interval(secs => $2) WHERE id = $1`, [m.id, opts.ageSeconds ?? 3_600]);
    return m.id;
  }

  /** Runs the jobs of `name` once with `outcome`, so they end completed or failed as a real worker would leave them. */
  async function finishJobs(name: QueueName, ids: string[], outcome: 'completed' | 'failed') {
    const worker = new Worker(
      name,
      async () => {
        if (outcome === 'failed') throw new Error('handler gave up');
      },
      { connection: redis.consumer(), prefix, concurrency: 4 },
    );
    try {
      // One attempt, so a failure is final at once instead of waiting for its retries.
      for (const id of ids) await queue.queue(name).add(name, { messageId: id }, { jobId: jobIdFor(name, id), attempts: 1 });
      const deadline = Date.now() + 20_000;
      for (const id of ids) {
        while ((await queue.jobStatus(name, jobIdFor(name, id))) !== outcome) {
          if (Date.now() > deadline) throw new Error(`job of ${id} did not end ${outcome}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } finally {
      await worker.close();
    }
  }

  it('re-queues pending messages whose job is missing, with the id and payload their producer uses, once', async () => {
    const received = await message('received');
    const cart = await message('validated', { transaction: 'T77' });
    const catalogue = await message('validated', { kind: 'catalogue', transaction: 'T19' });
    const rejectedCatalogue = await message('rejected', { kind: 'catalogue', transaction: 'T19' });
    // A produced order whose hand-over was lost: its cart already moved on to order-created.
    const orderedCart = await message('order-created', { transaction: 'T77' });
    await message('created', { kind: 'order', direction: 'outbound', relatedMessageId: orderedCart });

    const first = await reconciler().reconcile();
    expect(first.requeuedMissing).toBeGreaterThanOrEqual(5);

    // The payload its producer gives, under the installation stamp every job carries.
    const job = async (name: QueueName, id: string) => {
      const data = (await queue.queue(name).getJob(id))?.data as Record<string, unknown> | undefined;
      if (!data) return undefined;
      const { [INSTALLATION_FIELD]: installation, ...payload } = data;
      expect(installation).toEqual(expect.any(String));
      return payload;
    };
    expect(await job(QUEUES.inbound, jobIdFor(QUEUES.inbound, received))).toEqual({ messageId: received });
    expect(await job(QUEUES.punchout, jobIdFor(QUEUES.punchout, cart))).toEqual({ messageId: cart });
    expect(await job(QUEUES.catalogue, jobIdFor(QUEUES.catalogue, catalogue))).toEqual({ messageId: catalogue });
    expect(await job(QUEUES.catalogue, jobIdFor(QUEUES.catalogue, rejectedCatalogue))).toEqual({ messageId: rejectedCatalogue });
    // The order is handed over again by the job that made it: its cart's punch-out job.
    expect(await job(QUEUES.punchout, jobIdFor(QUEUES.punchout, orderedCart, 'order'))).toEqual({ messageId: orderedCart });

    const second = await reconciler().reconcile();
    expect(second.requeuedMissing + second.requeuedStuck).toBe(0);
    expect((await queue.counts(QUEUES.inbound)).waiting).toBe(1);
  });

  it('leaves alone fresh messages, states a person or nobody must act on, and messages whose job is waiting', async () => {
    const fresh = await message('received', { ageSeconds: 1 });
    const waiting = await message('awaiting-approval', { transaction: 'T77' });
    const validatedOrder = await message('validated', { kind: 'order', transaction: 'T01' });
    const rejectedCart = await message('rejected', { transaction: 'T77' });
    const done = await message('responded', { kind: 'catalogue' });
    const queued = await message('received');
    await queue.enqueue(QUEUES.inbound, { messageId: queued }, { jobId: jobIdFor(QUEUES.inbound, queued), delayMs: 60_000 });

    await reconciler().reconcile();

    for (const id of [fresh, waiting, validatedOrder, rejectedCart, done]) {
      for (const name of Object.values(QUEUES)) {
        const jobs = await queue.queue(name).getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
        expect(jobs.some((j) => JSON.stringify(j.data).includes(id))).toBe(false);
      }
    }
    expect(await queue.jobStatus(QUEUES.inbound, jobIdFor(QUEUES.inbound, queued))).toBe('delayed');
  });

  it('re-queues a message whose job finished without moving it, only once it is stuck past the timeout, and gives up after the limit', async () => {
    const stuck = await message('received', { ageSeconds: 3_600 });
    const recent = await message('received', { ageSeconds: 30 });
    await finishJobs(QUEUES.inbound, [stuck, recent], 'failed');

    const pass = await reconciler().reconcile();
    expect(pass.requeuedStuck).toBe(1);
    expect(await queue.jobStatus(QUEUES.inbound, jobIdFor(QUEUES.inbound, stuck))).toBe('waiting');
    expect(await queue.jobStatus(QUEUES.inbound, jobIdFor(QUEUES.inbound, recent))).toBe('failed');
    expect((await messages.get(stuck)).attributes.reconciler).toMatchObject({ requeues: 1 });

    // The re-queued job completes without moving the message again, twice: the limit (2) is reached.
    await queue.removeJob(QUEUES.inbound, jobIdFor(QUEUES.inbound, stuck));
    await finishJobs(QUEUES.inbound, [stuck], 'completed');
    expect((await reconciler().reconcile()).requeuedStuck).toBe(1);
    await queue.removeJob(QUEUES.inbound, jobIdFor(QUEUES.inbound, stuck));
    await finishJobs(QUEUES.inbound, [stuck], 'completed');
    const last = await reconciler().reconcile();
    expect(last.failed).toBe(1);
    const failed = await messages.get(stuck);
    expect(failed.state).toBe('failed');
    expect((await messages.timeline(stuck)).at(-1)).toMatchObject({ actor: 'system:reconciler', fromState: 'received', toState: 'failed' });
  });

  it('pages through a backlog and stops at its limit, going on from there next time', async () => {
    const ids = [];
    for (let i = 0; i < 7; i++) {
      const catalogue = await message('responded', { kind: 'catalogue', transaction: 'T19' });
      await message('created', { kind: 'catalogue-response', direction: 'outbound', ageSeconds: 7_200 + i, relatedMessageId: catalogue });
      ids.push(catalogue);
    }
    const limited = reconciler({ RELIABILITY_RECONCILE_PAGE: '2', RELIABILITY_RECONCILE_MAX_PER_PASS: '5' });
    const first = await limited.reconcile();
    expect(first).toMatchObject({ checked: 5, more: true });
    let passes = 1;
    for (let r = first; r.more; passes++) r = await limited.reconcile();
    expect(passes).toBeLessThan(10);
    for (const id of ids) {
      expect(await queue.jobStatus(QUEUES.catalogue, jobIdFor(QUEUES.catalogue, id))).toBe('waiting');
    }
  });
});
