import { Readable } from 'node:stream';
import { Agent } from 'undici';
import { describeNetworkError, type NetworkErrorKind } from '../delivery/webhook/network-error.js';
import { inClientSpan, markFailed, recordResponseStatus } from '../tracing/trace-context.js';
import type { As4HttpOptions } from './outbound.config.js';

export interface As4HttpRequest {
  url: string;
  contentType: string;
  /** Streamed as it is produced (chunked transfer encoding). */
  body: Readable;
}

export type As4HttpResult =
  | { kind: 'response'; status: number; contentType: string; body: Buffer; latencyMs: number }
  | { kind: 'too-large'; status: number; latencyMs: number; message: string }
  | { kind: 'network-error'; error: NetworkErrorKind; message: string; latencyMs: number };

/** A URL we will not POST to (not http(s), or http where only https is allowed). Not retryable. */
export class As4EndpointUrlError extends Error {
  override name = 'As4EndpointUrlError';
}

/**
 * POSTs AS4 messages: connect and response timeouts, a streamed request body, a bounded reply. One
 * undici pool per origin; redirects are not followed (an AS4 endpoint answers where it is).
 */
export class As4HttpTransport {
  private readonly agent: Agent;

  constructor(private readonly options: As4HttpOptions) {
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.responseTimeoutMs,
      bodyTimeout: options.responseTimeoutMs,
      keepAliveTimeout: 4_000,
      connections: options.maxConnections,
    });
  }

  /** Checks an endpoint URL before anything is built for it. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new As4EndpointUrlError(`endpoint "${raw}" is not an absolute URL`);
    }
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && this.options.allowHttp) return url;
    const allowed = this.options.allowHttp ? 'http(s)' : 'https (set AS4_SEND_ALLOW_HTTP=true for plain http)';
    throw new As4EndpointUrlError(`endpoint ${url.origin} must be ${allowed}`);
  }

  async post(request: As4HttpRequest): Promise<As4HttpResult> {
    const url = this.checkUrl(request.url);
    // With tracing on: a client span, and the request carries its traceparent to the receiving AP.
    return inClientSpan('POST', url, {}, async (traceHeaders, span) => {
      const result = await this.exchange(url, request, traceHeaders);
      if (result.kind === 'network-error') markFailed(span, `${result.error}: ${result.message}`);
      else recordResponseStatus(span, result.status);
      if (result.kind === 'too-large') markFailed(span, result.message);
      return result;
    });
  }

  private async exchange(url: URL, request: As4HttpRequest, traceHeaders: Record<string, string>): Promise<As4HttpResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: 'POST',
        headers: { ...traceHeaders, 'content-type': request.contentType, 'mime-version': '1.0' },
        body: request.body,
        // Safety net over the whole exchange; undici's own timeouts normally fire first.
        signal: AbortSignal.timeout(this.options.connectTimeoutMs + 2 * this.options.responseTimeoutMs),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > this.options.maxResponseBytes) {
          response.body.destroy();
          return { kind: 'too-large', status: response.statusCode, latencyMs: elapsed(), message: `reply exceeds ${this.options.maxResponseBytes} bytes` };
        }
        chunks.push(chunk as Buffer);
      }
      const type = response.headers['content-type'];
      return {
        kind: 'response',
        status: response.statusCode,
        contentType: (Array.isArray(type) ? type[0] : type) ?? '',
        body: Buffer.concat(chunks),
        latencyMs: elapsed(),
      };
    } catch (error) {
      request.body.destroy();
      const { kind, message } = describeNetworkError(error);
      return { kind: 'network-error', error: kind, message, latencyMs: elapsed() };
    }
  }

  private closing?: Promise<void>;

  /** Idempotent: the module may be shut down from more than one importing context. */
  close(): Promise<void> {
    this.closing ??= this.agent.close().catch(() => undefined);
    return this.closing;
  }
}
