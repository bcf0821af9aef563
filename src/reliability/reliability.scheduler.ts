import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Housekeeping } from './housekeeping.js';
import { PeriodicTask } from './periodic-task.js';
import { Reconciler } from './reconciler.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';

/** Starts reconciliation and housekeeping with the worker role: once at start, then periodically. */
@Injectable()
export class ReliabilityScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reliability');
  private readonly tasks: PeriodicTask[];

  constructor(reconciler: Reconciler, housekeeping: Housekeeping, @Inject(reliabilityConfig.KEY) cfg: ReliabilityConfig) {
    const report = (what: string) => (error: unknown) => this.logger.warn(`${what} failed, will try again: ${(error as Error)?.message ?? String(error)}`);
    this.tasks = [
      new PeriodicTask(cfg.reconcileIntervalMs, () => reconciler.reconcile(), report('reconciliation')),
      new PeriodicTask(cfg.housekeepingIntervalMs, () => housekeeping.run(), report('housekeeping')),
    ];
  }

  onApplicationBootstrap(): void {
    for (const task of this.tasks) task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.tasks.map((t) => t.stop()));
  }
}
