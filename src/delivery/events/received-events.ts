import { TRANSACTIONS } from '../../peppol/index.js';

/** The events a received business document reaches its participant's back end as. */
export const RECEIVED_EVENT_TYPES = ['order.received', 'order-response.received', 'catalogue-response.received', 'document.received'] as const;
export type ReceivedEventType = (typeof RECEIVED_EVENT_TYPES)[number];

/**
 * The event a validated received document is delivered as, by its transaction: an order, an order
 * response and a catalogue response have events of their own; any other Peppol BIS document is a
 * `document.received`. (Carts and catalogues have flows of their own and never get here.)
 */
export function receivedEventTypeOf(transaction: string | null | undefined): ReceivedEventType {
  switch (transaction) {
    case TRANSACTIONS.order.id:
      return 'order.received';
    case TRANSACTIONS.orderResponse.id:
      return 'order-response.received';
    case TRANSACTIONS.catalogueResponse.id:
      return 'catalogue-response.received';
    default:
      return 'document.received';
  }
}

export function isReceivedEventType(type: string): type is ReceivedEventType {
  return (RECEIVED_EVENT_TYPES as readonly string[]).includes(type);
}

/** Where a back end fetches a received document with its API key: the back-end API's content endpoint. */
export function documentContentPath(messageId: string): string {
  return `/api/v1/documents/${encodeURIComponent(messageId)}/content`;
}
