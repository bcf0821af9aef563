import { describe, expect, it } from 'vitest';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookEventError,
  buildWebhookEvent,
  isWebhookEventType,
  parseWebhookEvent,
} from './events.js';
import { webhookExamples } from './examples.js';
import { webhookOpenApi } from './openapi-webhooks.js';

const at = new Date('2026-11-23T10:15:00.000Z');

describe('webhook events', () => {
  it.each(WEBHOOK_EVENT_TYPES)('builds and parses a valid %s event', (type) => {
    const event = buildWebhookEvent(type, webhookExamples[type] as never, at);
    expect(event).toEqual({ type, timestamp: '2026-11-23T10:15:00.000Z', data: webhookExamples[type] });
    expect(parseWebhookEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('names the field when order data is invalid', () => {
    const data = structuredClone(webhookExamples['order.created']);
    data.order.totals.payableAmount = '250,00';
    expect(() => buildWebhookEvent('order.created', data, at)).toThrow(
      /Invalid order\.created event at data\.order\.totals\.payableAmount: expected a decimal/,
    );
  });

  it('refuses an order without lines', () => {
    const data = structuredClone(webhookExamples['order.created']);
    data.order.lines = [];
    expect(() => buildWebhookEvent('order.created', data, at)).toThrow(WebhookEventError);
  });

  it('refuses a payload whose data does not match its type', () => {
    expect(() =>
      parseWebhookEvent({ type: 'cart.received', timestamp: at.toISOString(), data: webhookExamples['order.created'] }),
    ).toThrow(/Invalid webhook event at data\./);
    expect(() => parseWebhookEvent({ type: 'order.deleted', timestamp: at.toISOString(), data: {} })).toThrow(
      WebhookEventError,
    );
  });

  it('refuses an unknown schema version', () => {
    const data = { ...webhookExamples['cart.received'], schemaVersion: 2 };
    expect(() => parseWebhookEvent({ type: 'cart.received', timestamp: at.toISOString(), data })).toThrow(
      /data\.schemaVersion/,
    );
  });

  it('recognises event types', () => {
    expect(isWebhookEventType('order.created')).toBe(true);
    expect(isWebhookEventType('toString')).toBe(false);
  });
});

describe('OpenAPI webhooks section', () => {
  const { webhooks, schemas } = webhookOpenApi();

  it('has one POST per event type referencing an existing component schema', () => {
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const post = (webhooks[type] as { post: any }).post;
      const ref: string = post.requestBody.content['application/json'].schema.$ref;
      const name = ref.replace('#/components/schemas/', '');
      expect(schemas[name], ref).toBeDefined();
      expect(post.description).toMatch(/^\S.+ Signed per Standard Webhooks/);
      expect(post.parameters.map((p: { name: string }) => p.name)).toEqual([
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
      ]);
    }
  });

  it('resolves every $ref inside the component schemas', () => {
    const refs = JSON.stringify(schemas).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('describes order.created with the order, its totals and the UBL XML', () => {
    const data = schemas['WebhookOrderCreatedData'] as { properties: Record<string, unknown>; required: string[] };
    expect(data.required).toEqual(expect.arrayContaining(['schemaVersion', 'messageId', 'order', 'ublXml']));
    expect(data.properties['schemaVersion']).toMatchObject({ const: 1 });
    const order = schemas['WebhookOrder'] as { required: string[] };
    expect(order.required).toEqual(expect.arrayContaining(['buyer', 'seller', 'lines', 'totals']));
  });

  it('leaves room for fields added within a schema version', () => {
    expect(JSON.stringify(schemas)).not.toContain('"additionalProperties":false');
  });
});
