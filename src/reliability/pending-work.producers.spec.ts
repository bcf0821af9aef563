import { describe, expect, it } from 'vitest';
import { QueueInboundJobEnqueuer } from '../receive-ports/queue-inbound-job-enqueuer.js';
import type { MessageRecord } from '../messages/message-repository.js';
import { type EnqueueOptions, JobQueue } from '../queue/job-queue.js';
import type { JobPayloads, QueueName } from '../queue/queues.js';
import { DeliveryRequests } from '../workflows/ports.js';
import { InboundRouter } from '../workflows/validation/inbound-router.js';
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
const facts = (m: MessageRecord) => ({ ...m, transaction: (m.attributes.transaction as string | undefined) ?? null, relatedMessageId: m.relatedMessageId ?? null });

/** The inbound router queues flow jobs only; what it reports goes to the delivery flow, not to the queue. */
class NoDeliveries extends DeliveryRequests {
  orderCreated = () => Promise.resolve();
  storedOrderCreated = () => Promise.resolve();
  receivedDocument = () => Promise.resolve();
  catalogueResponseCreated = () => Promise.resolve();
  cartReceived = () => Promise.resolve();
  event = () => Promise.resolve();
}

/** The reconciler must queue exactly what the producers queue, or a re-queued job would run twice. */
describe('pendingJobOf agrees with the producers', () => {
  it('the AS4 receiver (received)', async () => {
    // Alone, and in a group commit (the batch path queues through enqueueMany).
    for (const windowMs of [0, 2]) {
      const queue = new RecordingQueue();
      const enqueuer = new QueueInboundJobEnqueuer(queue, { groupCommit: { windowMs, maxBatch: 32 } });
      const other = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
      await Promise.all([enqueuer.enqueue({ storedMessageId: ID }), enqueuer.enqueue({ storedMessageId: other })]);
      expect(pendingJobOf(facts(record({})))).toEqual(queue.jobs[0]);
      expect(pendingJobOf(facts(record({ id: other })))).toEqual(queue.jobs[1]);
    }
  });

  it('the inbound router (validated carts and catalogues, rejected catalogues)', async () => {
    for (const m of [
      record({ state: 'validated', attributes: { transaction: 'T77' } }),
      record({ state: 'validated', kind: 'catalogue', attributes: { transaction: 'T19' } }),
      record({ state: 'rejected', kind: 'catalogue', attributes: { transaction: 'T19' } }),
    ]) {
      const queue = new RecordingQueue();
      await new InboundRouter(queue, new NoDeliveries()).route(m);
      expect(queue.jobs).toHaveLength(1);
      expect(pendingJobOf(facts(m))).toEqual(queue.jobs[0]);
    }
  });

  it('the producers of orders and catalogue responses: the job of their source, as the approval service and the inbound router queue it', async () => {
    const cart = '5d6f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const catalogue = '6e7f2b3c-4d5e-4f60-9bac-1d2e3f4a5b6c';
    const order = record({ state: 'created', kind: 'order', direction: 'outbound', relatedMessageId: cart });
    expect(pendingJobOf(facts(order))).toEqual(pendingJobOf(facts(record({ id: cart, state: 'approved', attributes: { transaction: 'T77' } }))));
    const queue = new RecordingQueue();
    await new InboundRouter(queue, new NoDeliveries()).route(record({ id: catalogue, state: 'validated', kind: 'catalogue', attributes: { transaction: 'T19' } }));
    const response = record({ state: 'created', kind: 'catalogue-response', direction: 'outbound', relatedMessageId: catalogue });
    expect(pendingJobOf(facts(response))).toEqual(queue.jobs[0]);
  });
});
