import { Injectable } from '@nestjs/common';
import type { MessageRecord } from '../../messages/message-repository.js';
import { TRANSACTIONS } from '../../peppol/index.js';
import { JobQueue } from '../../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../../queue/queues.js';
import { DeliveryRequests } from '../ports.js';

/** The transaction a received message turned out to be (set when it was validated). */
export function transactionOf(message: MessageRecord): string | null {
  const value = message.attributes.transaction;
  return typeof value === 'string' ? value : null;
}

/**
 * Sends a validated (or rejected) received message on to its flow: carts to punch-out, catalogues
 * to the catalogue flow (an invalid catalogue too, for its rejection response). Other documents
 * (orders, order responses, catalogue responses) stay `validated` for the operator and the OMS.
 * Safe to repeat: every job id derives from the message id.
 */
@Injectable()
export class InboundRouter {
  constructor(
    private readonly queue: JobQueue,
    private readonly deliveries: DeliveryRequests,
  ) {}

  async route(message: MessageRecord): Promise<void> {
    if (message.direction !== 'inbound') return;
    const transaction = transactionOf(message);
    if (message.state === 'validated' && transaction === TRANSACTIONS.punchOut.id) {
      // The punch-out job reads the cart once, for the supplier's `cart.received` and for the approval.
      await this.queue.enqueue(QUEUES.punchout, { messageId: message.id }, { jobId: jobIdFor(QUEUES.punchout, message.id) });
    } else if (message.state === 'rejected' && (transaction === TRANSACTIONS.punchOut.id || message.kind === 'cart')) {
      await this.deliveries.event('cart.rejected', message.id);
    } else if ((message.state === 'validated' || message.state === 'rejected') && (transaction === TRANSACTIONS.catalogue.id || message.kind === 'catalogue')) {
      await this.queue.enqueue(QUEUES.catalogue, { messageId: message.id }, { jobId: jobIdFor(QUEUES.catalogue, message.id) });
    }
  }
}
