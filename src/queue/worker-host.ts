import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError, Worker } from 'bullmq';
import { withCorrelation } from '../logging/correlation.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { JOB_HANDLER, type JobHandler } from './job-handler.decorator.js';
import { PermanentJobError } from './job-queue.js';
import type { QueueName } from './queues.js';

const WORKER_SHUTDOWN_DEADLINE_MS = 20_000;

/**
 * Runs the BullMQ workers of the worker role: one per discovered @HandlesQueue provider. Two handlers
 * for one queue stop the boot; shutdown waits for active jobs up to a deadline, then hands them back.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly redis: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    const seen = new Map<QueueName, string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler<QueueName> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const meta = Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as { queue: QueueName; concurrency: number } | undefined;
      if (!meta) continue;
      const other = seen.get(meta.queue);
      if (other) throw new Error(`two handlers for queue ${meta.queue}: ${other} and ${wrapper.name}`);
      seen.set(meta.queue, String(wrapper.name));
      this.start(meta.queue, meta.concurrency, instance);
    }
  }

  private start(queue: QueueName, concurrency: number, handler: JobHandler<QueueName>): void {
    const worker = new Worker(
      queue,
      async (job) => {
        const maxAttempts = job.opts.attempts ?? 1;
        const attempt = job.attemptsMade + 1;
        const messageId = (job.data as { messageId?: string }).messageId;
        try {
          // Log lines of the job carry the message id, like the AS4 request that received it.
          await withCorrelation({ correlationId: String(job.id), messageId }, () =>
            handler.handle(job.data as never, { jobId: String(job.id), attempt, maxAttempts, final: attempt >= maxAttempts }),
          );
        } catch (error) {
          if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
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
