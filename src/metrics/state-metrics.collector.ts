import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessageRepository } from '../messages/message-repository.js';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { MetricsService } from './metrics.service.js';

/** Fills the queue-depth and message-state gauges at scrape time. */
@Injectable()
export class StateMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly messages: MessageRepository,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      for (const name of Object.values(QUEUES)) {
        const counts = await this.queue.counts(name);
        for (const [state, value] of Object.entries(counts)) this.metrics.queueJobs.set({ queue: name, state }, value);
        const oldest = await this.queue.oldestWaitingAt(name);
        this.metrics.queueOldestWaitingSeconds.set({ queue: name }, oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      }
    });
    this.metrics.onScrape(async () => {
      const counts = await this.messages.countByDirectionAndState();
      this.metrics.messagesByState.reset();
      for (const c of counts) this.metrics.messagesByState.set({ direction: c.direction, state: c.state }, c.count);
    });
  }
}
