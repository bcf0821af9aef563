import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueWorkerProviders } from '../support/queue-worker.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { HandlesQueue, type JobHandler } from '../../src/queue/job-handler.decorator.js';
import { JobQueue, type JobContext } from '../../src/queue/job-queue.js';
import { DEFAULT_RETRY, QUEUES, type JobPayloads } from '../../src/queue/queues.js';
import { BlobStoreError } from '../../src/storage/blob-store.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const CALLS = Symbol('calls');
/** More failures on a full disk than the queue allows attempts. */
const FULL_FOR = DEFAULT_RETRY.maintenance.attempts + 1;

/** Fails as the blob store does on a full disk, FULL_FOR times, then succeeds; a second task fails for another reason. */
@Injectable()
@HandlesQueue(QUEUES.maintenance, { concurrency: 2 })
class DiskFullThenFine implements JobHandler<'maintenance'> {
  constructor(@Inject(CALLS) private readonly calls: Array<{ task: string; attempt: number }>) {}

  async handle(payload: JobPayloads['maintenance'], context: JobContext): Promise<void> {
    this.calls.push({ task: payload.task, attempt: context.attempt });
    const mine = this.calls.filter((c) => c.task === payload.task).length;
    if (payload.task === 'housekeeping' && mine <= FULL_FOR) {
      const fromThread = new Error('ENOSPC: no space left on device, write');
      throw new BlobStoreError(`cannot store bytes: ${fromThread.message}`, { cause: fromThread });
    }
    if (payload.task === 'sweep-approvals') throw new Error('EACCES: permission denied');
  }
}

/**
 * A job failing because DATA_DIR's disk is full waits for space without spending its attempts: it
 * completes once space is back even after more failures than it has attempts, and its handler saw
 * every try as the same attempt. Any other failure still spends attempts as before.
 */
describe('worker jobs on a full disk', () => {
  const prefix = `t-diskwait-${randomBytes(4).toString('hex')}`;
  const calls: Array<{ task: string; attempt: number }> = [];
  let app: INestApplicationContext;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    @Module({
      imports: [DiscoveryModule],
      providers: [
        { provide: CALLS, useValue: calls },
        ...queueWorkerProviders(prefix, database.db),
        DiskFullThenFine,
      ],
    })
    class WorkerApp {}
    app = await NestFactory.createApplicationContext(WorkerApp, { logger: false });
  });
  afterAll(async () => {
    await app?.get(BullJobQueue).queue(QUEUES.maintenance).obliterate({ force: true }).catch(() => undefined);
    await app?.close();
    await database?.drop();
  });

  it('completes after more full-disk failures than attempts, each try the same attempt', async () => {
    const queue = app.get(JobQueue);
    await queue.enqueue(QUEUES.maintenance, { task: 'housekeeping' }, { jobId: 'disk-full-job' });
    await queue.enqueue(QUEUES.maintenance, { task: 'sweep-approvals' }, { jobId: 'other-failure-job' });
    const bull = app.get(BullJobQueue).queue(QUEUES.maintenance);
    const deadline = Date.now() + 60_000;
    let state = '';
    while (Date.now() < deadline && (state = await bull.getJobState('disk-full-job')) !== 'completed' && state !== 'failed') {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(state).toBe('completed');
    const tries = calls.filter((c) => c.task === 'housekeeping');
    expect(tries).toHaveLength(FULL_FOR + 1);
    expect(new Set(tries.map((c) => c.attempt))).toEqual(new Set([1]));
    const metrics = await app.get(MetricsService).registry.getSingleMetricAsString('peppol_ap_job_storage_full_waits_total');
    expect(metrics).toContain(`peppol_ap_job_storage_full_waits_total{queue="maintenance"} ${FULL_FOR}`);

    // Another failure spends attempts as before: attempt 1, 2, ... on each try.
    const others = calls.filter((c) => c.task === 'sweep-approvals').map((c) => c.attempt);
    expect(others.length).toBeGreaterThanOrEqual(2);
    expect(others.slice(0, 2)).toEqual([1, 2]);
  }, 90_000);
});
