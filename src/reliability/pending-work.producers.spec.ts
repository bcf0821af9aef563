import { describe, expect, it } from 'vitest';
import { QueueInboundJobEnqueuer } from '../receive-ports/queue-inbound-job-enqueuer.js';
import type { MessageRecord } from '../messages/message-repository.js';
import { type EnqueueOptions, JobQueue } from '../queue/job-queue.js';
import type { JobPayloads, QueueName } from '../queue/queues.js';
import { InboundRouter } from '../workflows/validation/inbound-router.js';
import { QueueDeliveryRequests } from '../workflows/ports.js';
import { pendingJobOf } from './pending-work.js';

/** Records what the producers enqueue; nothing else of the queue is used by them here. */
class RecordingQueue extends JobQueue {
  readonly jobs: Array<{ queue: QueueName; payload: unknown; jobId: string }> = [];
  async enqueue<Q extends QueueName>(queue: Q, payload: JobPayloads[Q], options: EnqueueOptions): Promise<void> {
    this.jobs.push({ queue, payload, jobId: options.jobId });
  }
  schedule = () => Promise.reject(new Error('not used'));
  counts = () => Promise.reject(new Error('not used'));
  oldestWaitingAt = () => Promise.reject(new Error('not used'));
  hasJob = () => Promise.reject(new Error('not used'));
  jobStatus = () => Promise.reject(new Error('not used'));
  pause = () => Promise.reject(new Error('not used'));
  resume = () => Promise.reject(new Error('not used'));
  isPaused = () => Promise.reject(new Error('not used'));
  failedJobs = () => Promise.reject(new Error('not used'));
  retryFailed = () => Promise.reject(new Error('not used'));
  removeJob = () => Promise.reject(new Error('not used'));
}

const ID = '9b0f3c52-1d7e-4f4a-9a51-6f0c2f1d0e11';
const record = (over: Partial<MessageRecord>): MessageRecord =>
  ({ id: ID, direction: 'inbound', kind: 'cart', state: 'received', attributes: {}, ...over }) as MessageRecord;
const facts = (m: MessageRecord) => ({ ...m, transaction: (m.attributes.transaction as string | undefined) ?? null });

/** The reconciler must queue exactly what the producers queue, or a re-queued job would run twice. */
describe('pendingJobOf agrees with the producers', () => {
  it('the AS4 receiver (received)', async () => {
    const queue = new RecordingQueue();
    await new QueueInboundJobEnqueuer(queue).enqueue({ storedMessageId: ID });
    expect(pendingJobOf(facts(record({})))).toEqual(queue.jobs[0]);
  });

  it('the inbound router (validated carts and catalogues, rejected catalogues)', async () => {
    for (const m of [
      record({ state: 'validated', attributes: { transaction: 'T77' } }),
      record({ state: 'validated', kind: 'catalogue', attributes: { transaction: 'T19' } }),
      record({ state: 'rejected', kind: 'catalogue', attributes: { transaction: 'T19' } }),
    ]) {
      const queue = new RecordingQueue();
      await new InboundRouter(queue, new QueueDeliveryRequests(queue)).route(m);
      const flowJob = queue.jobs.find((j) => j.queue !== 'delivery');
      expect(pendingJobOf(facts(m))).toEqual(flowJob);
    }
  });

  it('the delivery requests (orders and catalogue responses created)', async () => {
    const queue = new RecordingQueue();
    const requests = new QueueDeliveryRequests(queue);
    await requests.orderCreated(ID);
    await requests.catalogueResponseCreated(ID);
    expect(pendingJobOf(facts(record({ state: 'created', kind: 'order', direction: 'internal' })))).toEqual(queue.jobs[0]);
    expect(pendingJobOf(facts(record({ state: 'created', kind: 'catalogue-response', direction: 'outbound' })))).toEqual(queue.jobs[1]);
  });
});
