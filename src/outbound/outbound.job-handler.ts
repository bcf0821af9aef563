import { Injectable } from '@nestjs/common';
import { HandlesQueue, type JobHandler } from '../queue/job-handler.decorator.js';
import type { JobContext } from '../queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../queue/queues.js';
import { OutboundSendAttempt } from './outbound-send-attempt.js';

/** Raised to let the queue retry a send later (with backoff, same MessageId). */
export class SendRetryLater extends Error {
  override name = 'SendRetryLater';
}

/** Runs one send attempt per job; transient failures are retried by the queue with backoff. */
@Injectable()
@HandlesQueue(QUEUES.outbound, { concurrency: 16 })
export class OutboundJobHandler implements JobHandler<'outbound'> {
  constructor(private readonly job: OutboundSendAttempt) {}

  async handle(payload: JobPayloads['outbound'], context: JobContext): Promise<void> {
    let result;
    try {
      result = await this.job.run(payload.messageId, { number: context.attempt, final: context.final });
    } catch (error) {
      if (context.final) await this.job.giveUp(payload.messageId, { number: context.attempt }, `the send job failed: ${(error as Error).message}`);
      throw error;
    }
    if (result.kind === 'retry') throw new SendRetryLater(`${result.code}: ${result.reason}`);
  }
}
