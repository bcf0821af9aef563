import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { AlertMonitor } from './alert-monitor.js';
import { alertsConfig, type AlertsConfig } from './alerts.config.js';

export const CHECK_ALERTS_TASK = 'check-alerts';

/**
 * The periodic alert checks on a job scheduler of the `maintenance` queue (kept in Redis: one run per
 * ALERT_CHECK_INTERVAL_MS however many workers there are). A run that outlasts its period is not
 * started a second time in this process; a failed run fails its job and the next period tries again.
 */
@Injectable()
export class AlertsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Alerts');
  private running = false;

  constructor(
    private readonly monitor: AlertMonitor,
    private readonly queue: JobQueue,
    @Inject(alertsConfig.KEY) private readonly cfg: Pick<AlertsConfig, 'checkIntervalMs'>,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .schedule(QUEUES.maintenance, CHECK_ALERTS_TASK, this.cfg.checkIntervalMs, { task: CHECK_ALERTS_TASK })
      .catch((error: unknown) => this.logger.warn(`cannot schedule the alert checks yet (again when Redis is back): ${(error as Error).message}`));
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.monitor.run();
    } finally {
      this.running = false;
    }
  }
}
