import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue.js';
import { QUEUES } from '../../queue/queues.js';
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
    this.queue
      .schedule(QUEUES.maintenance, 'sweep-approvals', this.cfg.sweepIntervalMs, { task: 'sweep-approvals' })
      .catch((error: unknown) => this.logger.warn(`cannot schedule the approval sweep yet (again when Redis is back): ${(error as Error).message}`));
  }
}
