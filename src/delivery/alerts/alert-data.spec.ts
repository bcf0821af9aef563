import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../messages/message-record.js';
import { buildWebhookEvent } from '../webhook/events.js';
import { deliveryGivenUpAlert, messageFailedAlert } from './alert-data.js';

const now = new Date('2026-11-23T12:40:00Z');
const message = (state: MessageRecord['state'], failure: MessageRecord['failure'] = null) =>
  ({
    id: '6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f',
    direction: 'outbound',
    kind: 'order',
    state,
    senderId: '0192:987654325',
    receiverId: '0192:810418052',
    documentTypeId: 'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##x::2.1',
    failure,
    attributes: {},
    updatedAt: now,
  }) as unknown as MessageRecord;

describe('alert.message-failed', () => {
  it('is raised for the failed states only', () => {
    for (const state of ['failed', 'delivery-failed', 'send-failed'] as const) expect(messageFailedAlert(message(state), 'e1', now)).not.toBeNull();
    for (const state of ['created', 'delivering', 'delivered', 'rejected', 'sent'] as const) expect(messageFailedAlert(message(state), 'e1', now)).toBeNull();
  });

  it('carries the message and its failure; one alert per move into the state', () => {
    const alert = messageFailedAlert(message('send-failed', { stage: 'sending', code: 'EBMS:0301', message: 'no receipt after 5 attempts' }), '42', now)!;
    expect(alert.key).toBe('message:6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f:send-failed:42');
    expect(alert.data).toMatchObject({
      condition: 'message:6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f:send-failed',
      severity: 'warning',
      summary: 'outbound order 6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f is send-failed: no receipt after 5 attempts',
      raisedAt: now.toISOString(),
      message: { id: '6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f', direction: 'outbound', kind: 'order', state: 'send-failed', senderId: '0192:987654325', receiverId: '0192:810418052' },
      failure: { stage: 'sending', code: 'EBMS:0301', message: 'no receipt after 5 attempts' },
    });
    expect(() => buildWebhookEvent(alert.type, alert.data, now)).not.toThrow();
    expect(messageFailedAlert(message('send-failed'), '43', now)!.key).not.toBe(alert.key);
  });

  it('says so when the message recorded no failure', () => {
    const alert = messageFailedAlert(message('delivery-failed'), '7', now)!;
    expect(alert.data.failure).toEqual({ code: 'delivery-failed', message: 'message 6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f is delivery-failed' });
    expect(() => buildWebhookEvent(alert.type, alert.data, now)).not.toThrow();
  });
});

describe('alert.delivery-given-up', () => {
  const delivery = {
    id: '9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d',
    routeId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
    eventType: 'order.created' as const,
    webhookId: 'msg_abc',
    attempts: 9,
    generation: 2,
  };

  it('names the delivery, whose it was and why; one per generation', () => {
    const alert = deliveryGivenUpAlert(delivery, { type: 'order.created', supplierId: '0192:810418052', messageId: 'm-1' }, { reason: 'gave up after 9 attempts; last: HTTP 503', exhausted: true }, now)!;
    expect(alert.key).toBe('delivery:9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d:2');
    expect(alert.data).toMatchObject({ participantId: '0192:810418052', messageId: 'm-1', exhausted: true, delivery: { attempts: 9, generation: 2 } });
    expect(alert.data.summary).toBe('order.created to route 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c given up after 9 attempts: gave up after 9 attempts; last: HTTP 503');
    expect(() => buildWebhookEvent(alert.type, alert.data, now)).not.toThrow();
    const refused = deliveryGivenUpAlert(delivery, { type: 'order.created', supplierId: '0192:810418052', messageId: null }, { reason: 'HTTP 400', exhausted: false }, now)!;
    expect(refused.data.summary).toContain('refused for good: HTTP 400');
    expect(refused.data).not.toHaveProperty('messageId');
  });

  it('is never raised for an alert that could not be delivered (no loop through the operator route)', () => {
    expect(deliveryGivenUpAlert(delivery, { type: 'alert.queue-backing-up', supplierId: null, messageId: null }, { reason: 'HTTP 500', exhausted: true }, now)).toBeNull();
  });
});
