import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue.js';
import { scheduleMaintenanceTask } from '../../queue/periodic-task.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';

/**
 * Schedules the periodic approval sweep from every worker process; the schedule lives in Redis, so
 * however many workers run, each period is swept once.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('SweepScheduler');

  constructor(
    private readonly queue: JobQueue,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  onApplicationBootstrap(): void {
    scheduleMaintenanceTask(this.queue, 'sweep-approvals', this.cfg.sweepIntervalMs, this.logger, 'the approval sweep');
  }
}
