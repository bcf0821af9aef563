import { Inject, Injectable, Optional } from '@nestjs/common';
import { InboundJobEnqueuer } from '../as4/receive/ports.js';
import { GroupCommitWindow } from '../common/group-commit-window.js';
import { JobQueue } from '../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../queue/queues.js';
import { currentTraceCarrier, type TraceCarrier } from '../tracing/trace-context.js';
import { GroupCommitMetrics } from './group-commit-metrics.js';
import { receivePortsConfig, type ReceivePortsConfig } from './receive-ports.config.js';

/**
 * Queues the processing of a stored message; the job id derives from the record id (no double work).
 * Messages stored by one group commit are queued together, in one round trip (RECEIVE_GROUP_COMMIT_WINDOW_MS);
 * each request is answered only once its own job is queued.
 */
@Injectable()
export class QueueInboundJobEnqueuer extends InboundJobEnqueuer {
  private readonly window: GroupCommitWindow<QueuedMessage, void>;

  constructor(
    private readonly queue: JobQueue,
    @Inject(receivePortsConfig.KEY) config: Pick<ReceivePortsConfig, 'groupCommit'>,
    @Optional() metrics?: GroupCommitMetrics,
  ) {
    super();
    this.window = new GroupCommitWindow<QueuedMessage, void>(
      {
        batch: async (messages) => {
          await this.queue.enqueueMany(QUEUES.inbound, messages.map(job));
          return messages.map(() => ({ status: 'fulfilled', value: undefined }));
        },
        single: async (message) => {
          const { payload, options } = job(message);
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
    // The request's trace, taken now: the batch is added later, from whichever request's turn.
    await this.window.submit({ id: job.storedMessageId, trace: currentTraceCarrier() });
  }
}

interface QueuedMessage {
  id: string;
  trace: TraceCarrier | undefined;
}

const job = ({ id, trace }: QueuedMessage) => ({ payload: { messageId: id }, options: { jobId: jobIdFor(QUEUES.inbound, id), trace } });
