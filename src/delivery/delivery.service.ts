import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { ConfigOf } from '../config/define-config.js';
import { Database, type SqlExecutor } from '../database/database.js';
import { MessageRepository, StateConflictError, type MessageRecord } from '../messages/message-repository.js';
import type { MessageState } from '../messages/message-states.js';
import { normalizeParticipant, qualifiedDocumentTypeId, TRANSACTIONS } from '../peppol/index.js';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { BlobStore } from '../storage/blob-store.js';
import { DEFAULT_XML_LIMITS, XmlParseError } from '../ubl/safe-parse.js';
import { DOCUMENT_ROLE } from '../workflows/shared/workflow-documents.js';
import type { ProducedOrder } from '../workflows/ports.js';
import { deliveryConfig } from './delivery.config.js';
import { DeliveryError } from './delivery.errors.js';
import { deliveryAttemptJob } from './deliveries/delivery-jobs.js';
import type { Delivery } from './deliveries/delivery.model.js';
import { DeliveryRepository } from './deliveries/delivery-repository.js';
import { peppolRoutingOf, participantKey } from './events/event-data.js';
import { OrderJsonError, orderJsonFromModel, orderJsonFromUbl } from './events/order-json.js';
import { describeOrderResponse, lineOutcomes, OrderResponseReadError, readOrderResponse, type OrderResponseSummary } from './events/order-response-json.js';
import {
  catalogueResponseReceivedData,
  documentReceivedData,
  orderReceivedData,
  orderResponseReceivedData,
  type AnsweredOrder,
  type ReceivedDocumentBody,
} from './events/received-event-data.js';
import { readCatalogueResponse, readDocumentHead, ReceivedDocumentReadError } from './events/received-document-json.js';
import { isReceivedEventType, receivedEventTypeOf, type ReceivedEventType } from './events/received-events.js';
import { OutboundAs4Sender, ReceivedDocumentFates } from './ports.js';
import type { SignedRoute, WebhookRoute } from './routes/route.model.js';
import { RouteService } from './routes/route.service.js';
import {
  buildWebhookEvent,
  type AlertEventType,
  type ParticipantEventType,
  WEBHOOK_SCHEMA_VERSION,
  WebhookEventError,
  type WebhookEventData,
  type WebhookEventType,
  type WebhookOrder,
} from './webhook/events.js';
import { webhookIdForEvent } from './webhook/signer.js';
import { webhookConfig } from './webhook/webhook.config.js';

export interface EmitRequest<T extends WebhookEventType> {
  type: T;
  data: WebhookEventData<T>;
  /** The supplier whose routes receive the event (`scheme:value`); null for an operator alert. */
  supplierId: string | null;
  documentTypeId?: string | null;
  /** The message the event is about. */
  messageId?: string | null;
  /** What makes the event unique for its type: emitting the same type and key again changes nothing. */
  key: string;
  occurredAt?: Date;
}

export interface EmitResult {
  eventId: string;
  webhookId: string;
  deliveries: Array<{ id: string; routeId: string; created: boolean }>;
}

export type ReceivedDeliveryOutcome =
  | { way: 'webhook'; eventId: string; deliveries: number }
  | { way: 'none'; reason: string }
  | { way: 'failed'; reason: string }
  | { way: 'done'; state: 'delivered' | 'delivery-failed' };

export type OrderDeliveryOutcome =
  | { way: 'webhook'; eventId: string; deliveries: number }
  | { way: 'as4'; routeId: string | null }
  | { way: 'none'; reason: string };

/** Who notes a received Order Response on the order it answers. */
const ORDER_RESPONSE_ACTOR = 'order-response';

/** A received document as read for its event: the bytes (when they may be read) and how it travels. */
interface ReceivedDocument {
  bytes: Buffer | null;
  body: ReceivedDocumentBody;
}

/** The document's bytes, which this event cannot do without. */
function requireBytes(document: ReceivedDocument, type: ReceivedEventType): Buffer {
  if (!document.bytes) throw new DeliveryError('message-not-deliverable', `the ${type} document is ${document.body.size} bytes, more than can be read`);
  return document.bytes;
}

