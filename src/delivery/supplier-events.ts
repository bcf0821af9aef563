import { Injectable } from '@nestjs/common';
import type { CatalogueHeader } from '../catalogue/catalogue-model.js';
import { openCatalogue } from '../catalogue/catalogue-reader.js';
import { Clock } from '../common/clock.js';
import { presumedStage } from '../messages/message-failure.js';
import { MessageRepository, type MessageFailure, type MessageRecord } from '../messages/message-repository.js';
import { DEFAULT_CART_LIMITS, parseCart } from '../punchout/cart.js';
import type { Cart } from '../punchout/cart-model.js';
import { BlobStore } from '../storage/blob-store.js';
import type { ValidationReport } from '../validation/validation-report.js';
import type { WorkflowEvent } from '../workflows/ports.js';
import { DeliveryService, type EmitResult } from './delivery.service.js';
import { DeliveryError } from './delivery.errors.js';
import { cartReceivedData, cartRejectedData, catalogueReceivedData, type FailureStage, messageFailedData, participantKey } from './events/event-data.js';
import { openBusinessDocument, readBounded } from './events/message-document.js';
import type { WebhookEventData } from './webhook/events.js';

type Problem = WebhookEventData<'cart.rejected'>['problems'][number];

/**
 * The events a supplier's OMS hears about besides orders. Each takes the message it is about; the
 * supplier is the party that sent the cart or catalogue (the SBDH sender), or the receiver of a
 * produced document. Emitting twice for the same message is one event.
 */
@Injectable()
export class SupplierEvents {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
  ) {}

  /**
   * A processing flow reported an event about a message (the DeliveryRequests port): the event's
   * data is read from the message record and its stored document. (`cart.received` comes with the
   * cart the punch-out job has read: cartReceived.)
   */
  async fromMessage(event: Exclude<WorkflowEvent, 'cart.received'>, messageId: string): Promise<EmitResult> {
    const message = await this.message(messageId);
    switch (event) {
      case 'cart.rejected':
        return this.cartRejected(messageId, {
          cart: await this.readCart(message).catch(() => undefined),
          reason: rejectionOf(message),
          problems: problemsOf(message.validation),
        });
      case 'catalogue.received': {
        const source = await openBusinessDocument(this.messages, this.blobs, message.id);
        if (!source) throw new DeliveryError('message-not-deliverable', `catalogue ${messageId} has no stored document`);
        const reader = await openCatalogue(source);
        let lineCount = 0;
        for await (const line of reader.lines) if (line) lineCount++;
        return this.catalogueReceived(messageId, { header: reader.header, lineCount });
      }
      case 'message.failed': {
        const failure = message.failure ?? unexplainedFailure(message);
        return this.messageFailed(messageId, { stage: failure.stage, error: { code: failure.code, message: failure.message } });
      }
    }
  }

  async cartReceived(cartMessageId: string, cart: Cart): Promise<EmitResult> {
    const message = await this.message(cartMessageId);
    const data = cartReceivedData(message, cart);
    return this.delivery.emit({ type: 'cart.received', data, ...this.about(message, participantKey(data.seller.endpointId)), key: message.id });
  }

  async cartRejected(
    cartMessageId: string,
    input: { cart?: Cart; reason: { code: string; message: string }; problems?: Problem[] },
  ): Promise<EmitResult> {
    const message = await this.message(cartMessageId);
    const data = cartRejectedData(message, input);
    return this.delivery.emit({ type: 'cart.rejected', data, ...this.about(message, participantKey(data.seller?.endpointId)), key: message.id });
  }

  async catalogueReceived(catalogueMessageId: string, input: { header: CatalogueHeader; lineCount: number }): Promise<EmitResult> {
    const message = await this.message(catalogueMessageId);
    const data = catalogueReceivedData(message, input);
    return this.delivery.emit({ type: 'catalogue.received', data, ...this.about(message, participantKey(data.provider.endpointId)), key: message.id });
  }

  /**
   * Processing of a message failed for good. `attempt` distinguishes separate failures of one
   * message (e.g. after a replay); the same attempt is one event.
   */
  async messageFailed(
    messageId: string,
    input: { stage: FailureStage; error: { code: string; message: string }; supplierId?: string; attempt?: number },
  ): Promise<EmitResult> {
    const message = await this.message(messageId);
    const data = messageFailedData(message, { stage: input.stage, error: input.error, failedAt: this.clock.now() });
    // Produced documents go to the supplier as receiver; received ones came from the supplier.
    const supplier = input.supplierId ?? (message.direction === 'inbound' ? message.senderId : message.receiverId);
    return this.delivery.emit({
      type: 'message.failed',
      data,
      ...this.about(message, supplier ?? undefined),
      key: `${message.id}:${input.stage}:${input.attempt ?? 1}`,
    });
  }

  private about(message: MessageRecord, supplierFromDocument: string | undefined) {
    const supplierId = supplierFromDocument ?? (message.direction === 'inbound' ? message.senderId : message.receiverId);
    if (!supplierId) throw new DeliveryError('message-not-deliverable', `message ${message.id} names no supplier to notify`);
    return { supplierId, documentTypeId: message.documentTypeId, messageId: message.id };
  }

  private async readCart(message: MessageRecord): Promise<Cart | undefined> {
    const source = await openBusinessDocument(this.messages, this.blobs, message.id);
    if (!source) return undefined;
    return parseCart(await readBounded(source, DEFAULT_CART_LIMITS.maxBytes));
  }

  private async message(id: string): Promise<MessageRecord> {
    const message = await this.messages.find(id);
    if (!message) throw new DeliveryError('message-not-deliverable', `no message ${id}`);
    return message;
  }
}

/** A failure event for a message that recorded none: where it most likely failed, and that it did. */
function unexplainedFailure(message: MessageRecord): MessageFailure {
  return { stage: presumedStage(message), code: 'failed', message: `processing of message ${message.id} failed` };
}

/** Why a cart was rejected: its recorded failure, else the buyer's reason (validation findings travel as the problems). */
function rejectionOf(message: MessageRecord): { code: string; message: string } {
  if (message.failure) return { code: message.failure.code, message: message.failure.message };
  const approval = message.kind === 'cart' ? message.attributes.approval : undefined;
  if (approval?.decision === 'rejected' && approval.reason) return { code: 'rejected-by-buyer', message: approval.reason };
  return { code: 'rejected', message: 'the cart was rejected' };
}

/** Fatal and warning rules of a stored validation report, as the webhook's problems. */
function problemsOf(validation: unknown): Problem[] {
  const fired = (validation as Partial<ValidationReport> | null)?.fired;
  if (!Array.isArray(fired)) return [];
  return fired
    .filter((f) => f && (f.flag === 'fatal' || f.flag === 'warning') && typeof f.text === 'string' && f.text.length > 0)
    .map((f) => ({
      severity: f.flag === 'fatal' ? ('fatal' as const) : ('warning' as const),
      ...(f.id ? { rule: String(f.id).slice(0, 128) } : {}),
      ...(f.location ? { location: String(f.location).slice(0, 2048) } : {}),
      message: f.text.slice(0, 4096),
    }));
}
