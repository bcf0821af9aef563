import { Injectable } from '@nestjs/common';
import { AlertsScheduler } from '../../alerts/alerts.scheduler.js';
import { HandlesQueue, type JobHandler } from '../../queue/job-handler.decorator.js';
import { PermanentJobError } from '../../queue/job-queue.js';
import type { JobPayloads } from '../../queue/queues.js';
import { QUEUES } from '../../queue/queues.js';
import { ReliabilityScheduler } from '../../reliability/reliability.scheduler.js';
import { ReportingScheduler } from '../../reporting/reporting.scheduler.js';
import { RetentionScheduler } from '../../retention/retention.scheduler.js';
import { ApprovalService } from '../punchout/approval.service.js';
import { ApprovalSweep } from './approval-sweep.js';

/**
 * Timers and periodic work: a cart's approval deadline; the periodic sweep of overdue carts, and the
 * reliability module's reconciliation and housekeeping, the monthly Peppol Reporting send, the
 * retention purge, the operator alert checks (each queued by its job scheduler).
 */
@Injectable()
@HandlesQueue(QUEUES.maintenance, { concurrency: 2 })
export class MaintenanceJobHandler implements JobHandler<'maintenance'> {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly sweep: ApprovalSweep,
    private readonly reliability: ReliabilityScheduler,
    private readonly reporting: ReportingScheduler,
    private readonly retention: RetentionScheduler,
    private readonly alerts: AlertsScheduler,
  ) {}

  async handle(payload: JobPayloads['maintenance']): Promise<void> {
    switch (payload.task) {
      case 'abandon-cart':
        await this.approvals.abandonIfOverdue(payload.messageId);
        return;
      case 'sweep-approvals':
        await this.sweep.sweep();
        return;
      case 'reconcile-pending':
      case 'housekeeping':
        await this.reliability.run(payload.task);
        return;
      case 'send-reports':
        await this.reporting.run();
        return;
      case 'retention-purge':
        await this.retention.run();
        return;
      case 'check-alerts':
        await this.alerts.run();
        return;
      default:
        throw new PermanentJobError(`unknown maintenance task ${JSON.stringify((payload as { task?: unknown }).task)}`);
    }
  }
}
