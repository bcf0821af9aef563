import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
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
  /** Runs going on in this process: a run that outlasts its period is not started a second time here. */
  private readonly running = new Set<ReliabilityTask>();

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
    for (const [task, everyMs] of periods) {
      this.queue
        .schedule(QUEUES.maintenance, task, everyMs, { task })
        .catch((error: unknown) => this.logger.warn(`cannot schedule ${task} yet (again when Redis is back): ${(error as Error).message}`));
    }
  }

  /** One scheduled run. A failing run (database or Redis away) is reported and the next period tries again. */
  async run(task: ReliabilityTask): Promise<void> {
    if (this.running.has(task)) return;
    this.running.add(task);
    try {
      if (task === 'reconcile-pending') await this.reconciler.reconcile();
      else await this.housekeeping.run();
    } catch (error) {
      const what = task === 'reconcile-pending' ? 'reconciliation' : 'housekeeping';
      this.logger.warn(`${what} failed, will try again: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      this.running.delete(task);
    }
  }
}
