import type { TraceCarrier } from '../tracing/trace-context.js';
import type { JobPayloads, QueueName } from './queues.js';

export interface EnqueueOptions {
  /** Deterministic id; a second enqueue with the same id while the job exists is a no-op. */
  jobId: string;
  delayMs?: number;
  /** The trace the job continues when it is queued outside its request's context (a batched add for several requests). */
  trace?: TraceCarrier;
}

/** A cron pattern, evaluated in UTC. */
export interface ScheduleRepeat {
  pattern: string;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: number;
}

/** Where a job is: still to run (waiting, delayed, active), finished (completed, failed) or not in the queue at all. */
export type JobStatus = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'missing';

/** Schedules work. Services depend on this class, never on the queue library. */
export abstract class JobQueue {
  abstract enqueue<Q extends QueueName>(queue: Q, payload: JobPayloads[Q], options: EnqueueOptions): Promise<void>;
  /**
   * Several jobs on one queue, each as `enqueue` would (a job id that exists is a no-op), resolved
   * when all are queued; in one round trip where the queue can. Throws when any failed (those that
   * were queued stay: enqueueing them again changes nothing).
   */
  async enqueueMany<Q extends QueueName>(queue: Q, jobs: ReadonlyArray<{ payload: JobPayloads[Q]; options: EnqueueOptions }>): Promise<void> {
    await Promise.all(jobs.map((job) => this.enqueue(queue, job.payload, job.options)));
  }
  /**
   * Queues `payload` every `everyMs` (the first time at once), or at the times of a cron pattern
   * (UTC, seconds optional, e.g. `0 3 2 * *`: 03:00 on the 2nd of every month): one job per period
   * however many processes ask, from a schedule kept in Redis under `schedulerId` (asking again with
   * the same repeat changes nothing). This process asks again whenever its Redis connection comes
   * back, in case Redis restarted empty.
   */
  abstract schedule<Q extends QueueName>(queue: Q, schedulerId: string, repeat: number | ScheduleRepeat, payload: JobPayloads[Q]): Promise<void>;
  abstract counts(queue: QueueName): Promise<QueueCounts>;
  /** When the job that has waited longest to start was added (null when none waits). */
  abstract oldestWaitingAt(queue: QueueName): Promise<Date | null>;
  /** True when a job with that id exists (waiting, delayed, active or failed). */
  abstract hasJob(queue: QueueName, jobId: string): Promise<boolean>;
  /** The job's status; `missing` when Redis does not know the id (never added, removed, or Redis lost it). */
  abstract jobStatus(queue: QueueName, jobId: string): Promise<JobStatus>;
  abstract pause(queue: QueueName): Promise<void>;
  abstract resume(queue: QueueName): Promise<void>;
  abstract isPaused(queue: QueueName): Promise<boolean>;
  /** Failed jobs (dead letters) with their last error. */
  abstract failedJobs(queue: QueueName, limit: number): Promise<Array<{ id: string; payload: unknown; error: string; attempts: number; failedAt: Date | null }>>;
  abstract retryFailed(queue: QueueName, jobId: string): Promise<boolean>;
  abstract removeJob(queue: QueueName, jobId: string): Promise<boolean>;
}

/** Context a job handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  /** True on the last attempt: a failure now is final (the message moves to `failed`). */
  final: boolean;
}

/**
 * Thrown by a handler whose job names what this installation does not have (a message not in its
 * database): the job may belong to another installation sharing the Redis and queue prefix. It is
 * never completed silently: a job not stamped by this installation is left in the queue for its owner.
 */
export class ForeignJobError extends Error {
  override name = 'ForeignJobError';
}

/** Thrown by a handler when retrying cannot help (bad data); the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
