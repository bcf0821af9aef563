import { Injectable } from '@nestjs/common';
import { InboundJobEnqueuer } from '../as4/receive/ports.js';
import { JobQueue } from '../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../queue/queues.js';

/** Queues the processing of a stored message; the job id derives from the record id (no double work). */
@Injectable()
export class QueueInboundJobEnqueuer extends InboundJobEnqueuer {
  constructor(private readonly queue: JobQueue) {
    super();
  }

  async enqueue(job: { storedMessageId: string }): Promise<void> {
    await this.queue.enqueue(QUEUES.inbound, { messageId: job.storedMessageId }, { jobId: jobIdFor(QUEUES.inbound, job.storedMessageId) });
  }
}
