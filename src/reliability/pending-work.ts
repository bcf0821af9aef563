import type { MessageState } from '../messages/message-states.js';
import { TRANSACTIONS } from '../peppol/index.js';
import { jobIdFor, type JobPayloads, QUEUES, type QueueName } from '../queue/queues.js';

/** The facts of a message that decide which job carries its pending work. */
export interface PendingMessage {
  id: string;
  direction: string;
  kind: string;
  state: MessageState;
  transaction: string | null;
  /** The message this one was made from (an order's cart, a catalogue response's catalogue). */
  relatedMessageId: string | null;
}

/** A job as its producer enqueues it: same queue, same payload, same deterministic id. */
export type PendingJob = {
  [Q in QueueName]: { queue: Q; payload: JobPayloads[Q]; jobId: string };
}[QueueName];

const isCart = (m: PendingMessage) => m.transaction === TRANSACTIONS.punchOut.id || m.kind === 'cart';
const isCatalogue = (m: PendingMessage) => m.transaction === TRANSACTIONS.catalogue.id || m.kind === 'catalogue';

const run = <Q extends 'inbound' | 'punchout' | 'catalogue'>(queue: Q, messageId: string, stage?: string): PendingJob =>
  ({ queue, payload: { messageId }, jobId: jobIdFor(queue, messageId, stage) }) as PendingJob;

/**
 * Which job moves a message on from its current state, exactly as the flow that produced the state
 * enqueues it (the AS4 receiver, the inbound router, the approval service). Null when no
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
      // Other documents are handed to their back end in the validation job itself; one still here
      // has no route taking it and waits for its back end to fetch it (no job would change that).
      return null;
    case 'rejected':
      // An invalid catalogue still owes its sender a rejecting catalogue response.
      return m.direction === 'inbound' && isCatalogue(m) ? run(QUEUES.catalogue, m.id) : null;
    case 'approved':
    case 'changed':
      // As the approval service queues a decided cart for its order.
      return isCart(m) ? run(QUEUES.punchout, m.id, 'order') : null;
    case 'created':
      // A produced document is handed over by the job that made it; run that job again for its
      // source, which finds the document made and hands it over (order-created cart, responded catalogue).
      if (!m.relatedMessageId) return null;
      if (m.kind === 'order') return run(QUEUES.punchout, m.relatedMessageId, 'order');
      if (m.kind === 'catalogue-response') return run(QUEUES.catalogue, m.relatedMessageId);
      return null;
    default:
      return null;
  }
}

/** The states in which pendingJobOf may name a job: the reconciler only reads these. */
export const RECONCILED_STATES: readonly MessageState[] = ['received', 'validated', 'rejected', 'approved', 'changed', 'created'];
