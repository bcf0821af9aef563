import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, NodeTracerProvider, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { WebhookHttpSender } from '../../src/delivery/webhook/http-sender.js';
import { As4HttpTransport } from '../../src/outbound/as4-http-transport.js';
import { inSpan } from '../../src/tracing/trace-context.js';

/**
 * The outgoing POSTs with tracing on (the SDK registered in this process, spans kept in memory):
 * the webhook and the AS4 send are client spans, and the request carries the client span as its
 * traceparent, to a real server on loopback.
 */
describe('client spans of the outgoing HTTP requests', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const seen: IncomingHttpHeaders[] = [];
  let server: Server;
  let base = '';
  const webhooks = new WebhookHttpSender(
    { http: { connectTimeoutMs: 1_000, responseTimeoutMs: 1_000, responseExcerptBytes: 64, responseMaxBytes: 4_096, maxPayloadBytes: 65_536, userAgent: 'test' } },
    new Clock(),
  );
  const as4 = new As4HttpTransport({ connectTimeoutMs: 1_000, responseTimeoutMs: 1_000, maxResponseBytes: 65_536, allowHttp: true, maxConnections: 2 });

  beforeAll(async () => {
    provider.register({ propagator: new W3CTraceContextPropagator() });
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(req.url === '/fail' ? 503 : 200, { 'content-type': 'application/soap+xml' }).end('<ok/>'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await webhooks.close();
    await as4.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => {
    exporter.reset();
    seen.length = 0;
  });

  /** The finished client span and its parent (the job's span here). */
  function clientAndParent(): { client: ReadableSpan; parent: ReadableSpan } {
    const spans = exporter.getFinishedSpans();
    const client = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    const parent = spans.find((s) => s.name === 'job')!;
    expect(client.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    return { client, parent };
  }

  it('the webhook POST carries the client span as traceparent', async () => {
    const attempt = await inSpan('job', {}, () => webhooks.send({ url: `${base}/hooks?token=x`, headers: { 'webhook-id': 'msg_1' }, body: '{}' }));
    expect(attempt).toMatchObject({ kind: 'response', status: 200 });
    const { client } = clientAndParent();
    expect(seen[0]!.traceparent).toBe(`00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`);
    expect(client.name).toBe('POST');
    expect(client.attributes).toMatchObject({ 'http.response.status_code': 200, 'peppol_ap.webhook.id': 'msg_1', 'server.address': '127.0.0.1' });
    expect(JSON.stringify(client.attributes)).not.toContain('token');
    expect(client.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('the AS4 POST carries it too; a 5xx marks the span failed', async () => {
    const result = await inSpan('job', {}, () => as4.post({ url: `${base}/fail`, contentType: 'multipart/related; boundary="b"', body: Readable.from([Buffer.from('x')]) }));
    expect(result).toMatchObject({ kind: 'response', status: 503 });
    const { client } = clientAndParent();
    expect(seen[0]!.traceparent).toBe(`00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`);
    expect(client.attributes['http.response.status_code']).toBe(503);
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('no answer at all marks the span failed with the network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const attempt = await inSpan('job', {}, () => webhooks.send({ url: `http://127.0.0.1:${port}/hooks`, headers: {}, body: '{}' }));
    expect(attempt.kind).toBe('network-error');
    const { client } = clientAndParent();
    expect(client.status).toMatchObject({ code: SpanStatusCode.ERROR, message: 'connection-refused: connection refused' });
  });
});
