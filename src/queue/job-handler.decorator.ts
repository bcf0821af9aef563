import { SetMetadata } from '@nestjs/common';
import type { JobContext } from './job-queue.js';
import type { JobPayloads, QueueName } from './queues.js';

export const JOB_HANDLER = Symbol('job-handler');

/** A provider that processes one queue's jobs. Exactly one handler per queue, checked at worker boot. */
export interface JobHandler<Q extends QueueName> {
  handle(payload: JobPayloads[Q], context: JobContext): Promise<void>;
}

/** Marks a provider as the handler of `queue`; the worker host discovers it. */
export const HandlesQueue = (queue: QueueName, options: { concurrency?: number } = {}) =>
  SetMetadata(JOB_HANDLER, { queue, concurrency: options.concurrency ?? 4 });
