import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { MessageRepository, type MessageRecord } from '../../messages/message-repository.js';
import { TransactionRegistry } from '../../peppol/index.js';
import { JobQueue } from '../../queue/job-queue.js';
import { pendingJobOf, type PendingJob } from '../../reliability/pending-work.js';
import { conflict } from '../http/problem.js';
import type { ReprocessStage } from './reprocess-stages.js';

export { REPROCESS_STAGES, type ReprocessStage } from './reprocess-stages.js';

/**
 * Processes a failed message again from a stage an operator chooses: the message moves from
 * `failed` to that stage (recorded in its timeline with who asked), and the job that carries that
 * stage on is queued exactly as its flow would queue it (same queue, payload and job id).
 */
@Injectable()
export class Reprocessor {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly queue: JobQueue,
    private readonly transactions: TransactionRegistry,
  ) {}

  async reprocess(message: MessageRecord, stage: ReprocessStage, actor: string): Promise<{ message: MessageRecord; job: PendingJob }> {
    if (message.state !== 'failed') throw conflict(`message ${message.id} is ${message.state}; only failed messages are reprocessed`);
    const transaction = message.attributes.transaction ?? this.transactions.forDocumentType(message.documentTypeId ?? '')?.id ?? null;
    const job = pendingJobOf({ id: message.id, direction: message.direction, kind: message.kind, state: stage, transaction, relatedMessageId: message.relatedMessageId });
    if (!job) throw conflict(`nothing processes a ${message.direction} ${message.kind} from ${stage}; choose another stage`);
    // The dead letter of the earlier run holds the deterministic job id; it must go for the new job to be queued.
    const status = await this.queue.jobStatus(job.queue, job.jobId);
    if (status === 'waiting' || status === 'delayed' || status === 'active') throw conflict(`job ${job.jobId} of message ${message.id} is ${status} already`);
    const moved = await this.db.transaction((tx) =>
      this.messages.transition(message.id, stage, { actor, reason: `reprocess from ${stage}`, from: ['failed'], data: { reprocess: stage }, tx }),
    );
    if (status !== 'missing') await this.queue.removeJob(job.queue, job.jobId);
    await this.queue.enqueue(job.queue, job.payload as never, { jobId: job.jobId });
    return { message: moved, job };
  }
}
