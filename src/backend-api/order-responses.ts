import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '../admin/auth/api-key-repository.js';
import { conflict, invalid, notFound, PROBLEM_TYPES, ProblemException } from '../admin/http/problem.js';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import type { OrderAnswerRecord } from '../messages/message-attributes.js';
import { MessageRepository, recordAs, type MessageRecord } from '../messages/message-repository.js';
import { buildOrderResponse, NotAnswerableError, OrderAnswerError, type BuiltOrderResponse, type OrderAnswer } from '../ordering/order-response-builder.js';
import { readReceivedOrder, ReceivedOrderError } from '../ordering/received-order.js';
import { TRANSACTIONS } from '../peppol/index.js';
import { BlobStore } from '../storage/blob-store.js';
import { ValidationService } from '../validation/validation.service.js';
import { openBusinessContent, readAll } from './document-content.js';
import { API_ACTOR_PREFIX, DocumentSubmissions, firedRules, type Submitted } from './document-submissions.js';

const MAX_ORDER_BYTES = 64 * 1024 * 1024;
/** States of an answer's message after which the order may be answered again. */
const RETRY_AFTER: readonly string[] = ['send-failed', 'failed'];

export interface Answered extends Submitted {
  response: BuiltOrderResponse;
  orderMessageId: string;
}

/**
 * The supplier's answer to a received order: the T76 made from the order and the answer, checked
 * against the official T76 rules (a fatal finding is our defect: 500, nothing sent), then submitted
 * like any document from a back end, to the order's buyer. One answer per order, unless the
 * earlier one failed to send.
 */
@Injectable()
export class OrderResponses {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly validation: ValidationService,
    private readonly submissions: DocumentSubmissions,
    private readonly clock: Clock,
  ) {}

  async answer(key: ApiKeyRecord, orderMessageId: string, answer: OrderAnswer): Promise<Answered> {
    const message = await this.messages.find(orderMessageId);
    if (!message || message.kind !== 'order' || message.direction === 'outbound') throw notFound(`no received order ${orderMessageId}`);
    if (!message.receiverId || !key.participants.includes(message.receiverId)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, `order ${orderMessageId} is addressed to ${message.receiverId ?? 'nobody'}; key ${key.id} acts for ${key.participants.join(', ')}`, { type: PROBLEM_TYPES.forbidden, title: 'Forbidden' });
    }
    if (message.state === 'received') throw conflict(`order ${orderMessageId} is not validated yet; answer it once it is`);
    if (message.state === 'rejected') throw conflict(`order ${orderMessageId} broke the Peppol rules and was rejected; it cannot be answered`);
    await this.refuseSecondAnswer(message);

    const content = await openBusinessContent(this.messages, this.blobs, orderMessageId);
    if (!content) throw conflict(`order ${orderMessageId} has no stored document`);
    const xml = await readAll(content.stream, MAX_ORDER_BYTES);
    let response: BuiltOrderResponse;
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    try {
      response = buildOrderResponse(readReceivedOrder(xml), answer, { id, issueDate: now.slice(0, 10), issueTime: now.slice(11, 19) });
    } catch (error) {
      if (error instanceof OrderAnswerError) throw invalid(HttpStatus.UNPROCESSABLE_ENTITY, [{ in: 'body', field: error.field, message: error.message }]);
      if (error instanceof NotAnswerableError || error instanceof ReceivedOrderError) throw conflict(error.message);
      throw error;
    }
    const report = await this.validation.validate(response.xml, { transaction: TRANSACTIONS.orderResponse.id });
    if (!report.valid) {
      throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, `the order response made for order ${orderMessageId} breaks the official ${TRANSACTIONS.orderResponse.id} rules; this is a defect of the access point, nothing was sent`, {
        type: PROBLEM_TYPES.producedInvalid,
        title: 'Produced document invalid',
        extensions: { transaction: TRANSACTIONS.orderResponse.id, release: report.release, rules: firedRules(report) },
      });
    }

    const record: OrderAnswerRecord = { responseMessageId: id, code: answer.code, responseCode: response.code, answeredAt: now, keyId: key.id };
    await this.db.transaction(async (tx) => {
      const locked = await this.messages.lock(orderMessageId, tx);
      await this.refuseSecondAnswer(locked!);
      await this.messages.setAttributes(orderMessageId, { answer: record }, tx);
      await this.messages.annotate(orderMessageId, {
        actor: `${API_ACTOR_PREFIX}${key.id}`,
        reason: `answered ${answer.code} (${response.code}) with order response ${id}`,
        data: { orderResponseMessageId: id, responseCode: response.code, lines: response.lines },
        tx,
      });
    });
    // Addressed as the order was: back from its receiver (the supplier) to its sender (the buyer).
    const submitted = await this.submissions.submit(key, {
      id,
      body: Buffer.from(response.xml, 'utf8'),
      overrides: { sender: message.receiverId, receiver: message.senderId ?? undefined },
      relatedMessageId: orderMessageId,
    });
    return { ...submitted, response, orderMessageId };
  }

  private async refuseSecondAnswer(message: MessageRecord): Promise<void> {
    const earlier = recordAs(message, 'order').attributes.answer;
    if (!earlier) return;
    const response = await this.messages.find(earlier.responseMessageId);
    // A reserved answer whose message was never made (the submission failed) does not count.
    if (!response || RETRY_AFTER.includes(response.state)) return;
    throw conflict(`order ${message.id} was already answered ${earlier.code} (${earlier.responseCode}) by order response ${earlier.responseMessageId}, now ${response.state}; an order is answered again only when its answer failed to send`);
  }
}
