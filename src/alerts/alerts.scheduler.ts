import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { OneRunAtATime, scheduleMaintenanceTask } from '../queue/periodic-task.js';
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
  private readonly runs = new OneRunAtATime(this.logger);

  constructor(
    private readonly monitor: AlertMonitor,
    private readonly queue: JobQueue,
    @Inject(alertsConfig.KEY) private readonly cfg: Pick<AlertsConfig, 'checkIntervalMs'>,
  ) {}

  onApplicationBootstrap(): void {
    scheduleMaintenanceTask(this.queue, CHECK_ALERTS_TASK, this.cfg.checkIntervalMs, this.logger, 'the alert checks');
  }

  async run(): Promise<void> {
    await this.runs.run('the alert checks', () => this.monitor.run(), { failJob: true });
  }
}
