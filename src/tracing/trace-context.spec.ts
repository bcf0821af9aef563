import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerSecret } from '../config/redact.js';
import { activeTraceIds, contextFromCarrier, currentTraceCarrier, inClientSpan, inSpan, SpanKind, traceHeaders } from './trace-context.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('trace context with tracing off (no SDK started)', () => {
  it('passes nothing on and still runs the work', async () => {
    const result = await inSpan('work', {}, async () => ({ carrier: currentTraceCarrier(), headers: traceHeaders(), ids: activeTraceIds() }));
    expect(result).toEqual({ carrier: undefined, headers: {}, ids: undefined });
  });

  it('ignores an incoming carrier: no trace is continued', async () => {
    const parent = contextFromCarrier({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    expect(await inSpan('job', {}, async () => currentTraceCarrier(), parent)).toBeUndefined();
  });
});

describe('trace context with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register({ propagator: new W3CTraceContextPropagator() }));
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('a job carrier made in one span continues the trace as its child in the worker', async () => {
    const carrier = await inSpan('inbound publish', { kind: SpanKind.PRODUCER }, async () => currentTraceCarrier());
    expect(carrier).toEqual({ traceparent: expect.stringMatching(TRACEPARENT) });
    // As the worker gets it: through JSON in Redis.
    const received: unknown = JSON.parse(JSON.stringify(carrier));
    await inSpan('inbound process', { kind: SpanKind.CONSUMER }, async () => undefined, contextFromCarrier(received));
    const [producer, consumer] = exporter.getFinishedSpans();
    expect(producer!.name).toBe('inbound publish');
    expect(consumer!.spanContext().traceId).toBe(producer!.spanContext().traceId);
    expect(consumer!.parentSpanContext?.spanId).toBe(producer!.spanContext().spanId);
    expect(consumer!.parentSpanContext?.isRemote).toBe(true);
    const [, traceId, spanId] = TRACEPARENT.exec(carrier!.traceparent)!;
    expect([traceId, spanId]).toEqual([producer!.spanContext().traceId, producer!.spanContext().spanId]);
  });

  it('keeps tracestate along with traceparent', async () => {
    const incoming = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'vendor=abc' };
    const carrier = await inSpan('step', {}, async () => currentTraceCarrier(), contextFromCarrier(incoming));
    expect(carrier).toEqual({ traceparent: expect.stringMatching(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/), tracestate: 'vendor=abc' });
    expect(exporter.getFinishedSpans()[0]!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('a missing or malformed carrier starts a new trace', async () => {
    for (const carrier of [undefined, null, 'x', { traceparent: 5 }, { traceparent: 'not-a-traceparent' }, { traceparent: '00-00000000000000000000000000000000-b7ad6b7169203331-01' }]) {
      await inSpan('job', {}, async () => undefined, contextFromCarrier(carrier));
    }
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(6);
    for (const span of spans) expect(span.parentSpanContext).toBeUndefined();
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(6);
  });

  it('a throw marks the span failed with a redacted message, and is rethrown', async () => {
    registerSecret('s3cr3t-value-for-test');
    await expect(inSpan('job', {}, async () => Promise.reject(new Error('login with s3cr3t-value-for-test refused')))).rejects.toThrow('s3cr3t-value-for-test');
    const [span] = exporter.getFinishedSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.status.message).toContain('login with');
    expect(JSON.stringify([span!.status, span!.events])).not.toContain('s3cr3t-value-for-test');
  });

  it('an outgoing request carries the client span as traceparent, and the URL without path or query', async () => {
    const url = new URL('https://oms.example:8443/hooks/secret-path?token=abc');
    const { headers, ids } = await inSpan('delivery process', {}, () => inClientSpan('POST', url, {}, async (headers) => ({ headers, ids: activeTraceIds() })));
    const [client, parent] = exporter.getFinishedSpans();
    expect(client!.kind).toBe(SpanKind.CLIENT);
    expect(client!.parentSpanContext?.spanId).toBe(parent!.spanContext().spanId);
    expect(headers.traceparent).toBe(`00-${client!.spanContext().traceId}-${client!.spanContext().spanId}-01`);
    expect(ids).toEqual({ trace_id: client!.spanContext().traceId, span_id: client!.spanContext().spanId });
    expect(client!.attributes).toEqual({ 'http.request.method': 'POST', 'server.address': 'oms.example', 'server.port': 8443, 'url.scheme': 'https' });
  });
});
