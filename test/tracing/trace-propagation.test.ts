import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUYER, orderXml, SELLER } from '../backend-api/support.js';
import { CartSender } from '../faults/support/sender.js';
import { eventually, Stack } from '../faults/support/stack.js';
import { WebhookSink } from '../support/webhook-sink.js';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/** A trace context as an upstream caller (the sending access point's own tracing) would send it. */
function incomingTraceparent(): { header: string; traceId: string; spanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${spanId}-01`, traceId, spanId };
}

/** The access point's API and worker (built code) on loopback, a webhook route of the supplier to `sink`. */
async function startStack(env: Record<string, string>, sink: WebhookSink): Promise<Stack> {
  const stack = new Stack({ flow: true, env });
  await stack.start();
  await stack.startApi();
  await stack.createWebhookRoute(sink.url, `whsec_${randomBytes(32).toString('base64')}`);
  await stack.startWorker();
  return stack;
}

/** Sends one cart over AS4 with `traceparent`; the receipt must come back. */
async function sendCart(stack: Stack, traceparent: string): Promise<void> {
  const message = await new CartSender(stack.pki, () => stack.as4Url).prepare();
  const res = await fetch(stack.as4Url, { method: 'POST', headers: { 'content-type': message.contentType, traceparent }, body: message.body });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

/** SIGTERM to both processes: they drain, and the tracing SDK exports what it still holds. */
async function stopGracefully(stack: Stack): Promise<void> {
  const codes = await Promise.all([stack.api!.stop('SIGTERM'), stack.worker!.stop('SIGTERM')]);
  expect(codes).toEqual([0, 0]);
}

/**
 * W3C trace context and OTLP export across the processes: the AS4 request continues the sender's
 * trace; its jobs carry it through Redis to the worker; the webhook POST continues it at the back end.
 */
describe('tracing on (OTEL_TRACES_EXPORTER=otlp)', () => {
  const collector = new OtlpReceiver();
  const sink = new WebhookSink();
  let stack: Stack;
  const incoming = incomingTraceparent();
  const submitted = incomingTraceparent();
  const adminKey = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    await collector.start();
    await sink.start();
    stack = await startStack({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, ADMIN_API_KEYS: `admin:${adminKey}` }, sink);
  }, 180_000);

  /** A T01 the buyer's back end submits to the seller (served here too) with `traceparent`. */
  async function submitOrder(): Promise<void> {
    const keyRes = await fetch(`${stack.apiUrl}/admin/keys`, {
      method: 'POST',
      headers: { 'X-API-Key': adminKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'backend', participants: [BUYER] }),
    });
    expect(keyRes.status).toBe(201);
    const { key } = (await keyRes.json()) as { key: string };
    const res = await fetch(`${stack.apiUrl}/api/v1/documents`, {
      method: 'POST',
      headers: { 'X-API-Key': key, 'Content-Type': 'application/xml', traceparent: submitted.header },
      body: orderXml({ seller: SELLER, id: 'PO-TRACED-1' }),
    });
    expect(res.status).toBe(202);
  }
  afterAll(async () => {
    await stack?.stop();
    await sink.stop();
    await collector.stop();
  });

  it('one trace from the incoming traceparent through POST /as4 (and one from a back-end submission), the jobs and the worker to the webhook request', async () => {
    await sendCart(stack, incoming.header);
    await submitOrder();
    const delivered = await eventually(async () => sink.requests.find((r) => r.event?.type === 'order.created'), 60_000, 'the order delivered by webhook');
    const received = await eventually(async () => sink.requests.find((r) => r.event?.type === 'order.received'), 60_000, 'the submitted order delivered by webhook');
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
    await stopGracefully(stack);
    // Probes are never traced.
    expect(collector.spans.filter((s) => String(s.attributes['url.path']).startsWith('/health'))).toEqual([]);

    // The back-end API: the submission continues its caller's trace to the worker and the seller's webhook.
    const submission = collector.spans.filter((s) => s.traceId === submitted.traceId);
    const request = submission.find((s) => s.name === 'POST /api/v1/documents' && s.kind === SERVER);
    expect(request).toMatchObject({ service: 'peppol-ap-api', parentSpanId: submitted.spanId, attributes: { 'http.response.status_code': 202 } });
    const publish = submission.find((s) => s.name === 'inbound publish' && s.parentSpanId === request!.spanId);
    expect(submission.find((s) => s.name === 'inbound process' && s.parentSpanId === publish?.spanId)).toMatchObject({ service: 'peppol-ap-worker' });
    expect(String(received.headers.traceparent)).toMatch(new RegExp(`^00-${submitted.traceId}-[0-9a-f]{16}-01$`));

    const spans = collector.spans.filter((s) => s.traceId === incoming.traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const one = (name: string, kind?: number): ReceivedSpan => {
      const found = spans.filter((s) => s.name === name && (kind === undefined || s.kind === kind));
      expect(found.map((s) => s.name), `spans named ${name}`).toEqual([name]);
      return found[0]!;
    };
    const parentOf = (span: ReceivedSpan) => byId.get(span.parentSpanId ?? '');

    // The API: the request continues the caller's span; the receive steps and the job's producer are its children.
    const as4 = one('POST /as4', SERVER);
    expect(as4.service).toBe('peppol-ap-api');
    expect(as4.parentSpanId).toBe(incoming.spanId);
    expect(as4.attributes).toMatchObject({ 'http.route': '/as4', 'http.response.status_code': 200, 'peppol_ap.as4.outcome': 'receipt' });
    for (const step of ['receive-mime', 'verify-signature', 'persist', 'enqueue']) expect(parentOf(one(`as4.receive ${step}`))).toBe(as4);
    const publishInbound = one('inbound publish', PRODUCER);
    expect(parentOf(publishInbound)!.name).toBe('as4.receive enqueue');

    // The worker: each job continues the trace of whatever queued it.
    const inbound = one('inbound process', CONSUMER);
    expect(inbound.service).toBe('peppol-ap-worker');
    expect(parentOf(inbound)).toBe(publishInbound);
    const punchout = one('punchout process', CONSUMER);
    expect(parentOf(parentOf(punchout)!)).toBe(inbound);
    const delivery = spans.filter((s) => s.name === 'delivery process' && s.kind === CONSUMER);
    expect(delivery.length).toBeGreaterThan(0);

    // The webhook POST: a client span under a delivery job, its id the traceparent the back end got.
    const traceparent = String(delivered.headers.traceparent);
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(traceparent) ?? [];
    expect(traceId).toBe(incoming.traceId);
    const client = byId.get(spanId!)!;
    expect(client).toMatchObject({ name: 'POST', kind: CLIENT, service: 'peppol-ap-worker' });
    expect(client.attributes).toMatchObject({ 'http.response.status_code': 204, 'server.address': '127.0.0.1' });
    expect(parentOf(client)!.name).toBe('delivery process');

    // Every span of the trace hangs on the chain back to the caller's span: none lost on the way.
    for (const span of spans) {
      let at: ReceivedSpan | undefined = span;
      for (let hops = 0; at && at.parentSpanId !== incoming.spanId && hops < 50; hops++) at = parentOf(at);
      expect(at, `${span.name} reaches the incoming span`).toBeDefined();
    }
    // Log lines written inside a span name its trace (the API's line for the accepted message).
    const accepted = stack.api!.output().split('\n').find((line) => line.includes('"msg":"AS4 message accepted"'));
    expect(accepted).toContain(`"trace_id":"${incoming.traceId}"`);
  }, 120_000);
});

describe('tracing off (the default)', () => {
  const collector = new OtlpReceiver();
  const sink = new WebhookSink();
  let stack: Stack;

  beforeAll(async () => {
    await collector.start();
    await sink.start();
    // The endpoint is configured, the exporter is not switched on.
    stack = await startStack({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint }, sink);
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await sink.stop();
    await collector.stop();
  });

  it('exports nothing, passes no trace context on and writes no trace ids', async () => {
    const incoming = incomingTraceparent();
    await sendCart(stack, incoming.header);
    const delivered = await eventually(async () => sink.requests.find((r) => r.event?.type === 'order.created'), 60_000, 'the order delivered by webhook');
    await stopGracefully(stack);
    expect(collector.connections).toBe(0);
    expect(delivered.headers.traceparent).toBeUndefined();
    expect(stack.api!.output() + stack.worker!.output()).not.toContain('trace_id');
  }, 120_000);
});
