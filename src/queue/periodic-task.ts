import type { Logger } from '@nestjs/common';
import type { JobQueue, ScheduleRepeat } from './job-queue.js';
import { type PeriodicTaskName, QUEUES } from './queues.js';

/**
 * Asks for a periodic task on a job scheduler of the `maintenance` queue. The schedule lives in
 * Redis, so however many worker processes ask, each period makes one job. Redis away at start is
 * only logged: the queue asks again for its schedules when Redis is back.
 */
export function scheduleMaintenanceTask(queue: JobQueue, task: PeriodicTaskName, repeat: number | ScheduleRepeat, logger: Logger, what: string): void {
  queue
    .schedule(QUEUES.maintenance, task, repeat, { task })
    .catch((error: unknown) => logger.warn(`cannot schedule ${what} yet (again when Redis is back): ${(error as Error).message}`));
}

/**
 * Periodic work runs at most once at a time in this process: a run that outlasts its period is not
 * started a second time. A failing run is logged and the next period tries again, unless it should
 * fail its job (`failJob`: the queue retries it and operators see it among failed jobs).
 */
export class OneRunAtATime {
  private readonly running = new Set<string>();

  constructor(private readonly logger: Logger) {}

  async run(what: string, work: () => Promise<unknown>, options: { failJob?: boolean } = {}): Promise<void> {
    if (this.running.has(what)) return;
    this.running.add(what);
    try {
      await work();
    } catch (error) {
      if (options.failJob) throw error;
      this.logger.warn(`${what} failed, will try again: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      this.running.delete(what);
    }
  }
}
