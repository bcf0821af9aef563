import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { sanitizeCorrelationId, withCorrelation } from './correlation.js';

/**
 * Every request gets a correlation id (the caller's X-Correlation-Id when well-formed), echoed back;
 * every log line written while handling it carries the id.
 */
export function correlateRequests() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const correlationId = sanitizeCorrelationId(req.headers['x-correlation-id']) ?? randomUUID();
    res.setHeader('X-Correlation-Id', correlationId);
    withCorrelation({ correlationId }, next);
  };
}

/** Liveness, readiness and metrics scrapes: polled all day, logged at debug only. */
const PROBE = /^\/(health|metrics)(\/|$)/;

/** The request's path without its query string (which nothing here needs in a log line). */
function pathOf(req: IncomingMessage): string {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * HTTP access log: one line per request once its response is sent (method, path, status, time),
 * carrying the request's correlation id like every other line written for it. No headers, bodies
 * or query strings, so no API key, Authorization header or payload ever reaches it.
 */
export function accessLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    // The correlation id is added by the root logger; pino-http's own request id is not needed.
    genReqId: () => '',
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req) => (PROBE.test(pathOf(req)) ? 'debug' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res, error) => `${req.method} ${pathOf(req)} ${res.writableFinished ? res.statusCode : `aborted (${error.message})`}`,
    // A 5xx is logged where it happened; the access line keeps only what it says about the request.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ res: value.res, responseTime: value.responseTime }),
  });
}
