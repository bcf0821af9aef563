import { type Attributes, type Context, context, propagation, ROOT_CONTEXT, type Span, SpanKind, type SpanOptions, SpanStatusCode, trace } from '@opentelemetry/api';
import { redactText } from '../config/redact.js';

/**
 * Spans and W3C trace context through the OpenTelemetry API only. With tracing off (no SDK started,
 * see tracing-sdk.ts) the API's no-op tracer and propagator make every helper here do nothing: no
 * span is recorded, no header or job field is written.
 */
const tracer = trace.getTracer('peppol-ap');

/** The W3C trace context (`traceparent`, `tracestate`) as it travels in a job's data. */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/** The active trace context as a carrier for a job, or undefined when there is none to pass on (tracing off). */
export function currentTraceCarrier(ctx: Context = context.active()): TraceCarrier | undefined {
  const fields: Record<string, string> = {};
  propagation.inject(ctx, fields);
  if (!fields.traceparent) return undefined;
  return fields.tracestate ? { traceparent: fields.traceparent, tracestate: fields.tracestate } : { traceparent: fields.traceparent };
}

/**
 * The context a carrier continues (e.g. a job's `trace` field). Anything that is not a carrier of
 * strings — absent, from an older version, malformed — gives the root context: a new trace starts.
 */
export function contextFromCarrier(carrier: unknown, base: Context = ROOT_CONTEXT): Context {
  if (carrier === null || typeof carrier !== 'object') return base;
  const { traceparent, tracestate } = carrier as Record<string, unknown>;
  if (typeof traceparent !== 'string') return base;
  return propagation.extract(base, typeof tracestate === 'string' ? { traceparent, tracestate } : { traceparent });
}

/** The headers an outgoing request carries to continue the active trace (none when tracing is off). */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(ctx, headers);
  return headers;
}

/** Marks a span failed with the error's type and message (redacted like a log line; no stack). */
export function recordFailure(span: Span, error: unknown): void {
  const message = redactText(error instanceof Error ? error.message : String(error));
  span.addEvent('exception', { 'exception.type': error instanceof Error ? error.name : typeof error, 'exception.message': message });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/**
 * Runs `work` in a new span, active for everything it calls (child spans, injected carriers, log
 * lines' trace_id). A throw marks the span failed and is rethrown; the span always ends.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>, parent: Context = context.active()): Promise<T> {
  return tracer.startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * An outgoing HTTP request as a client span (`POST`), its `traceparent` in `headers` for the request.
 * The URL is described by host, port and scheme only: no path or query, which may hold a token.
 */
export function inClientSpan<T>(method: string, url: URL, attributes: Attributes, work: (headers: Record<string, string>, span: Span) => Promise<T>): Promise<T> {
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return inSpan(
    method,
    { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'server.address': url.hostname, 'server.port': port, 'url.scheme': url.protocol.replace(/:$/, ''), ...attributes } },
    (span) => work(traceHeaders(), span),
  );
}

/** Records a response status on a client span; 4xx and 5xx mark it failed (OTel HTTP conventions). */
export function recordResponseStatus(span: Span, status: number): void {
  span.setAttribute('http.response.status_code', status);
  if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
}

/** Attributes of the span active now (e.g. a request's message id once it is known); nothing when none. */
export function annotateActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/** The active span's ids for a log line, or undefined (tracing off, or outside any span). */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return trace.isSpanContextValid(span.spanContext()) ? { trace_id: traceId, span_id: spanId } : undefined;
}

export { SpanKind };

/** Marks a span failed with a short reason (redacted like a log line). */
export function markFailed(span: Span, reason: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: redactText(reason) });
}
