import type { MessageRecord } from '../../messages/message-repository.js';
import { DeliveryError } from '../delivery.errors.js';
import { WEBHOOK_SCHEMA_VERSION, type WebhookEventData, type WebhookOrder } from '../webhook/events.js';
import { participantOf, peppolRoutingOf } from './event-data.js';
import { lineOutcomes, type OrderResponseSummary } from './order-response-json.js';
import type { CatalogueResponseSummary, DocumentHead } from './received-document-json.js';
import { documentContentPath } from './received-events.js';

/** The received document as its events carry it: inline when small enough, always as a link. */
export interface ReceivedDocumentBody {
  /** The UBL as text, when at most the inline limit. */
  xml?: string;
  size: number;
  sha256: string;
}

/** The order of ours a received order response answers: its message, number and line ids. */
export interface AnsweredOrder {
  messageId: string;
  orderNumber: string;
  lineIds: readonly string[];
}

type Common = Pick<WebhookEventData<'document.received'>, 'schemaVersion' | 'messageId' | 'transaction' | 'receivedAt' | 'peppol' | 'ublXml' | 'content'>;

/** What every received-document event says: which message, when, how it travelled, the document. */
export function receivedCommon(message: MessageRecord, body: ReceivedDocumentBody, publicUrl: string | null): Common {
  const transaction = typeof message.attributes.transaction === 'string' ? message.attributes.transaction : undefined;
  const peppol = peppolRoutingOf(message);
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    ...(transaction ? { transaction } : {}),
    receivedAt: message.createdAt.toISOString(),
    ...(peppol ? { peppol } : {}),
    ...(body.xml !== undefined ? { ublXml: body.xml } : {}),
    content: { href: `${publicUrl ?? ''}${documentContentPath(message.id)}`, mediaType: 'application/xml', size: body.size, sha256: body.sha256 },
  };
}

export function orderReceivedData(message: MessageRecord, body: ReceivedDocumentBody, order: WebhookOrder, publicUrl: string | null): WebhookEventData<'order.received'> {
  return { ...receivedCommon(message, body, publicUrl), order };
}

/**
 * The buyer's view of an order response: the response itself and, when it answers an order we sent,
 * that order and every one of its lines with its outcome.
 */
export function orderResponseReceivedData(
  message: MessageRecord,
  body: ReceivedDocumentBody,
  response: OrderResponseSummary,
  answered: AnsweredOrder | null,
  publicUrl: string | null,
): WebhookEventData<'order-response.received'> {
  const { lines: named, seller, buyer, ...head } = response;
  return {
    ...receivedCommon(message, body, publicUrl),
    orderResponse: {
      id: head.id,
      issueDate: head.issueDate,
      orderNumber: head.orderNumber,
      code: head.code,
      responseCode: head.responseCode,
      ...(head.salesOrderId ? { salesOrderId: head.salesOrderId } : {}),
      ...(head.note ? { note: head.note.slice(0, 4096) } : {}),
      ...(head.deliveryDate ? { deliveryDate: head.deliveryDate } : {}),
      seller,
      buyer,
    },
    ...(answered ? { order: { messageId: answered.messageId, orderNumber: answered.orderNumber } } : {}),
    lines: (answered ? lineOutcomes(response, answered.lineIds) : named).map((line) => ({ ...line, ...(line.note ? { note: line.note.slice(0, 4096) } : {}) })),
  };
}

export function catalogueResponseReceivedData(
  message: MessageRecord,
  body: ReceivedDocumentBody,
  response: CatalogueResponseSummary,
  publicUrl: string | null,
): WebhookEventData<'catalogue-response.received'> {
  return { ...receivedCommon(message, body, publicUrl), catalogueResponse: response };
}

/** Any other document: its identifiers from the envelope and its head, the parties from the envelope. */
export function documentReceivedData(
  message: MessageRecord,
  body: ReceivedDocumentBody,
  head: DocumentHead | null,
  publicUrl: string | null,
): WebhookEventData<'document.received'> {
  const sender = participantOf(message.senderId);
  const receiver = participantOf(message.receiverId);
  if (!sender || !receiver || !message.documentTypeId) {
    throw new DeliveryError('message-not-deliverable', `received message ${message.id} lacks its sender, receiver or document type`);
  }
  const common = receivedCommon(message, body, publicUrl);
  return {
    ...common,
    documentType: common.peppol?.documentTypeId ?? withoutScheme(message.documentTypeId),
    ...(message.processId ? { process: withoutScheme(message.processId) } : {}),
    rootElement: head?.rootElement ?? rootOfDocumentType(message.documentTypeId),
    ...(head?.customizationId ? { customizationId: head.customizationId.slice(0, 512) } : {}),
    ...(head?.id ? { documentId: head.id.slice(0, 256) } : {}),
    ...(head?.issueDate && /^\d{4}-\d{2}-\d{2}$/.test(head.issueDate) ? { issueDate: head.issueDate } : {}),
    sender: { endpointId: sender },
    receiver: { endpointId: receiver },
  };
}

function withoutScheme(id: string): string {
  const at = id.indexOf('::');
  return at >= 0 ? id.slice(at + 2) : id;
}

/** `…::DespatchAdvice##…` → `DespatchAdvice`: the root element a document type id names. */
function rootOfDocumentType(documentTypeId: string): string {
  const value = withoutScheme(documentTypeId);
  const match = /::([^:#]+)##/.exec(value);
  return match?.[1] ?? 'unknown';
}
