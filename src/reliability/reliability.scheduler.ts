import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { OneRunAtATime, scheduleMaintenanceTask } from '../queue/periodic-task.js';
import { Housekeeping } from './housekeeping.js';
import { Reconciler } from './reconciler.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';

export type ReliabilityTask = 'reconcile-pending' | 'housekeeping';

/**
 * Schedules reconciliation and housekeeping with the worker role (job schedulers in Redis: once per
 * period across all worker processes, the first time as soon as the schedule is made) and runs
 * them when their job comes.
 */
@Injectable()
export class ReliabilityScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reliability');
  private readonly runs = new OneRunAtATime(this.logger);

  constructor(
    private readonly reconciler: Reconciler,
    private readonly housekeeping: Housekeeping,
    private readonly queue: JobQueue,
    @Inject(reliabilityConfig.KEY) private readonly cfg: ReliabilityConfig,
  ) {}

  onApplicationBootstrap(): void {
    const periods: Array<[ReliabilityTask, number]> = [
      ['reconcile-pending', this.cfg.reconcileIntervalMs],
      ['housekeeping', this.cfg.housekeepingIntervalMs],
    ];
    for (const [task, everyMs] of periods) scheduleMaintenanceTask(this.queue, task, everyMs, this.logger, task);
  }

  /** One scheduled run. A failing run (database or Redis away) is reported and the next period tries again. */
  async run(task: ReliabilityTask): Promise<void> {
    if (task === 'reconcile-pending') await this.runs.run('reconciliation', () => this.reconciler.reconcile());
    else await this.runs.run('housekeeping', () => this.housekeeping.run());
  }
}
