import { Injectable } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { type DeliveryRequest, jobIdFor, QUEUES } from '../queue/queues.js';

/** Business events the processing flows report (names as the webhook events call them). */
export type WorkflowEvent = 'cart.received' | 'cart.rejected' | 'catalogue.received' | 'message.failed';

/**
 * What the processing flows ask of the delivery flow: hand over a produced document (an order to
 * the supplier, a catalogue response to the catalogue provider) or report an event. Each request
 * is idempotent: asking twice for the same message is one delivery.
 */
export abstract class DeliveryRequests {
  /** An order message (kind `order`, state `created`) is ready to be sent to its seller. */
  abstract orderCreated(orderMessageId: string): Promise<void>;
  /** A catalogue response message (kind `catalogue-response`, state `created`) is ready to be sent. */
  abstract catalogueResponseCreated(responseMessageId: string): Promise<void>;
  /** Something happened to a message that its owner may want to hear about. */
  abstract event(event: WorkflowEvent, messageId: string): Promise<void>;
}

/** Default binding: one job on the delivery queue per request, its id derived from the request. */
@Injectable()
export class QueueDeliveryRequests extends DeliveryRequests {
  constructor(private readonly queue: JobQueue) {
    super();
  }

  orderCreated(orderMessageId: string): Promise<void> {
    return this.send({ request: 'order-created', messageId: orderMessageId }, 'order-created');
  }

  catalogueResponseCreated(responseMessageId: string): Promise<void> {
    return this.send({ request: 'catalogue-response-created', messageId: responseMessageId }, 'catalogue-response-created');
  }

  event(event: WorkflowEvent, messageId: string): Promise<void> {
    return this.send({ request: 'event', event, messageId }, `event-${event.replace('.', '-')}`);
  }

  private async send(request: DeliveryRequest, stage: string): Promise<void> {
    await this.queue.enqueue(QUEUES.delivery, request, { jobId: jobIdFor(QUEUES.delivery, request.messageId, stage) });
  }
}
