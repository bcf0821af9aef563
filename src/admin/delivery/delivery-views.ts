import { z } from 'zod';
import type { Delivery } from '../../delivery/deliveries/delivery.model.js';
import type { Route } from '../../delivery/routes/route.model.js';
import { WEBHOOK_EVENT_TYPES } from '../../delivery/webhook/events.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const routeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['webhook', 'as4', 'operator']).describe("webhook: a participant's back end; as4: onward to its own access point; operator: the operators' endpoint for alerts"),
    participantId: z.string().nullable().describe('The served participant (buyer or supplier) whose back end this route reaches; null for an operator route'),
    supplierId: z.string().nullable().describe('Alias of participantId, kept for clients of the supplier-only routes'),
    documentTypeId: z.string().nullable(),
    name: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    url: z.string().optional(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).optional(),
    timeoutMs: z.number().nullable().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Route' });

export const secretViewSchema = z.object({ hint: z.string(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime().nullable() });

export const routeExample = {
  id: '6a1f2e3d-4c5b-4a69-8877-665544332211',
  kind: 'webhook',
  participantId: '0088:5798009883964',
  supplierId: '0088:5798009883964',
  documentTypeId: null,
  name: 'Supplier OMS',
  enabled: true,
  disabledReason: null,
  url: 'https://oms.supplier.example/webhooks/peppol',
  eventTypes: ['order.created', 'cart.received', 'cart.rejected'],
  timeoutMs: null,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
};

export const operatorRouteExample = {
  ...routeExample,
  id: '7b2e3f4a-5d6c-4b7a-9988-776655443322',
  kind: 'operator',
  participantId: null,
  supplierId: null,
  name: 'On-call alerts',
  url: 'https://alerts.ops.example/hooks/peppol-ap',
  eventTypes: ['alert.message-failed', 'alert.delivery-given-up', 'alert.certificate-expiring', 'alert.report-not-sent', 'alert.queue-backing-up'],
};

export function routeView(r: Route) {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export const deliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.string(),
    routeId: z.uuid(),
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    webhookId: z.string(),
    state: z.enum(['pending', 'sending', 'delivered', 'failed']),
    generation: z.number().meta({ description: '1 for the first run, +1 per replay' }),
    attempts: z.number(),
    nextAttemptAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Delivery' });

export const attemptSchema = z.object({
  generation: z.number(),
  number: z.number(),
  attemptedAt: z.iso.datetime(),
  latencyMs: z.number(),
  status: z.number().nullable(),
  networkError: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
  responseTruncated: z.boolean(),
  retryAfter: z.string().nullable(),
  verdict: z.string(),
  reason: z.string().nullable(),
});

export const deliveryExample = {
  id: '9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d',
  eventId: '3c1e4d8e9a570f6d1c2b3a490b7e2f7c',
  routeId: routeExample.id,
  eventType: 'order.created',
  webhookId: 'msg_3c1e4d8e9a570f6d1c2b3a490b7e2f7c',
  state: 'failed',
  generation: 1,
  attempts: 11,
  nextAttemptAt: null,
  lastError: 'HTTP 503',
  createdAt: '2026-11-22T10:15:03.000Z',
  updatedAt: '2026-11-23T10:20:00.000Z',
  deliveredAt: null,
  failedAt: '2026-11-23T10:20:00.000Z',
};

export const attemptExample = {
  generation: 1,
  number: 1,
  attemptedAt: '2026-11-22T10:15:03.100Z',
  latencyMs: 182,
  status: 503,
  networkError: null,
  responseExcerpt: 'Service Unavailable',
  responseTruncated: false,
  retryAfter: null,
  verdict: 'retry',
  reason: 'HTTP 503',
};

export function deliveryView(d: Delivery) {
  const { jobSeq: _job, leaseUntil: _lease, ...rest } = d;
  return {
    ...rest,
    nextAttemptAt: iso(d.nextAttemptAt),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    deliveredAt: iso(d.deliveredAt),
    failedAt: iso(d.failedAt),
  };
}
