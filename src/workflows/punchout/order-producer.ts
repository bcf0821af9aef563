import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { MessageRepository, recordAs, StateConflictError, type MessageRecord, type MessageRecordOf } from '../../messages/message-repository.js';
import { normalizeParticipant, qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../../peppol/index.js';
import { formatOrderNumber, type BuyerConfig } from '../../punchout/buyer-config.js';
import { cartChangeSchema } from '../../punchout/cart-changes.js';
import { cartToOrder, type CartToOrderResult } from '../../punchout/cart-to-order.js';
import { PunchoutError } from '../../punchout/errors.js';
import type { Identifier } from '../../ubl/model.js';
import { ValidationService } from '../../validation/validation.service.js';
import { DeliveryRequests } from '../ports.js';
import { boundReport, summarize } from '../shared/stored-report.js';
import { DOCUMENT_ROLE, WorkflowDocuments } from '../shared/workflow-documents.js';
import { WorkflowFailures } from '../shared/workflow-failures.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';
import { CartContextLoader, type CartContext } from './cart-context.js';
import { OrderNumberSeries } from './order-number-series.js';

/**
 * Makes the order (T01) of an approved cart: number from the buyer's series (taken once per cart),
 * mapping, official T01 validation, then in one transaction the order message and the cart's move
 * to `order-created`; finally the hand-over to delivery, in the same job. Every step can be repeated
 * after a crash.
 */
@Injectable()
export class OrderProducer {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly carts: CartContextLoader,
    private readonly series: OrderNumberSeries,
    private readonly documents: WorkflowDocuments,
    private readonly validation: ValidationService,
    private readonly failures: WorkflowFailures,
    private readonly deliveries: DeliveryRequests,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  /** `context`: the cart and buyer configuration when the caller has just loaded them for this message. */
  async produce(cart: MessageRecordOf<'cart'>, context?: CartContext): Promise<void> {
    const { cart: parsed, buyerId, buyer } = context ?? (await this.carts.load(cart));
    let orderNumber: string;
    try {
      orderNumber = await this.orderNumber(cart.id, buyerId, buyer.config);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      await this.failures.fail(cart.id, { stage: 'conversion', code: 'no-order-number', message: `no order number: ${error.message}` });
      return;
    }
    const now = this.carts.now();
    let result: CartToOrderResult;
    try {
      result = cartToOrder(parsed, buyer.config, { orderId: orderNumber, issueDate: now.date, issueTime: now.time, changes: this.changesOf(cart) });
    } catch (error) {
      if (!(error instanceof PunchoutError)) throw error;
      await this.failures.fail(cart.id, { stage: 'conversion', code: error.code, message: `the cart cannot be made into an order: ${error.message}` });
      return;
    }
    // The document is stored while it is validated: an invalid one stays in the store unreferenced,
    // as a document does whose record a crash or a concurrent run kept from being written.
    const [validated, blob] = await Promise.all([this.validation.validate(result.xml, { transaction: TRANSACTIONS.order.id }), this.documents.put(result.xml)]);
    const report = boundReport(validated, this.cfg.maxReportItems);
    if (!report.valid) {
      // A valid cart must give a valid order: this is a defect to look at, not a cart to retry.
      await this.failures.fail(cart.id, {
        stage: 'conversion',
        code: 'invalid-order',
        message: `the produced order is not valid T01: ${summarize(report)}`,
        validation: report,
      });
      return;
    }
    const orderMessageId = randomUUID();
    const endpoint = (id: Identifier) => normalizeParticipant(`${id.schemeId ?? ''}:${id.value}`);
    let orderMessage: MessageRecord;
    try {
      orderMessage = await this.db.transaction(async (tx) => {
        const created = await this.messages.create(
          {
            id: orderMessageId,
            direction: 'outbound',
            kind: TRANSACTIONS.order.kind,
            state: 'created',
            senderId: endpoint(result.order.buyer.endpoint),
            receiverId: endpoint(result.order.seller.endpoint),
            documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId),
            processId: qualifiedProcessId(result.order.profileId),
            countryC1: buyer.config.buyer.postalAddress?.countryCode ?? buyer.config.delivery?.address.countryCode ?? null,
            payloadSha256: blob.sha256,
            payloadSize: blob.size,
            relatedMessageId: cart.id,
            attributes: { transaction: TRANSACTIONS.order.id, orderNumber, cartId: parsed.id, cartMessageId: cart.id, changeLog: result.changeLog },
          },
          {
            actor: 'system:punchout',
            reason: `order ${orderNumber} made from cart ${parsed.id}; ${summarize(report)}`,
            documents: [{ role: DOCUMENT_ROLE.order, sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }],
            validation: report,
            tx,
          },
        );
        await this.messages.transition(cart.id, 'order-created', {
          actor: 'system:punchout',
          reason: `order ${orderNumber} created`,
          data: { orderMessageId, orderNumber },
          from: ['approved', 'changed'],
          patch: { attributes: { orderMessageId, orderNumber } },
          tx,
        });
        return created;
      });
    } catch (error) {
      // Another run made the order first; it hands the order over itself.
      if (error instanceof StateConflictError) return;
      throw error;
    }
    // Straight on to delivery with the order in hand: its JSON comes from the model, not from re-reading the XML.
    await this.deliveries.orderCreated({ message: orderMessage, order: result.order, xml: result.xml });
  }

  /** After a crash between commit and hand-over: the order exists, hand it over again (read back from the store). */
  async requestDelivery(cart: MessageRecordOf<'cart'>): Promise<void> {
    const orderMessageId = cart.attributes.orderMessageId;
    if (orderMessageId) await this.deliveries.storedOrderCreated(orderMessageId);
  }

  /** The cart's purchase order number: taken from the series once, then kept on the cart. */
  private async orderNumber(cartMessageId: string, buyerId: string, config: BuyerConfig): Promise<string> {
    return this.db.transaction(async (tx) => {
      const locked = await this.messages.lock(cartMessageId, tx);
      const kept = locked ? recordAs(locked, 'cart').attributes.orderNumber : undefined;
      if (kept) return kept;
      const number = formatOrderNumber(config.orderNumber, await this.series.next(buyerId || 'unknown', tx));
      await this.messages.setAttributes(cartMessageId, { orderNumber: number }, tx);
      return number;
    });
  }

  private changesOf(cart: MessageRecordOf<'cart'>) {
    const approval = cart.attributes.approval;
    if (cart.state !== 'changed' || !approval?.changes) return [];
    return cartChangeSchema.array().parse(approval.changes);
  }
}
