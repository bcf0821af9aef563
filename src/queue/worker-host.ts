import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { Counter } from 'prom-client';
import { Installation } from '../database/installation.js';
import { withCorrelation } from '../logging/correlation.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { JOB_HANDLER, type JobHandler } from './job-handler.decorator.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ForeignJobError, PermanentJobError } from './job-queue.js';
import { isStorageFull } from '../storage/storage-full.js';
import { contextFromCarrier, inSpan, SpanKind } from '../tracing/trace-context.js';
import { INSTALLATION_FIELD, type JobStamps, type QueueName, storageFullWaitMs, TRACE_FIELD } from './queues.js';

const WORKER_SHUTDOWN_DEADLINE_MS = 20_000;
/** A job left for another installation comes back after this long (for whichever worker takes it then). */
export const FOREIGN_JOB_DELAY_MS = 60_000;

/**
 * Runs the BullMQ workers of the worker role: one per discovered @HandlesQueue provider. Two handlers
 * for one queue stop the boot; shutdown waits for active jobs up to a deadline, then hands them back.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];

  private readonly foreignJobs: Counter<'queue'>;
  private readonly storageWaits: Counter<'queue'>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly redis: RedisConnections,
    private readonly installation: Installation,
    metrics: MetricsService,
  ) {
    this.foreignJobs = new Counter({
      name: 'peppol_ap_foreign_jobs_total',
      help: 'Jobs of another installation (same Redis and QUEUE_PREFIX) seen and left in the queue, by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    });
    this.storageWaits = new Counter({
      name: 'peppol_ap_job_storage_full_waits_total',
      help: 'Jobs put back to wait because the disk of DATA_DIR was full (no attempt spent), by queue',
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Known before the first job is taken: every job is checked against it.
    const own = await this.installation.id();
    this.logger.log(`installation ${own}, queue prefix "${this.redis.prefix}"`);
    const seen = new Map<QueueName, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler<QueueName> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const meta = Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as { queue: QueueName; concurrency: number } | undefined;
      if (!meta) continue;
      const other = seen.get(meta.queue);
      if (other) throw new Error(`two handlers for queue ${meta.queue}: ${other} and ${wrapper.name}`);
      seen.set(meta.queue, String(wrapper.name));
      this.start(meta.queue, meta.concurrency, instance, own);
    }
  }

  /**
   * A job of another installation (another database) sharing this Redis and queue prefix, or one
   * naming data this installation does not have: never completed here. It goes back to the queue
   * (delayed) for its owner, and the operator is told loudly what to change.
   */
  private async leave(job: Job, queue: QueueName, token: string | undefined, why: string): Promise<never> {
    this.foreignJobs.inc({ queue });
    this.logger.error(
      `job ${job.id} on ${queue} left in the queue for its owner: ${why}. Two installations share this Redis and QUEUE_PREFIX "${this.redis.prefix}": give each its own QUEUE_PREFIX`,
    );
    await job.moveToDelayed(Date.now() + FOREIGN_JOB_DELAY_MS, token);
    throw new DelayedError();
  }

  /**
   * The disk of DATA_DIR is full: the job waits for space instead of spending an attempt (with
   * exponential backoff, a long outage would leave it minutes behind once space is back, or use up
   * its attempts and wait for the reconciler). Readiness reports the storage meanwhile.
   */
  private async waitForSpace(job: Job, queue: QueueName, token: string | undefined, error: Error): Promise<never> {
    // Starts not counted as attempts: the waits so far (BullMQ counts every start, attempts only on failure).
    const waits = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
    const delay = storageFullWaitMs(waits);
    this.storageWaits.inc({ queue });
    this.logger.warn(`job ${job.id} on ${queue} waits ${delay} ms for disk space (wait ${waits + 1}, no attempt spent): ${error.message}`);
    await job.moveToDelayed(Date.now() + delay, token);
    throw new DelayedError();
  }

  private start(queue: QueueName, concurrency: number, handler: JobHandler<QueueName>, own: string): void {
    const worker = new Worker(
      queue,
      async (job, token) => {
        const stamp = (job.data as Record<string, unknown>)[INSTALLATION_FIELD];
        if (stamp !== undefined && stamp !== own) await this.leave(job, queue, token, `queued by installation ${String(stamp)}, this is ${own}`);
        const maxAttempts = job.opts.attempts ?? 1;
        const attempt = job.attemptsMade + 1;
        const messageId = (job.data as { messageId?: string }).messageId;
        // With tracing on: a consumer span per job, continuing the trace of whatever queued it.
        const attributes = {
          'messaging.system': 'bullmq',
          'messaging.operation.type': 'process',
          'messaging.destination.name': queue,
          'messaging.message.id': String(job.id),
          'peppol_ap.job.attempt': attempt,
          ...(messageId ? { 'peppol_ap.message_id': messageId } : {}),
        };
        const parent = contextFromCarrier((job.data as JobStamps)[TRACE_FIELD]);
        try {
          await inSpan(`${queue} process`, { kind: SpanKind.CONSUMER, attributes }, () =>
            // Log lines of the job carry the message id, like the AS4 request that received it.
            withCorrelation({ correlationId: String(job.id), messageId }, () =>
              handler.handle(job.data as never, { jobId: String(job.id), attempt, maxAttempts, final: attempt >= maxAttempts }),
            ),
            parent,
          );
        } catch (error) {
          if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
          if (isStorageFull(error)) await this.waitForSpace(job, queue, token, error as Error);
          if (error instanceof ForeignJobError) {
            // Unstamped (queued by a version before stamps): possibly another installation's; leave it.
            if (stamp === undefined) await this.leave(job, queue, token, error.message);
            // Ours, yet what it names is gone: fail it where operators see it (failed jobs), never complete it.
            throw new UnrecoverableError(error.message);
          }
          throw error;
        }
      },
      {
        connection: this.redis.consumer(),
        prefix: this.redis.prefix,
        concurrency,
        // CPU-heavy steps run in worker threads, so the lock is renewed; a dead worker's jobs return fast.
        lockDuration: 30_000,
        stalledInterval: 15_000,
        maxStalledCount: 5,
      },
    );
    worker.on('error', (error) => this.logger.warn(`queue ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (job) this.logger.warn(`job ${job.id} on ${queue} failed (attempt ${job.attemptsMade}): ${error.message}`);
    });
    this.workers.push(worker);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const closing = worker.close();
        const timedOut = await Promise.race([
          closing.then(() => false),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(true), WORKER_SHUTDOWN_DEADLINE_MS).unref()),
        ]);
        // Past the deadline: stop without waiting; the unfinished jobs stall and return to the queue.
        if (timedOut) await worker.close(true);
      }),
    );
  }
}
