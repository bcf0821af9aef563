import { Injectable, Logger } from '@nestjs/common';
import { CatalogueReadError } from '../catalogue/catalogue-reader.js';
import type { Cart } from '../punchout/cart-model.js';
import { PunchoutError } from '../punchout/errors.js';
import { XmlParseError } from '../ubl/safe-parse.js';
import { DeliveryRequests, type ProducedOrder, type WorkflowEvent } from '../workflows/ports.js';
import { DeliveryError } from './delivery.errors.js';
import { OperatorAlerts } from './alerts/operator-alerts.js';
import { DeliveryService } from './delivery.service.js';
import { SupplierEvents } from './supplier-events.js';
import { WebhookEventError } from './webhook/events.js';

/**
 * The processing flows' DeliveryRequests, answered in the caller's job: routes are resolved and the
 * event with its deliveries stored (or the AS4 send scheduled) before the call returns; only the
 * webhook attempts themselves go through the delivery queue. Data the request cannot be delivered
 * with (no supplier to notify, an event its schema refuses) is logged and dropped, as retrying would
 * not change it; anything else (the database or Redis away) fails the caller's job, which retries.
 */
@Injectable()
export class InProcessDeliveryRequests extends DeliveryRequests {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly delivery: DeliveryService,
    private readonly events: SupplierEvents,
    private readonly alerts: OperatorAlerts,
  ) {
    super();
  }

  orderCreated(order: ProducedOrder): Promise<void> {
    return this.settle(`order ${order.message.id}`, () => this.alertIfFailed(order.message.id, this.delivery.orderProduced(order)));
  }

  storedOrderCreated(orderMessageId: string): Promise<void> {
    return this.settle(`order ${orderMessageId}`, () => this.alertIfFailed(orderMessageId, this.delivery.orderCreated(orderMessageId)));
  }

  catalogueResponseCreated(responseMessageId: string): Promise<void> {
    return this.settle(`catalogue response ${responseMessageId}`, () =>
      this.alertIfFailed(responseMessageId, this.delivery.catalogueResponseCreated(responseMessageId)),
    );
  }

  receivedDocument(messageId: string): Promise<void> {
    return this.settle(`received document ${messageId}`, () => this.alertIfFailed(messageId, this.delivery.documentReceived(messageId)));
  }

  cartReceived(cartMessageId: string, cart: Cart): Promise<void> {
    return this.settle(`cart.received of ${cartMessageId}`, () => this.events.cartReceived(cartMessageId, cart));
  }

  async event(event: Exclude<WorkflowEvent, 'cart.received'>, messageId: string): Promise<void> {
    // The operators hear of every message that failed for good, whether or not its owner has a route.
    if (event === 'message.failed') await this.alerts.messageFailed(messageId);
    return this.settle(`${event} of ${messageId}`, () => this.events.fromMessage(event, messageId));
  }

  /** A hand-over that found no way (no route, unreadable document): the message is delivery-failed, which the operators hear of. */
  private async alertIfFailed(messageId: string, handOver: Promise<{ way: string; state?: string }>): Promise<void> {
    const outcome = await handOver;
    if (outcome.way === 'none' || outcome.way === 'failed' || (outcome.way === 'done' && outcome.state === 'delivery-failed')) {
      await this.alerts.messageFailed(messageId);
    }
  }

  private async settle(what: string, request: () => Promise<unknown>): Promise<void> {
    try {
      await request();
    } catch (error) {
      if (!isBadData(error)) throw error;
      this.logger.warn(`${what} not delivered: ${(error as Error).message}`);
    }
  }
}

/** Failures that come from the data itself: the same on every try. */
function isBadData(error: unknown): boolean {
  return (
    error instanceof DeliveryError ||
    error instanceof WebhookEventError ||
    error instanceof CatalogueReadError ||
    error instanceof PunchoutError ||
    error instanceof XmlParseError
  );
}
