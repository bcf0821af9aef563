import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../src/database/installation.js';
import { TRANSACTIONS } from '../../src/peppol/transactions.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';

/**
 * Two installations (two databases) on one Redis with the same QUEUE_PREFIX: a worker never completes
 * the other installation's jobs; it leaves them in the queue, says so loudly and counts them.
 */
describe('two installations on one Redis and queue prefix', () => {
  const prefix = `foreign-${randomBytes(4).toString('hex')}`;
  let a: TestDatabase;
  let b: TestDatabase;
  let dir: string;
  let redisA: RedisConnections;
  let redisB: RedisConnections;
  let raw: Queue;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([createPostgresTestDatabase(), createPostgresTestDatabase()]);
    dir = mkdtempSync(path.join(tmpdir(), 'ap-foreign-'));
    redisA = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix }));
    redisB = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix }));
    raw = new Queue(QUEUES.inbound, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await raw?.obliterate({ force: true }).catch(() => undefined);
    await raw?.close();
    for (const name of Object.values(QUEUES)) {
      const q = new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await redisA?.onApplicationShutdown();
    await redisB?.onApplicationShutdown();
    await a?.drop();
    await b?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const startWorker = async (db: TestDatabase, name: string) => {
    const worker = await startProcess(
      'worker.js',
      {
        ...(await devPkiEnv()),
        DATA_DIR: path.join(dir, name),
        DATABASE_URL: db.url,
        QUEUE_PREFIX: prefix,
        HOST: '127.0.0.1',
        WORKER_HTTP_PORT: '0',
        VALIDATION_TRANSACTIONS: TRANSACTIONS.order.id,
        VALIDATION_POOL_SIZE: '1',
      },
      { ready: /worker health and metrics listening on port (\d+)[\s\S]*worker started/, timeoutMs: 150_000 },
    );
    workers.push(worker);
    return worker;
  };

  const until = async (what: string, check: () => Promise<boolean> | boolean) => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never happened: ${what}`);
  };

  it('leaves the other installation’s jobs in the queue, and fails (never completes) its own job for a message it does not have', async () => {
    const installationA = await new Installation(a.db).id();
    const installationB = await new Installation(b.db).id();
    expect(installationA).not.toBe(installationB);
    const queueA = new BullJobQueue(redisA, new Installation(a.db));
    const queueB = new BullJobQueue(redisB, new Installation(b.db));
    try {
      const workerB = await startWorker(b, 'b');
      // A's periodic work, queued by A's processes.
      const foreignId = jobIdFor(QUEUES.maintenance, 'housekeeping', 'foreign-test');
      await queueA.enqueue(QUEUES.maintenance, { task: 'housekeeping' }, { jobId: foreignId });
      // A job queued by an earlier version (no stamp) for a message B does not have.
      const legacyId = jobIdFor(QUEUES.inbound, randomUUID(), 'legacy');
      await raw.add(QUEUES.inbound, { messageId: randomUUID() }, { jobId: legacyId });
      // B's own job for a message that is not in B's database.
      const ownId = jobIdFor(QUEUES.inbound, randomUUID(), 'own');
      await queueB.enqueue(QUEUES.inbound, { messageId: randomUUID() }, { jobId: ownId });

      await until('B has seen all three jobs', () => [foreignId, legacyId, ownId].every((id) => workerB.output().includes(`job ${id} `)));
      await until('the own job failed', async () => (await queueB.jobStatus(QUEUES.inbound, ownId)) === 'failed');
      expect(await queueA.jobStatus(QUEUES.maintenance, foreignId)).toBe('delayed');
      expect(await queueA.jobStatus(QUEUES.inbound, legacyId)).toBe('delayed');
      const output = workerB.output();
      expect(output).toMatch(new RegExp(`job ${foreignId} on maintenance left in the queue for its owner: queued by installation ${installationA}, this is ${installationB}.*give each its own QUEUE_PREFIX`));
      expect(output).toMatch(new RegExp(`job ${legacyId} on inbound left in the queue for its owner: inbound job for message .* not in this installation's database`));
      expect(output).not.toContain('nothing to do');
      const failed = await queueB.failedJobs(QUEUES.inbound, 10);
      expect(failed.find((job) => job.id === ownId)?.error).toMatch(/not in this installation's database/);
      const metrics = await (await fetch(`http://127.0.0.1:${workerB.port}/metrics`)).text();
      expect(metrics).toMatch(/peppol_ap_foreign_jobs_total\{queue="maintenance"\} [1-9]/);
      expect(metrics).toMatch(/peppol_ap_foreign_jobs_total\{queue="inbound"\} [1-9]/);

      // Its owner takes it when it comes back.
      await workerB.stop();
      await startWorker(a, 'a');
      const job = await queueA.queue(QUEUES.maintenance).getJob(foreignId);
      await job!.promote();
      await until('A completed its job', async () => (await queueA.jobStatus(QUEUES.maintenance, foreignId)) === 'completed');
    } finally {
      await queueA.onApplicationShutdown();
      await queueB.onApplicationShutdown();
    }
  }, 240_000);
});
