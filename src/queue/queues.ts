import type { TraceCarrier } from '../tracing/trace-context.js';

/**
 * Every queue, its job payload and its default options, in one place. Payloads carry ids only, never
 * documents: the database and the blob store hold the data, Redis only schedules work.
 */
export const QUEUES = {
  /** A received message: classify, validate, route to its flow. */
  inbound: 'inbound',
  /** Cart → approval → order. */
  punchout: 'punchout',
  /** Catalogue → store → catalogue response. */
  catalogue: 'catalogue',
  /** One attempt of one webhook delivery (the delivery record says what to send where). */
  delivery: 'delivery',
  /** Timers and periodic work: a cart's approval deadline; the approval sweep, reconciliation, housekeeping, the reports, the retention purge, the alert checks. */
  maintenance: 'maintenance',
  /** Send a produced document over AS4 to the receiver's access point (same MessageId on every retry). */
  outbound: 'outbound',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  inbound: { messageId: string };
  punchout: { messageId: string };
  catalogue: { messageId: string };
  delivery: DeliveryAttemptJob;
  maintenance: { task: 'abandon-cart'; messageId: string } | { task: PeriodicTaskName };
  outbound: { messageId: string };
}

/** Work queued on `maintenance` by a job scheduler, once per period across all worker processes. */
export type PeriodicTaskName = 'sweep-approvals' | 'reconcile-pending' | 'housekeeping' | 'send-reports' | 'retention-purge' | 'check-alerts';

/**
 * The next attempt of a stored webhook delivery. `jobSeq` is the delivery's sequence number when
 * the job was made: only the job carrying the current number may act on the delivery.
 */
export interface DeliveryAttemptJob {
  deliveryId: string;
  jobSeq: number;
}

export interface JobRetryPolicy {
  attempts: number;
  /** First retry delay; doubles each attempt, with jitter. */
  backoffMs: number;
}

export const DEFAULT_RETRY: Record<QueueName, JobRetryPolicy> = {
  inbound: { attempts: 8, backoffMs: 1_000 },
  punchout: { attempts: 8, backoffMs: 1_000 },
  catalogue: { attempts: 8, backoffMs: 2_000 },
  // Webhook delivery keeps its own schedule (about 24 h) and re-enqueues itself with a delay.
  delivery: { attempts: 3, backoffMs: 1_000 },
  maintenance: { attempts: 5, backoffMs: 1_000 },
  // Transient send failures (5xx, timeouts, unreachable): about 17 h of doubling delays from 30 s.
  outbound: { attempts: 12, backoffMs: 30_000 },
};

/**
 * A job whose work failed because DATA_DIR's disk is full waits for space without spending one of
 * its attempts: tried again after `firstMs`, doubling up to `maxMs`, for as long as the disk stays
 * full. Once space is back, every waiting job resumes within `maxMs`, however long the disk was full.
 */
export const STORAGE_FULL_WAIT = { firstMs: 500, maxMs: 10_000 } as const;

/** How long a job waits after its `waits`-th failure on a full disk (0 for the first). */
export function storageFullWaitMs(waits: number): number {
  return Math.min(STORAGE_FULL_WAIT.maxMs, STORAGE_FULL_WAIT.firstMs * 2 ** Math.min(Math.max(0, waits), 20));
}

/**
 * The field of every job's data naming the installation (database) that queued it. Two installations
 * sharing a Redis and a QUEUE_PREFIX never take each other's jobs: a worker leaves a job stamped by
 * another installation in the queue.
 */
export const INSTALLATION_FIELD = 'installation';

/**
 * The field of a job's data carrying the W3C trace context (traceparent, tracestate) of the code that
 * queued it, when tracing is on: the worker's span for the job continues that trace.
 */
export const TRACE_FIELD = 'trace';

/** What the queue adds to every job's payload when the job is added (BullJobQueue); read by the worker host. */
export interface JobStamps {
  [INSTALLATION_FIELD]?: string;
  /** Absent with tracing off, in scheduled (periodic) jobs and in jobs queued by earlier versions. */
  [TRACE_FIELD]?: TraceCarrier;
}

/** Deterministic job id: the same message enqueued twice is one job (ids may not contain ':'). */
export function jobIdFor(queue: QueueName, key: string, stage = 'run'): string {
  return `${queue}.${stage}.${key}`.replace(/:/g, '_');
}
