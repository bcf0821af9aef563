import { describe, expect, it } from 'vitest';
import { TRANSACTIONS } from '../../peppol/index.js';
import { isReceivedEventType, receivedEventTypeOf, documentContentPath } from './received-events.js';

describe('receivedEventTypeOf', () => {
  it('gives orders, order responses and catalogue responses their own events', () => {
    expect(receivedEventTypeOf(TRANSACTIONS.order.id)).toBe('order.received');
    expect(receivedEventTypeOf(TRANSACTIONS.orderResponse.id)).toBe('order-response.received');
    expect(receivedEventTypeOf(TRANSACTIONS.catalogueResponse.id)).toBe('catalogue-response.received');
  });

  it('makes every other document, known or not, a document.received', () => {
    for (const t of [TRANSACTIONS.despatchAdvice, TRANSACTIONS.orderChange, TRANSACTIONS.orderAgreement, TRANSACTIONS.invoiceResponse]) {
      expect(receivedEventTypeOf(t.id)).toBe('document.received');
    }
    expect(receivedEventTypeOf(null)).toBe('document.received');
    expect(receivedEventTypeOf(undefined)).toBe('document.received');
  });

  it('knows which event types are about received documents', () => {
    expect(isReceivedEventType('order.received')).toBe(true);
    expect(isReceivedEventType('order.created')).toBe(false);
  });

  it('links to the content endpoint of the back-end API', () => {
    expect(documentContentPath('c0a8f3e2-5b1d-4c7e-9f20-3d4e5f6a7b8c')).toBe('/api/v1/documents/c0a8f3e2-5b1d-4c7e-9f20-3d4e5f6a7b8c/content');
  });
});
