import { Inject, Injectable } from '@nestjs/common';
import { Agent } from 'undici';
import { Clock } from '../../common/clock.js';
import { inClientSpan, markFailed, recordResponseStatus } from '../../tracing/trace-context.js';
import { describeNetworkError, type NetworkErrorKind } from './network-error.js';
import { webhookConfig, type WebhookHttpOptions } from './webhook.config.js';

/** What one POST to an endpoint produced: a response, or no response at all. */
export type DeliveryAttempt =
  | {
      kind: 'response';
      startedAt: Date;
      latencyMs: number;
      status: number;
      /** The start of the response body as text, at most the configured excerpt size. */
      responseExcerpt: string;
      responseTruncated: boolean;
      /** Raw `Retry-After` header, when sent. */
      retryAfter?: string;
    }
  | {
      kind: 'network-error';
      startedAt: Date;
      latencyMs: number;
      error: NetworkErrorKind;
      message: string;
    };

export interface WebhookRequest {
  url: string;
  /** The Standard Webhooks headers of this attempt. */
  headers: Readonly<Record<string, string>>;
  /** The exact JSON text that was signed. */
  body: string;
  /** Per-endpoint response timeout, overriding the configured default. */
  responseTimeoutMs?: number;
}

/** A request we refuse to send (our side is wrong: bad URL, payload too large). Not retryable. */
export class WebhookRequestError extends Error {
  override name = 'WebhookRequestError';
}

/**
 * POSTs signed webhook payloads. One undici agent keeps a connection pool per origin; redirects
 * are not followed (a 3xx is reported as such).
 */
@Injectable()
export class WebhookHttpSender {
  private readonly agent: Agent;
  private readonly options: WebhookHttpOptions;

  constructor(@Inject(webhookConfig.KEY) config: { http: WebhookHttpOptions }, private readonly clock: Clock) {
    this.options = config.http;
    this.agent = new Agent({
      connect: { timeout: this.options.connectTimeoutMs },
      headersTimeout: this.options.responseTimeoutMs,
      bodyTimeout: this.options.responseTimeoutMs,
      keepAliveTimeout: 4_000,
      connections: 128,
    });
  }

  async send(request: WebhookRequest): Promise<DeliveryAttempt> {
    const url = parseTarget(request.url);
    const body = Buffer.from(request.body, 'utf8');
    if (body.length > this.options.maxPayloadBytes) {
      throw new WebhookRequestError(
        `payload of ${body.length} bytes exceeds the limit of ${this.options.maxPayloadBytes} bytes`,
      );
    }
    // With tracing on: a client span, and the request carries its traceparent to the back end.
    return inClientSpan('POST', url, { 'peppol_ap.webhook.id': request.headers['webhook-id'] ?? '' }, async (traceHeaders, span) => {
      const attempt = await this.post(url, body, request, traceHeaders);
      if (attempt.kind === 'response') recordResponseStatus(span, attempt.status);
      else markFailed(span, `${attempt.error}: ${attempt.message}`);
      return attempt;
    });
  }

  private async post(url: URL, body: Buffer, request: WebhookRequest, traceHeaders: Record<string, string>): Promise<DeliveryAttempt> {
    const responseTimeoutMs = request.responseTimeoutMs ?? this.options.responseTimeoutMs;
    const startedAt = this.clock.now();
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      const response = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: 'POST',
        headers: {
          ...request.headers,
          ...traceHeaders,
          'content-type': 'application/json',
          'user-agent': this.options.userAgent,
        },
        body,
        headersTimeout: responseTimeoutMs,
        bodyTimeout: responseTimeoutMs,
        // Safety net over the whole exchange; undici's own timeouts normally fire first.
        signal: AbortSignal.timeout(this.options.connectTimeoutMs + 2 * responseTimeoutMs),
      });
      const excerpt = await this.readExcerpt(response.body);
      const retryAfter = firstHeader(response.headers['retry-after']);
      return {
        kind: 'response',
        startedAt,
        latencyMs: elapsed(),
        status: response.statusCode,
        responseExcerpt: excerpt.text,
        responseTruncated: excerpt.truncated,
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      };
    } catch (error) {
      const { kind, message } = describeNetworkError(error);
      return { kind: 'network-error', startedAt, latencyMs: elapsed(), error: kind, message };
    }
  }

  private closing?: Promise<void>;

  /** Idempotent: the sender may be shut down from more than one module context. */
  close(): Promise<void> {
    this.closing ??= this.agent.close().catch(() => undefined);
    return this.closing;
  }

  /** Keeps the first bytes as text and reads at most `responseMaxBytes` before dropping the connection. */
  private async readExcerpt(stream: AsyncIterable<Buffer> & { destroy(): void }): Promise<{ text: string; truncated: boolean }> {
    const { responseExcerptBytes, responseMaxBytes } = this.options;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let seen = 0;
    for await (const chunk of stream) {
      seen += chunk.length;
      if (keptBytes < responseExcerptBytes) {
        const slice = chunk.subarray(0, responseExcerptBytes - keptBytes);
        kept.push(slice);
        keptBytes += slice.length;
      }
      if (seen > responseMaxBytes) {
        stream.destroy();
        break;
      }
    }
    // A cut multi-byte character decodes as U+FFFD: acceptable for a diagnostic excerpt.
    return { text: Buffer.concat(kept).toString('utf8'), truncated: seen > keptBytes };
  }
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookRequestError('endpoint URL is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookRequestError(`endpoint URL scheme ${url.protocol} is not http(s)`);
  }
  return url;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
