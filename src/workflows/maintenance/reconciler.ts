import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Database } from '../../database/database.js';
import { MessageRepository, type MessageRecord } from '../../messages/message-repository.js';
import { JobQueue } from '../../queue/job-queue.js';
import { jobIdFor, QUEUES, type QueueName } from '../../queue/queues.js';
import { transactionOf } from '../inbound/inbound-router.js';
import { DeliveryRequests } from '../ports.js';
import { ApprovalService } from '../punchout/approval.service.js';
import { ApprovalStore } from '../punchout/approval-store.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';

export interface SweepResult {
  abandoned: number;
  requeued: number;
}

/**
 * The safety net behind the timers and the queue: abandons carts past their deadline whose timer
 * was lost, and queues again the messages whose work stopped (a process died between a commit and
 * its enqueue). A message still has its job, or has been touched lately: left alone.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger('Reconciler');

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly approvals: ApprovalStore,
    private readonly approvalService: ApprovalService,
    private readonly queue: JobQueue,
    private readonly deliveries: DeliveryRequests,
    private readonly clock: Clock,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    let abandoned = 0;
    for (const id of await this.approvals.overdue(now, this.cfg.sweepBatch)) {
      if (await this.approvalService.abandonIfOverdue(id)) abandoned++;
    }
    let requeued = 0;
    for (const id of await this.stalled(new Date(now.getTime() - this.cfg.staleAfterMs))) {
      const message = await this.messages.find(id);
      if (message && (await this.resume(message))) requeued++;
    }
    if (abandoned || requeued) this.logger.log(`sweep: ${abandoned} carts abandoned, ${requeued} messages queued again`);
    return { abandoned, requeued };
  }

  /** Messages with work left in these flows, untouched since `before`, oldest first. */
  private async stalled(before: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM messages WHERE updated_at < $1 AND (
         (direction = 'inbound' AND state IN ('received', 'approved', 'changed'))
         OR (direction = 'inbound' AND state = 'validated' AND kind IN ('cart', 'catalogue'))
         OR (direction = 'inbound' AND state IN ('rejected', 'catalogue-stored') AND kind = 'catalogue' AND NOT (attributes ? 'responseStatus'))
         OR (direction = 'outbound' AND state = 'created' AND kind IN ('order', 'catalogue-response')))
       ORDER BY updated_at LIMIT $2`,
      [before.toISOString(), this.cfg.sweepBatch],
    );
    return rows.map((r) => String(r.id));
  }

  /** Queues the next step of a message whose work stopped; false when it has none or still has a job. */
  private async resume(message: MessageRecord): Promise<boolean> {
    const transaction = transactionOf(message);
    const isCart = message.kind === 'cart' || transaction === 'T77';
    const isCatalogue = message.kind === 'catalogue' || transaction === 'T19';
    if (message.direction === 'outbound' && message.state === 'created') {
      if (message.kind === 'order') await this.deliveries.orderCreated(message.id);
      else if (message.kind === 'catalogue-response') await this.deliveries.catalogueResponseCreated(message.id);
      else return false;
      return true;
    }
    if (message.direction !== 'inbound') return false;
    switch (message.state) {
      case 'received':
        return this.requeue(QUEUES.inbound, message);
      case 'validated':
        if (isCart) return this.requeue(QUEUES.punchout, message);
        return isCatalogue ? this.requeue(QUEUES.catalogue, message) : false;
      case 'approved':
      case 'changed':
        return this.requeue(QUEUES.punchout, message, 'order');
      case 'rejected':
      case 'catalogue-stored':
        return isCatalogue && !message.attributes.responseStatus ? this.requeue(QUEUES.catalogue, message) : false;
      default:
        return false;
    }
  }

  /**
   * Skips a message whose regular job still exists; otherwise a job whose id names the stale
   * moment, so several sweepers queue it once and a message that moved on is queued afresh.
   */
  private async requeue(queue: Exclude<QueueName, 'delivery' | 'maintenance'>, message: MessageRecord, stage = 'run'): Promise<boolean> {
    if (await this.queue.hasJob(queue, jobIdFor(queue, message.id, stage))) return false;
    const jobId = jobIdFor(queue, message.id, `sweep-${message.updatedAt.getTime()}`);
    await this.queue.enqueue(queue, { messageId: message.id }, { jobId });
    return true;
  }
}
