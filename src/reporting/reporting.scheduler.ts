import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { scheduleMaintenanceTask } from '../queue/periodic-task.js';
import { reportingConfig, type ReportingConfig } from './reporting.config.js';
import { ReportingService } from './reporting.service.js';

export const SEND_REPORTS_TASK = 'send-reports';

/**
 * The monthly send of the previous month's TSR and EUSR, on a job scheduler of the `maintenance`
 * queue (kept in Redis: one job per run however many worker processes there are) at
 * REPORTING_SEND_DAY / REPORTING_SEND_HOUR (UTC). The period's row lock and its record of the
 * sent reports make a second run of the same period (a retry, another process) send nothing.
 */
@Injectable()
export class ReportingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reporting');

  constructor(
    private readonly reporting: ReportingService,
    private readonly queue: JobQueue,
    @Inject(reportingConfig.KEY) private readonly config: Pick<ReportingConfig, 'schedule'>,
  ) {}

  onApplicationBootstrap(): void {
    scheduleMaintenanceTask(this.queue, SEND_REPORTS_TASK, { pattern: this.config.schedule }, this.logger, 'the monthly reports');
  }

  /** One scheduled run; a failure fails the job (retried by the queue), an invalid report is alerted by the service. */
  async run(): Promise<void> {
    const outcome = await this.reporting.sendDue();
    if (outcome?.kind === 'skipped') this.logger.debug?.(outcome.reason);
  }
}
