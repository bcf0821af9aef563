import { Inject, Injectable, Optional } from '@nestjs/common';
import { InboundJobEnqueuer } from '../as4/receive/ports.js';
import { GroupCommitWindow } from '../common/group-commit-window.js';
import { JobQueue } from '../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../queue/queues.js';
import { GroupCommitMetrics } from './group-commit-metrics.js';
import { receivePortsConfig, type ReceivePortsConfig } from './receive-ports.config.js';

/**
 * Queues the processing of a stored message; the job id derives from the record id (no double work).
 * Messages stored by one group commit are queued together, in one round trip (RECEIVE_GROUP_COMMIT_WINDOW_MS);
 * each request is answered only once its own job is queued.
 */
@Injectable()
export class QueueInboundJobEnqueuer extends InboundJobEnqueuer {
  private readonly window: GroupCommitWindow<string, void>;

  constructor(
    private readonly queue: JobQueue,
    @Inject(receivePortsConfig.KEY) config: Pick<ReceivePortsConfig, 'groupCommit'>,
    @Optional() metrics?: GroupCommitMetrics,
  ) {
    super();
    this.window = new GroupCommitWindow<string, void>(
      {
        batch: async (ids) => {
          await this.queue.enqueueMany(QUEUES.inbound, ids.map(job));
          return ids.map(() => ({ status: 'fulfilled', value: undefined }));
        },
        single: async (id) => {
          const { payload, options } = job(id);
          await this.queue.enqueue(QUEUES.inbound, payload, options);
        },
        // A job holds only an id: a failed bulk add is the queue's failure, not a job's. Each request
        // fails (no receipt) and its sender retries; the jobs added meanwhile are found again by id.
        retryAlone: () => false,
      },
      { ...config.groupCommit, onBatch: (size) => metrics?.batchSize.observe({ stage: 'enqueue' }, size) },
    );
  }

  async enqueue(job: { storedMessageId: string }): Promise<void> {
    await this.window.submit(job.storedMessageId);
  }
}

const job = (storedMessageId: string) => ({ payload: { messageId: storedMessageId }, options: { jobId: jobIdFor(QUEUES.inbound, storedMessageId) } });
