import type { MessageState } from '../messages/message-states.js';
import { TRANSACTIONS } from '../peppol/index.js';
import { type DeliveryRequest, jobIdFor, type JobPayloads, QUEUES, type QueueName } from '../queue/queues.js';

/** The facts of a message that decide which job carries its pending work. */
export interface PendingMessage {
  id: string;
  direction: string;
  kind: string;
  state: MessageState;
  transaction: string | null;
}

/** A job as its producer enqueues it: same queue, same payload, same deterministic id. */
export type PendingJob = {
  [Q in QueueName]: { queue: Q; payload: JobPayloads[Q]; jobId: string };
}[QueueName];

const isCart = (m: PendingMessage) => m.transaction === TRANSACTIONS.punchOut.id || m.kind === 'cart';
const isCatalogue = (m: PendingMessage) => m.transaction === TRANSACTIONS.catalogue.id || m.kind === 'catalogue';

const run = <Q extends 'inbound' | 'punchout' | 'catalogue'>(queue: Q, messageId: string, stage?: string): PendingJob =>
  ({ queue, payload: { messageId }, jobId: jobIdFor(queue, messageId, stage) }) as PendingJob;

const delivery = (request: DeliveryRequest, stage: string): PendingJob => ({
  queue: QUEUES.delivery,
  payload: request,
  jobId: jobIdFor(QUEUES.delivery, request.messageId, stage),
});

/**
 * Which job moves a message on from its current state, exactly as the flow that produced the state
 * enqueues it (the AS4 receiver, the inbound router, the approval service, the delivery requests). Null when no
 * message-level job does: a person decides (awaiting approval), the state is final, or another
 * record schedules the work (deliveries in progress have their own delivery records).
 */
export function pendingJobOf(m: PendingMessage): PendingJob | null {
  switch (m.state) {
    case 'received':
      return m.direction === 'inbound' ? run(QUEUES.inbound, m.id) : null;
    case 'validated':
      if (m.direction !== 'inbound') return null;
      if (isCart(m)) return run(QUEUES.punchout, m.id);
      if (isCatalogue(m)) return run(QUEUES.catalogue, m.id);
      // Orders, order responses, catalogue responses stay validated for the operator and the OMS.
      return null;
    case 'rejected':
      // An invalid catalogue still owes its sender a rejecting catalogue response.
      return m.direction === 'inbound' && isCatalogue(m) ? run(QUEUES.catalogue, m.id) : null;
    case 'approved':
    case 'changed':
      // As the approval service queues a decided cart for its order.
      return isCart(m) ? run(QUEUES.punchout, m.id, 'order') : null;
    case 'created':
      if (m.kind === 'order') return delivery({ request: 'order-created', messageId: m.id }, 'order-created');
      if (m.kind === 'catalogue-response') return delivery({ request: 'catalogue-response-created', messageId: m.id }, 'catalogue-response-created');
      return null;
    default:
      return null;
  }
}

/** The states in which pendingJobOf may name a job: the reconciler only reads these. */
export const RECONCILED_STATES: readonly MessageState[] = ['received', 'validated', 'rejected', 'approved', 'changed', 'created'];
