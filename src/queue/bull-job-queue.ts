import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Installation } from '../database/installation.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { type EnqueueOptions, JobQueue, type JobStatus, type QueueCounts, type ScheduleRepeat } from './job-queue.js';
import { contextFromCarrier, currentTraceCarrier, inSpan, SpanKind } from '../tracing/trace-context.js';
import { DEFAULT_RETRY, INSTALLATION_FIELD, type JobPayloads, type JobStamps, QUEUES, type QueueName, TRACE_FIELD } from './queues.js';

/** BullMQ-backed queue producer; the only place (with the worker host) that knows BullMQ. */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  /** Schedules this process asked for, per queue: put in Redis again when the connection comes back. */
  private readonly schedules = new Map<QueueName, Map<string, { repeat: number | ScheduleRepeat; payload: unknown }>>();

  constructor(
    private readonly redis: RedisConnections,
    private readonly installation: Installation,
  ) {
    super();
  }

  /** Every job carries the id of the installation that queued it (see WorkerHost: foreign jobs are left alone). */
  private async stamped(payload: unknown): Promise<Record<string, unknown>> {
    return { ...(payload as Record<string, unknown>), [INSTALLATION_FIELD]: await this.installation.id() };
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const retry = DEFAULT_RETRY[name];
      const connection = this.redis.producer();
      connection.on('ready', () => void this.reschedule(name));
      queue = new Queue(name, {
        connection,
        prefix: this.redis.prefix,
        defaultJobOptions: {
          attempts: retry.attempts,
          backoff: { type: 'exponential', delay: retry.backoffMs, jitter: 0.5 },
          removeOnComplete: { count: 1_000, age: 24 * 3600 },
          removeOnFail: { count: 10_000, age: 30 * 24 * 3600 },
        },
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return Object.values(QUEUES).map((q) => this.queue(q));
  }

  /**
   * With tracing on, adding the job is a producer span and the job carries its trace context
   * (`trace`), so the worker's span continues the trace of whatever queued it. Scheduled (periodic)
   * jobs carry none: each period starts a trace of its own.
   */
  async enqueue<Q extends QueueName>(name: Q, payload: JobPayloads[Q], options: EnqueueOptions): Promise<void> {
    const data = await this.published(name, payload, options);
    await this.queue(name).add(name, data, { jobId: options.jobId, delay: options.delayMs });
  }

  /** One pipelined round trip (addBulk); a job id that exists is left as it is, as with add(). */
  override async enqueueMany<Q extends QueueName>(name: Q, jobs: ReadonlyArray<{ payload: JobPayloads[Q]; options: EnqueueOptions }>): Promise<void> {
    if (jobs.length === 0) return;
    const bulk = await Promise.all(
      jobs.map(async (job) => ({ name, data: await this.published(name, job.payload, job.options), opts: { jobId: job.options.jobId, delay: job.options.delayMs } })),
    );
    await this.queue(name).addBulk(bulk);
  }

  /**
   * The job's data, stamped, with the trace context of its producer span (tracing on): the span of
   * the request that queued it (`options.trace`, for a job added in a batch for another request), or
   * the active one. In a batch the span covers preparing the job; the one round trip adds them all.
   */
  private async published<Q extends QueueName>(name: Q, payload: JobPayloads[Q], options: EnqueueOptions): Promise<Record<string, unknown>> {
    const attributes = { 'messaging.system': 'bullmq', 'messaging.operation.type': 'send', 'messaging.destination.name': name, 'messaging.message.id': options.jobId };
    const parent = options.trace ? contextFromCarrier(options.trace) : undefined;
    return inSpan(
      `${name} publish`,
      { kind: SpanKind.PRODUCER, attributes },
      async () => {
        const data: Record<string, unknown> & JobStamps = await this.stamped(payload);
        const trace = currentTraceCarrier();
        if (trace) data[TRACE_FIELD] = trace;
        return data;
      },
      parent,
    );
  }

  async schedule<Q extends QueueName>(name: Q, schedulerId: string, repeat: number | ScheduleRepeat, payload: JobPayloads[Q]): Promise<void> {
    let own = this.schedules.get(name);
    if (!own) this.schedules.set(name, (own = new Map()));
    own.set(schedulerId, { repeat, payload });
    await this.upsertScheduler(name, schedulerId, repeat, payload);
  }

  private async upsertScheduler(name: QueueName, schedulerId: string, repeat: number | ScheduleRepeat, payload: unknown): Promise<void> {
    // BullMQ creates each period's job when the one before it starts, with an id naming the period.
    const options = typeof repeat === 'number' ? { every: repeat } : { pattern: repeat.pattern, tz: 'UTC' };
    await this.queue(name).upsertJobScheduler(schedulerId, options, { name, data: await this.stamped(payload) });
  }

  /** Redis is (back) up: the schedules go there again, in case it restarted without them. */
  private async reschedule(name: QueueName): Promise<void> {
    for (const [schedulerId, { repeat, payload }] of this.schedules.get(name) ?? []) {
      await this.upsertScheduler(name, schedulerId, repeat, payload).catch(() => undefined);
    }
  }

  async counts(name: QueueName): Promise<QueueCounts> {
    const queue = this.queue(name);
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    const paused = await queue.isPaused();
    return {
      waiting: paused ? 0 : (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
      paused: paused ? (c.waiting ?? 0) + (c.prioritized ?? 0) : 0,
    };
  }

  async hasJob(name: QueueName, jobId: string): Promise<boolean> {
    const job = await this.queue(name).getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    return state !== 'completed' && state !== 'unknown';
  }

  async jobStatus(name: QueueName, jobId: string): Promise<JobStatus> {
    const job = await this.queue(name).getJob(jobId);
    if (!job) return 'missing';
    const state = await job.getState();
    switch (state) {
      case 'completed':
      case 'failed':
      case 'delayed':
      case 'active':
        return state;
      case 'waiting':
      case 'prioritized':
      case 'waiting-children':
        return 'waiting';
      default:
        // Removed between the two calls.
        return 'missing';
    }
  }

  async pause(name: QueueName): Promise<void> {
    await this.queue(name).pause();
  }

  async resume(name: QueueName): Promise<void> {
    await this.queue(name).resume();
  }

  async oldestWaitingAt(name: QueueName): Promise<Date | null> {
    // The oldest of each list (a paused queue keeps its jobs in the waiting list).
    const jobs = await this.queue(name).getJobs(['waiting', 'prioritized'], 0, 0, true);
    const oldest = Math.min(...jobs.map((job) => job.timestamp));
    return Number.isFinite(oldest) ? new Date(oldest) : null;
  }

  async isPaused(name: QueueName): Promise<boolean> {
    return this.queue(name).isPaused();
  }

  async failedJobs(name: QueueName, limit: number) {
    const jobs = await this.queue(name).getFailed(0, Math.max(0, limit - 1));
    return jobs.map((j) => ({
      id: String(j.id),
      payload: j.data as unknown,
      error: j.failedReason ?? '',
      attempts: j.attemptsMade,
      failedAt: j.finishedOn ? new Date(j.finishedOn) : null,
    }));
  }

  async retryFailed(name: QueueName, jobId: string): Promise<boolean> {
    const job = await this.queue(name).getJob(jobId);
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed');
    return true;
  }

  async removeJob(name: QueueName, jobId: string): Promise<boolean> {
    const job = await this.queue(name).getJob(jobId);
    if (!job) return false;
    await job.remove();
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}
