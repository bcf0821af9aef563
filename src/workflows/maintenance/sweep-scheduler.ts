import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { JobQueue } from '../../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../../queue/queues.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';

/**
 * Queues the periodic sweep from every worker process; the job id names the interval, so however
 * many workers run, each interval is swept once.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SweepScheduler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      const slot = Math.floor(this.clock.now().getTime() / this.cfg.sweepIntervalMs);
      this.queue
        .enqueue(QUEUES.maintenance, { task: 'reconcile' }, { jobId: jobIdFor(QUEUES.maintenance, String(slot), 'reconcile') })
        .catch((error: unknown) => this.logger.warn(`cannot queue the sweep: ${(error as Error).message}`));
    };
    tick();
    this.timer = setInterval(tick, this.cfg.sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