/** Role of the business document the validation job took out of a received SBD. */
const BUSINESS_DOCUMENT_ROLE = DOCUMENT_ROLE.business;

/** Failures of reading a received document: the same on every try. */
function isUnreadable(error: unknown): boolean {
  return (
    error instanceof OrderJsonError ||
    error instanceof OrderResponseReadError ||
    error instanceof ReceivedDocumentReadError ||
    error instanceof XmlParseError ||
    error instanceof DeliveryError
  );
}

/** The T01 document type every produced order has. */
const ORDER_DOCUMENT_TYPE = qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId);
const ACTOR = 'delivery';

/** Deterministic event id: the same (type, key) always names the same event, hence the same webhook-id. */
export function eventIdFor(type: WebhookEventType, key: string): string {
  return createHash('sha256').update(`${type}\n${key}`).digest('hex').slice(0, 32);
}

/**
 * Turns what happened into webhook deliveries: one per matching route, stored before they are
 * queued, idempotent per event and route. Orders additionally move their message through
 * `created → delivering → delivered | delivery-failed`, or go onward over AS4 when the supplier's
 * route says so. Replays restart finished deliveries under the same webhook-id.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly db: Database,
    private readonly deliveries: DeliveryRepository,
    private readonly routes: RouteService,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(webhookConfig.KEY) private readonly webhook: Pick<ConfigOf<typeof webhookConfig>, 'http'>,
    @Inject(deliveryConfig.KEY) private readonly config: ConfigOf<typeof deliveryConfig>,
    @Optional() private readonly as4Sender?: OutboundAs4Sender,
    @Optional() private readonly fates?: ReceivedDocumentFates,
  ) {}

  /** Emits an event to every enabled webhook route of the supplier that takes its type. */
  async emit<T extends ParticipantEventType>(request: EmitRequest<T> & { supplierId: string }): Promise<EmitResult> {
    const supplierId = normalizeParticipant(request.supplierId);
    const { webhooks } = await this.routes.resolve(supplierId, request.documentTypeId ?? null, request.type);
    return this.emitTo(webhooks, { ...request, supplierId });
  }

  /**
   * Emits an operator alert to every enabled operator route that takes its type: stored, signed,
   * retried and replayable like any event. The same type and key again changes nothing.
   */
  async emitAlert<T extends AlertEventType>(request: Omit<EmitRequest<T>, 'supplierId' | 'documentTypeId'>): Promise<EmitResult> {
    const routes = await this.routes.resolveOperator(request.type);
    return this.emitTo(routes, { ...request, supplierId: null, documentTypeId: null });
  }

  /**
   * The punch-out flow has just made an order: its message (kind `order`, state `created`, receiver =
   * the supplier) and the order itself. The webhook's JSON is built from the order model and the
   * XML in hand; nothing is read back from the store. Calling it again for the same order changes nothing.
   */
  async orderProduced(produced: ProducedOrder): Promise<OrderDeliveryOutcome> {
    return this.deliverOrder(produced.message, async () => ({ xml: produced.xml, order: orderJsonFromModel(produced.order) }));
  }

  /**
   * An order made earlier (after a crash between its commit and its hand-over, or when an operator
   * asks again): the same as orderProduced, with the order read back from its stored T01.
   */
  async orderCreated(orderMessageId: string): Promise<OrderDeliveryOutcome> {
    const message = await this.messages.find(orderMessageId);
    if (!message) throw new DeliveryError('message-not-deliverable', `no message ${orderMessageId}`);
    return this.deliverOrder(message, async () => {
      const xml = (await this.blobs.read(await this.orderDocument(message))).toString('utf8');
      return { xml, order: orderJsonFromUbl(xml) };
    });
  }

  /** Delivers an order the way the supplier's routes say: webhook deliveries, onward over AS4, or no way (recorded). */
  private async deliverOrder(message: MessageRecord, readOrder: () => Promise<{ xml: string; order: WebhookOrder }>): Promise<OrderDeliveryOutcome> {
    if (message.kind !== 'order') {
      throw new DeliveryError('message-not-deliverable', `message ${message.id} is a ${message.kind}, not an order`);
    }
    if (message.state === 'delivered') return { way: 'webhook', eventId: eventIdFor('order.created', message.id), deliveries: 0 };
    const startable =
      message.state === 'created' ||
      message.state === 'delivering' ||
      (message.state === 'delivery-failed' && (await this.deliveries.forMessage(message.id)).length === 0);
    if (!startable) {
      throw new DeliveryError('message-not-deliverable', `order ${message.id} is ${message.state}; replay its deliveries instead`);
    }
    let data: WebhookEventData<'order.created'>;
    let supplierId: string;
    try {
      const { xml, order } = await readOrder();
      supplierId = message.receiverId ?? participantKey(order.seller.endpointId)!;
      const peppol = peppolRoutingOf(message);
      data = { schemaVersion: WEBHOOK_SCHEMA_VERSION, messageId: message.id, order, ublXml: xml, ...(peppol ? { peppol } : {}) };
    } catch (error) {
      if (error instanceof OrderJsonError || error instanceof XmlParseError || error instanceof DeliveryError) {
        return this.noWay(message, 'unreadable-order', error.message);
      }
      throw error;
    }
    const documentTypeId = message.documentTypeId ?? ORDER_DOCUMENT_TYPE;
    const { webhooks, as4 } = await this.routes.resolve(supplierId, documentTypeId, 'order.created');
    if (as4) {
      if (!this.as4Sender) return this.noWay(message, 'as4-unavailable', `route ${as4.id} sends over AS4, which this process cannot do`);
      await this.messages.setAttributes(message.id, { delivery: { way: 'as4', routeId: as4.id } });
      await this.as4Sender.sendOnward({ messageId: message.id, supplierId, documentTypeId, routeId: as4.id });
      return { way: 'as4', routeId: as4.id };
    }
    if (webhooks.length === 0) return this.noWay(message, 'no-route', `no enabled route of supplier ${supplierId} takes orders`);
    try {
      const result = await this.emitTo(
        webhooks,
        { type: 'order.created', data, supplierId, documentTypeId, messageId: message.id, key: message.id, occurredAt: message.createdAt },
        (tx, created) =>
          this.markDelivering(message.id, webhooks, { reason: `to ${created.length} webhook route(s)`, from: ['created', 'delivery-failed'], data: { routes: webhooks.map((r) => r.id) } }, tx),
      );
      return { way: 'webhook', eventId: result.eventId, deliveries: result.deliveries.length };
    } catch (error) {
      if (error instanceof WebhookEventError || (error instanceof DeliveryError && error.code === 'message-not-deliverable')) {
        return this.noWay(message, 'invalid-event', error.message);
      }
      throw error;
    }
  }

  /**
   * A catalogue response (kind `catalogue-response`, state `created`) goes back to the catalogue's
   * provider over Peppol: through its AS4 route if one is set, else to the AP its SMP names.
   */
  async catalogueResponseCreated(messageId: string): Promise<OrderDeliveryOutcome> {
    const message = await this.messages.find(messageId);
    if (!message || message.kind !== 'catalogue-response') {
      throw new DeliveryError('message-not-deliverable', `no catalogue response ${messageId}`);
    }
    if (message.state !== 'created') return { way: 'none', reason: `catalogue response ${messageId} is ${message.state} already` };
    const supplierId = message.receiverId;
    if (!supplierId) return this.noWay(message, 'no-receiver', `catalogue response ${messageId} names no receiver`);
    if (!this.as4Sender) return this.noWay(message, 'as4-unavailable', 'catalogue responses travel over AS4, which this process cannot send');
    const { as4 } = await this.routes.resolve(supplierId, message.documentTypeId, 'catalogue.received');
    await this.messages.setAttributes(message.id, { delivery: { way: 'as4', routeId: as4?.id ?? null } });
    await this.as4Sender.sendOnward({ messageId: message.id, supplierId, documentTypeId: message.documentTypeId, routeId: as4?.id ?? null });
    return as4 ? { way: 'as4', routeId: as4.id } : { way: 'as4', routeId: null };
  }

  /**
   * A received business document passed validation (the inbound router, in the validation job): it
   * goes to its receiver's back end as the event of its kind (order.received, order-response.received,
   * catalogue-response.received, document.received). The event and one delivery per webhook route are
   * stored with the message's move to `delivering` in one transaction; only the attempts cross the
   * queue. Without a route taking the event, the document stays `validated` for the back end to fetch.
   * Calling it again for the same message changes nothing.
   */
  async documentReceived(messageId: string): Promise<ReceivedDeliveryOutcome> {
    const message = await this.messages.find(messageId);
    if (!message || message.direction !== 'inbound') throw new DeliveryError('message-not-deliverable', `no received message ${messageId}`);
    const type = receivedEventTypeOf(typeof message.attributes.transaction === 'string' ? message.attributes.transaction : null);
    if (message.state === 'delivered' || message.state === 'delivery-failed') return { way: 'done', state: message.state };
    if (message.state !== 'validated' && message.state !== 'delivering') {
      throw new DeliveryError('message-not-deliverable', `received message ${messageId} is ${message.state}, not validated`);
    }
    const participantId = message.receiverId ? normalizeParticipant(message.receiverId) : null;
    if (!participantId) return this.undeliverable(message, 'no-receiver', `received message ${messageId} names no receiver`);
    let document: ReceivedDocument;
    let answer: { response: OrderResponseSummary; order: AnsweredOrder | null } | null = null;
    try {
      document = await this.readReceived(message);
      if (type === 'order-response.received') {
        // Tied to our order whether or not the buyer has a route: the order's timeline shows it either way.
        const response = readOrderResponse(requireBytes(document, type));
        answer = { response, order: await this.tieOrderResponse(message, response) };
      }
    } catch (error) {
      if (isUnreadable(error)) return this.undeliverable(message, 'unreadable-document', (error as Error).message);
      throw error;
    }
    const { webhooks, as4 } = await this.routes.resolve(participantId, message.documentTypeId, type);
    if (webhooks.length === 0) {
      // An AS4 route carries what we produce to the participant's own access point; a document
      // received for the participant has reached the access point that serves it already.
      const as4Note = as4 ? ` (its AS4 route ${as4.id} carries documents made here, not received ones)` : '';
      const reason = `no enabled webhook route of ${participantId} takes ${type}${as4Note}; the document waits for its back end to fetch it`;
      if (message.state === 'validated') await this.messages.annotate(message.id, { actor: ACTOR, reason, data: { event: type } });
      return { way: 'none', reason };
    }
    let request: EmitRequest<ReceivedEventType>;
    try {
      const data = this.receivedEventData(message, type, document, answer);
      request = { type, data, supplierId: participantId, documentTypeId: message.documentTypeId, messageId: message.id, key: message.id, occurredAt: message.createdAt };
    } catch (error) {
      if (isUnreadable(error)) return this.undeliverable(message, 'unreadable-document', (error as Error).message);
      throw error;
    }
    try {
      const result = await this.emitTo(webhooks, request, (tx, created) =>
        this.markDelivering(message.id, webhooks, { reason: `${type} to ${created.length} webhook route(s)`, from: ['validated'], data: { routes: webhooks.map((r) => r.id), event: type } }, tx),
      );
      return { way: 'webhook', eventId: result.eventId, deliveries: result.deliveries.length };
    } catch (error) {
      if (error instanceof WebhookEventError || (error instanceof DeliveryError && error.code === 'message-not-deliverable')) {
        return this.undeliverable(message, 'invalid-event', error.message);
      }
      throw error;
    }
  }

  /** The message moves to `delivering` with its deliveries, in their transaction; an earlier run of the same request may have moved it already. */
  private async markDelivering(
    messageId: string,
    webhooks: readonly WebhookRoute[],
    move: { reason: string; from: MessageState[]; data: Record<string, unknown> },
    tx: SqlExecutor,
  ): Promise<void> {
    try {
      await this.messages.transition(messageId, 'delivering', {
        actor: ACTOR,
        ...move,
        patch: { attributes: { delivery: { way: 'webhook', routes: webhooks.map((r) => r.id) } } },
        tx,
      });
    } catch (error) {
      if (error instanceof StateConflictError && error.from === 'delivering') return;
      throw error;
    }
  }

  /** The stored business document of a received message: its bytes when they may be read, and how it travels. */
  private async readReceived(message: MessageRecord): Promise<ReceivedDocument> {
    const stored = (await this.messages.documents(message.id)).find((d) => d.role === BUSINESS_DOCUMENT_ROLE);
    if (!stored) throw new DeliveryError('message-not-deliverable', `received message ${message.id} has no stored business document`);
    const inline = stored.size <= this.config.inlineMaxBytes;
    const bytes = inline || stored.size <= DEFAULT_XML_LIMITS.maxBytes ? await this.blobs.read(stored.sha256) : null;
    return { bytes, body: { size: stored.size, sha256: stored.sha256, ...(bytes && inline ? { xml: bytes.toString('utf8') } : {}) } };
  }

  /** The event's data from the document read: the order, the response (with our order), or the document's head. */
  private receivedEventData(
    message: MessageRecord,
    type: ReceivedEventType,
    document: ReceivedDocument,
    answer: { response: OrderResponseSummary; order: AnsweredOrder | null } | null,
  ): WebhookEventData<ReceivedEventType> {
    const url = this.config.publicUrl;
    const { body, bytes } = document;
    switch (type) {
      case 'document.received':
        return documentReceivedData(message, body, bytes ? readDocumentHead(bytes) : null, url);
      case 'order.received':
        return orderReceivedData(message, body, orderJsonFromUbl(requireBytes(document, type)), url);
      case 'order-response.received':
        return orderResponseReceivedData(message, body, answer!.response, answer!.order, url);
      case 'catalogue-response.received':
        return catalogueResponseReceivedData(message, body, readCatalogueResponse(requireBytes(document, type)), url);
    }
  }

  /**
   * A received Order Response that answers an order we produced (its OrderReference is our order
   * number, from the order's seller to its buyer, the parties the same) is tied to that order: linked
   * as its related message, the outcome per line on the order's timeline and in its attributes. Once:
   * a response already linked is not noted again. Null when it answers no order of ours.
   */
  private async tieOrderResponse(message: MessageRecord, response: OrderResponseSummary): Promise<AnsweredOrder | null> {
    if (!message.senderId || !message.receiverId) return null;
    const buyer = normalizeParticipant(message.receiverId);
    const seller = normalizeParticipant(message.senderId);
    const order = await this.messages.findProducedOrder(response.orderNumber, buyer, seller);
    if (!order) return null;
    const named = (party: { endpointId: { scheme: string; value: string } }) => normalizeParticipant(`${party.endpointId.scheme}:${party.endpointId.value}`);
    if (named(response.buyer) !== buyer || named(response.seller) !== seller) {
      if (message.relatedMessageId !== order.id) {
        await this.messages.annotate(message.id, {
          actor: ORDER_RESPONSE_ACTOR,
          reason: `answers order number ${response.orderNumber}, but its parties (buyer ${named(response.buyer)}, seller ${named(response.seller)}) are not that order's: not tied to it`,
        });
      }
      return null;
    }
    let lineIds: string[] = [];
    try {
      const xml = await this.blobs.read(await this.orderDocument(order));
      lineIds = orderJsonFromUbl(xml).lines.map((line) => line.id);
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      this.logger.warn(`order ${order.id}: its T01 could not be read for its line ids (${(error as Error).message}); the response's own lines are shown`);
    }
    const answered = { messageId: order.id, orderNumber: response.orderNumber, lineIds };
    if (message.relatedMessageId === order.id) return answered;
    const lines = lineIds.length ? lineOutcomes(response, lineIds) : response.lines;
    await this.db.transaction(async (tx) => {
      await this.messages.link(message.id, order.id, tx);
      await this.messages.setAttributes(
        order.id,
        {
          orderResponse: {
            messageId: message.id,
            code: response.code,
            responseCode: response.responseCode,
            receivedAt: message.createdAt.toISOString(),
            lines: lines.map((line) => ({ lineId: line.lineId, code: line.code })),
          },
        },
        tx,
      );
      await this.messages.annotate(order.id, {
        actor: ORDER_RESPONSE_ACTOR,
        reason: describeOrderResponse(response, lines),
        data: { responseMessageId: message.id, code: response.code, responseCode: response.responseCode, lines },
        tx,
      });
    });
    return answered;
  }

  /** A received document that cannot reach its back end as things stand: `delivery-failed` with why. */
  private async undeliverable(message: MessageRecord, code: string, reason: string): Promise<ReceivedDeliveryOutcome> {
    this.logger.warn(`received message ${message.id} not delivered: ${reason}`);
    try {
      await this.messages.transition(message.id, 'delivery-failed', {
        actor: ACTOR,
        reason,
        from: ['validated', 'delivering'],
        patch: { failure: { stage: 'delivery', code, message: reason } },
      });
    } catch (error) {
      if (!(error instanceof StateConflictError)) throw error;
    }
    // The sender's access point hears of it (an MLS rejection for a failed delivery).
    await this.fates?.fateKnown(message.id, { kind: 'undeliverable', reason });
    return { way: 'failed', reason };
  }

  /** Starts one finished delivery again: same body, same webhook-id, a new run of the retry schedule. */
  async replayDelivery(deliveryId: string): Promise<Delivery> {
    const delivery = await this.deliveries.get(deliveryId);
    if (!delivery) throw new DeliveryError('delivery-not-found', `no delivery ${deliveryId}`);
    if (delivery.state === 'pending' || delivery.state === 'sending') {
      throw new DeliveryError('delivery-in-progress', `delivery ${deliveryId} is ${delivery.state}; it is being delivered already`);
    }
    const route = await this.routes.get(delivery.routeId);
    if (!route.enabled) {
      throw new DeliveryError('invalid-replay', `route ${route.id} is disabled${route.disabledReason ? ` (${route.disabledReason})` : ''}; enable it first`);
    }
    const event = (await this.deliveries.event(delivery.eventId))!;
    const restarted = await this.db.transaction(async (tx) => {
      const again = await this.deliveries.restart(delivery.id, this.clock.now(), tx);
      if (!again) throw new DeliveryError('delivery-in-progress', `delivery ${deliveryId} was restarted meanwhile`);
      if ((event.type === 'order.created' || isReceivedEventType(event.type)) && event.messageId) await this.reopenMessage(event.messageId, tx);
      return again;
    });
    await this.enqueue(restarted);
    return restarted;
  }

  /** Replays every failed delivery of a route whose failure lies in [from, to). */
  async replayRoute(routeId: string, from: Date, to: Date): Promise<{ replayed: string[]; skipped: Array<{ id: string; reason: string }>; more: boolean }> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw new DeliveryError('invalid-replay', 'the time range needs from < to, both valid instants');
    }
    await this.routes.get(routeId);
    const failed = await this.deliveries.failedOfRoute(routeId, from, to, this.config.replayMax + 1);
    const replayed: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    for (const delivery of failed.slice(0, this.config.replayMax)) {
      try {
        replayed.push((await this.replayDelivery(delivery.id)).id);
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        skipped.push({ id: delivery.id, reason: error.message });
      }
    }
    return { replayed, skipped, more: failed.length > this.config.replayMax };
  }

  /** Re-enqueues deliveries whose job went missing (Redis lost, worker crashed): safe to run any time. */
  async reconcile(graceMs = 60_000): Promise<number> {
    const overdue = await this.deliveries.overdue(new Date(this.clock.now().getTime() - graceMs), this.config.reconcileBatch);
    for (const delivery of overdue) await this.enqueue(delivery, delivery.state === 'sending' ? (delivery.leaseUntil ?? undefined) : undefined);
    return overdue.length;
  }

  /** Queues the current job of a pending delivery (a no-op if that job exists). */
  async enqueue(delivery: Delivery, resumeAt?: Date): Promise<void> {
    const at = resumeAt ?? delivery.nextAttemptAt ?? this.clock.now();
    const delayMs = Math.max(0, at.getTime() - this.clock.now().getTime());
    const job = deliveryAttemptJob(delivery, resumeAt);
    await this.queue.enqueue(QUEUES.delivery, job.payload, { jobId: job.jobId, delayMs });
  }

  private async emitTo<T extends WebhookEventType>(
    routes: readonly SignedRoute[],
    request: EmitRequest<T>,
    inTransaction?: (tx: SqlExecutor, created: Array<{ id: string; routeId: string }>) => Promise<void>,
  ): Promise<EmitResult> {
    const eventId = eventIdFor(request.type, request.key);
    const webhookId = webhookIdForEvent(eventId);
    if (routes.length === 0) return { eventId, webhookId, deliveries: [] };
    const now = this.clock.now();
    const stored = (await this.deliveries.event(eventId)) ?? (await this.storeBody(eventId, request));
    const made = await this.db.transaction(async (tx) => {
      const event = await this.deliveries.insertEvent(stored, now, tx);
      const out: Array<{ delivery: Delivery; created: boolean }> = [];
      for (const route of routes) {
        out.push(
          await this.deliveries.insertDelivery({ id: randomUUID(), eventId: event.id, routeId: route.id, eventType: event.type, webhookId }, now, tx),
        );
      }
      if (inTransaction) await inTransaction(tx, out.map(({ delivery }) => ({ id: delivery.id, routeId: delivery.routeId })));
      return out;
    });
    for (const { delivery } of made) if (delivery.state === 'pending') await this.enqueue(delivery);
    return { eventId, webhookId, deliveries: made.map(({ delivery, created }) => ({ id: delivery.id, routeId: delivery.routeId, created })) };
  }

  /** Serialises the event once; these bytes are what every attempt signs and sends. */
  private async storeBody<T extends WebhookEventType>(eventId: string, request: EmitRequest<T>) {
    const occurredAt = request.occurredAt ?? this.clock.now();
    const body = JSON.stringify(buildWebhookEvent(request.type, request.data, occurredAt));
    const size = Buffer.byteLength(body, 'utf8');
    if (size > this.webhook.http.maxPayloadBytes) {
      throw new DeliveryError(
        'message-not-deliverable',
        `the ${request.type} event is ${size} bytes, over WEBHOOK_MAX_PAYLOAD_BYTES (${this.webhook.http.maxPayloadBytes})`,
      );
    }
    const blob = await this.blobs.put(body);
    return {
      id: eventId,
      type: request.type,
      supplierId: request.supplierId,
      documentTypeId: request.documentTypeId ?? null,
      messageId: request.messageId ?? null,
      bodySha256: blob.sha256,
      bodySize: blob.size,
      occurredAt,
    };
  }

  private async orderDocument(message: MessageRecord): Promise<string> {
    const document = (await this.messages.documents(message.id)).find((d) => d.role === 'order');
    const sha256 = document?.sha256 ?? message.payloadSha256;
    if (!sha256) throw new DeliveryError('message-not-deliverable', `order ${message.id} has no stored document (role "order")`);
    return sha256;
  }

  /** The order cannot be delivered as things stand: record why; an operator fixes and calls again. */
  private async noWay(message: MessageRecord, code: string, reason: string): Promise<OrderDeliveryOutcome> {
    this.logger.warn(`order ${message.id} not delivered: ${reason}`);
    if (message.state !== 'delivery-failed') {
      await this.messages.transition(message.id, 'delivery-failed', {
        actor: ACTOR,
        reason,
        from: ['created', 'delivering'],
        patch: { failure: { code, message: reason, stage: 'delivery' } },
      });
    }
    return { way: 'none', reason };
  }

  /** A replayed delivery of an order or a received document puts its message back in `delivering`. */
  private async reopenMessage(messageId: string, tx: SqlExecutor): Promise<void> {
    const locked = await this.messages.lock(messageId, tx);
    if (locked?.state !== 'delivery-failed') return;
    await this.messages.transition(messageId, 'delivering', { actor: ACTOR, reason: 'replay', from: ['delivery-failed'], tx });
  }
}
