import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('peppol-ap');

/** Liveness, readiness and metrics scrapes: polled all day, never traced. */
const PROBE = /^\/(health|metrics)(\/|$)/;

type ExpressRequest = IncomingMessage & { originalUrl?: string; baseUrl?: string; route?: { path?: unknown } };

function pathOf(req: ExpressRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * A server span per HTTP request (probes aside), continuing the caller's `traceparent` when it sends
 * one, active while the request is handled: the AS4 receive steps, the queued jobs and the log
 * lines are its children. Named `METHOD route` once the route is known (`POST /as4`,
 * `POST /api/v1/documents`). Installed only when tracing is on.
 */
export function traceRequests() {
  return (req: ExpressRequest, res: ServerResponse, next: () => void): void => {
    const path = pathOf(req);
    if (PROBE.test(path)) return next();
    const method = req.method ?? 'GET';
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, 'url.scheme': 'http', 'server.port': req.socket.localPort ?? 0 } },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
      if (route) {
        span.updateName(`${method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      if (!res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'response not completed' });
      else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
