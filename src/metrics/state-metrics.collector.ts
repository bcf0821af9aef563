import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Database } from '../database/database.js';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { MetricsService } from './metrics.service.js';

/** Fills the queue-depth and message-state gauges at scrape time. */
@Injectable()
export class StateMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly db: Database,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      for (const name of Object.values(QUEUES)) {
        const counts = await this.queue.counts(name);
        for (const [state, value] of Object.entries(counts)) this.metrics.queueJobs.set({ queue: name, state }, value);
      }
    });
    this.metrics.onScrape(async () => {
      const rows = await this.db.query<{ direction: string; state: string; n: string }>(
        `SELECT direction, state, count(*)::text AS n FROM messages GROUP BY direction, state`,
      );
      this.metrics.messagesByState.reset();
      for (const r of rows) this.metrics.messagesByState.set({ direction: r.direction, state: r.state }, Number(r.n));
    });
  }
}
