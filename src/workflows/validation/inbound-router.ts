import { Injectable, Optional } from '@nestjs/common';
import type { MessageRecord } from '../../messages/message-repository.js';
import { MlsIntake } from '../../mls/mls-intake.js';
import { MlsResponder } from '../../mls/mls-responder.js';
import type { FiredRule } from '../../validation/validation-report.js';
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
 * to the catalogue flow (an invalid catalogue too, for its rejection response). Every other valid
 * business document (orders, order responses, catalogue responses, despatch advice, ...) is handed
 * to its receiver's back end in this job: the delivery flow stores its event and deliveries before
 * this returns. An invalid one goes nowhere but to the operator (and, through MLS, its sender).
 * Safe to repeat: every job id derives from the message id; a hand-over is stored once.
 */
@Injectable()
export class InboundRouter {
  constructor(
    private readonly queue: JobQueue,
    private readonly deliveries: DeliveryRequests,
    @Optional() private readonly mlsResponder?: MlsResponder,
    @Optional() private readonly mlsIntake?: MlsIntake,
  ) {}

  async route(message: MessageRecord): Promise<void> {
    if (message.direction !== 'inbound') return;
    const transaction = transactionOf(message);
    if (transaction === TRANSACTIONS.messageLevelStatus.id || message.kind === TRANSACTIONS.messageLevelStatus.kind) {
      // A status about a document we sent: tied to it, never answered with a status of its own.
      await this.mlsIntake?.received(message);
      return;
    }
    await this.flow(message, transaction);
    await this.tellSender(message, transaction);
  }

  /**
   * The sender's access point hears what became of the document once that is known here: invalid,
   * or taken over by the flow that is its receiver's back end (punch-out, catalogue). Documents
   * without a flow here get their status when a back end takes them.
   */
  private async tellSender(message: MessageRecord, transaction: string | null): Promise<void> {
    if (!this.mlsResponder) return;
    if (message.state === 'rejected') {
      const fired = ((message.validation as { fired?: FiredRule[] } | null)?.fired ?? []).filter((f) => f && typeof f.id === 'string');
      if (fired.some((f) => f.flag === 'fatal')) await this.mlsResponder.fateKnown(message.id, { kind: 'invalid', fired });
    } else if (message.state === 'validated' && (transaction === TRANSACTIONS.punchOut.id || transaction === TRANSACTIONS.catalogue.id)) {
      await this.mlsResponder.fateKnown(message.id, { kind: 'handed-over', confirmed: true });
    }
  }

  private async flow(message: MessageRecord, transaction: string | null): Promise<void> {
    if (message.state === 'validated' && transaction === TRANSACTIONS.punchOut.id) {
      // The punch-out job reads the cart once, for the supplier's `cart.received` and for the approval.
      await this.queue.enqueue(QUEUES.punchout, { messageId: message.id }, { jobId: jobIdFor(QUEUES.punchout, message.id) });
    } else if (message.state === 'rejected' && (transaction === TRANSACTIONS.punchOut.id || message.kind === 'cart')) {
      await this.deliveries.event('cart.rejected', message.id);
    } else if ((message.state === 'validated' || message.state === 'rejected') && (transaction === TRANSACTIONS.catalogue.id || message.kind === 'catalogue')) {
      await this.queue.enqueue(QUEUES.catalogue, { messageId: message.id }, { jobId: jobIdFor(QUEUES.catalogue, message.id) });
    } else if (message.state === 'validated' || message.state === 'delivering') {
      // `delivering`: a re-run after a crash between the hand-over's commit and this job's end.
      await this.deliveries.receivedDocument(message.id);
    }
  }
}
