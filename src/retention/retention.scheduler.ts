import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { OneRunAtATime, scheduleMaintenanceTask } from '../queue/periodic-task.js';
import { retentionConfig, type RetentionConfig } from './retention.config.js';
import { RetentionService, SCHEDULE_REQUESTER } from './retention.service.js';

export const PURGE_TASK = 'retention-purge';

/**
 * The purge every RETENTION_PURGE_INTERVAL_SECONDS, on a job scheduler of the `maintenance` queue
 * (kept in Redis: one job per period however many worker processes there are). Scheduled only when
 * some kind has a retention; a purge already running in this process is not started twice.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');
  private readonly runs = new OneRunAtATime(this.logger);

  constructor(
    private readonly retention: RetentionService,
    private readonly queue: JobQueue,
    @Inject(retentionConfig.KEY) private readonly cfg: Pick<RetentionConfig, 'purgeIntervalMs'>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.retention.enabled) return;
    scheduleMaintenanceTask(this.queue, PURGE_TASK, this.cfg.purgeIntervalMs, this.logger, 'the retention purge');
  }

  /** One scheduled run; a failing run (database away) is reported and the next period tries again. */
  async run(): Promise<void> {
    await this.runs.run('retention purge', () => this.retention.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER }));
  }
}
