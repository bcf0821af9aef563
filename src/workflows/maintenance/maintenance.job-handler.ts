import { Injectable } from '@nestjs/common';
import { HandlesQueue, type JobHandler } from '../../queue/job-handler.decorator.js';
import type { JobPayloads } from '../../queue/queues.js';
import { QUEUES } from '../../queue/queues.js';
import { ApprovalService } from '../punchout/approval.service.js';
import { ApprovalSweep } from './approval-sweep.js';

/** Timers of the punch-out flow: a cart's approval deadline, and the periodic sweep of overdue carts. */
@Injectable()
@HandlesQueue(QUEUES.maintenance, { concurrency: 2 })
export class MaintenanceJobHandler implements JobHandler<'maintenance'> {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly sweep: ApprovalSweep,
  ) {}

  async handle(payload: JobPayloads['maintenance']): Promise<void> {
    if (payload.task === 'abandon-cart') {
      await this.approvals.abandonIfOverdue(payload.messageId);
      return;
    }
    await this.sweep.sweep();
  }
}
