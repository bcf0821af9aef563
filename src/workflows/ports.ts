import type { MessageRecord } from '../messages/message-repository.js';
import type { Cart } from '../punchout/cart-model.js';
import type { OrderModel } from '../punchout/order-model.js';

/** Business events the processing flows report (names as the webhook events call them). */
export type WorkflowEvent = 'cart.received' | 'cart.rejected' | 'catalogue.received' | 'message.failed';

/** An order the punch-out flow has just made: its stored message (kind `order`, state `created`), the model and the written T01. */
export interface ProducedOrder {
  message: MessageRecord;
  order: OrderModel;
  xml: string;
}

/**
 * What the processing flows ask of the delivery flow: hand over a produced document (an order to
 * the supplier, a catalogue response to the catalogue provider), hand a received document to its
 * receiver's back end, or report an event. A request is
 * answered in the caller's job: when it resolves, the webhook deliveries (or the AS4 send) are
 * stored and scheduled, so the caller may acknowledge its own job. Each request is idempotent:
 * asking twice for the same message is one delivery.
 */
export abstract class DeliveryRequests {
  /** An order has just been made; the data in hand goes with it, so nothing is read back. */
  abstract orderCreated(order: ProducedOrder): Promise<void>;
  /** An order made earlier whose hand-over may not have happened (a crash between the two): read back from the store. */
  abstract storedOrderCreated(orderMessageId: string): Promise<void>;
  /** A catalogue response message (kind `catalogue-response`, state `created`) is ready to be sent. */
  abstract catalogueResponseCreated(responseMessageId: string): Promise<void>;
  /**
   * A received business document passed validation and has no flow of its own here (an order, an
   * order response, a catalogue response, any other BIS document): hand it to its receiver's back end.
   */
  abstract receivedDocument(messageId: string): Promise<void>;
  /** A validated cart, as the punch-out flow has just read it. */
  abstract cartReceived(cartMessageId: string, cart: Cart): Promise<void>;
  /** Something happened to a message that its owner may want to hear about (read from the message). */
  abstract event(event: Exclude<WorkflowEvent, 'cart.received'>, messageId: string): Promise<void>;
}
