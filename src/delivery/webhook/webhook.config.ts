import { defineConfig } from '../../config/define-config.js';
import { env } from '../../config/env.js';
import { DEFAULT_RETRY_DELAYS_SECONDS, type RetryPolicy, validateRetryPolicy } from './retry-schedule.js';

/** Outgoing OMS webhooks: HTTP timeouts, retry schedule and circuit breaker. */
export const webhookConfig = defineConfig(
  'webhook',
  {
    WEBHOOK_CONNECT_TIMEOUT_MS: env.int(5_000, 100, 60_000),
    WEBHOOK_RESPONSE_TIMEOUT_MS: env.int(15_000, 100, 120_000),
    WEBHOOK_RESPONSE_EXCERPT_BYTES: env.int(1_024, 0, 64 * 1024),
    WEBHOOK_RESPONSE_MAX_BYTES: env.int(64 * 1024, 0, 16 * 1024 * 1024),
    WEBHOOK_MAX_PAYLOAD_BYTES: env.int(8 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    WEBHOOK_USER_AGENT: env.string('peppol-ap-webhooks/1'),
    WEBHOOK_ALLOW_HTTP: env.bool(false),
    /** Host names plain http may go to while WEBHOOK_ALLOW_HTTP is false (a private network's service, e.g. sample-oms). */
    WEBHOOK_HTTP_HOSTS: env.list([]),
    WEBHOOK_RETRY_DELAYS_S: env.list(DEFAULT_RETRY_DELAYS_SECONDS.map(String)),
    WEBHOOK_RETRY_JITTER_PERCENT: env.int(10, 0, 50),
    WEBHOOK_RETRY_AFTER_MAX_S: env.int(3_600, 0, 86_400),
    WEBHOOK_BREAKER_FAILURE_THRESHOLD: env.int(5, 1, 1_000),
    WEBHOOK_BREAKER_OPEN_MS: env.int(30_000, 100, 3_600_000),
    WEBHOOK_BREAKER_MAX_OPEN_MS: env.int(600_000, 100, 86_400_000),
    WEBHOOK_BREAKER_PROBE_TIMEOUT_MS: env.int(60_000, 100, 3_600_000),
  },
  (v) => {
    const retry: RetryPolicy = validateRetryPolicy({
      delaysSeconds: v.WEBHOOK_RETRY_DELAYS_S.map((item) => {
        const seconds = Number(item);
        if (!Number.isInteger(seconds)) throw new Error(`WEBHOOK_RETRY_DELAYS_S: "${item}" is not whole seconds`);
        return seconds;
      }),
      jitterRatio: v.WEBHOOK_RETRY_JITTER_PERCENT / 100,
      maxRetryAfterSeconds: v.WEBHOOK_RETRY_AFTER_MAX_S,
    });
    return {
      http: {
        connectTimeoutMs: v.WEBHOOK_CONNECT_TIMEOUT_MS,
        responseTimeoutMs: v.WEBHOOK_RESPONSE_TIMEOUT_MS,
        responseExcerptBytes: v.WEBHOOK_RESPONSE_EXCERPT_BYTES,
        /** Response bytes read at most (the rest is discarded by closing the connection). */
        responseMaxBytes: v.WEBHOOK_RESPONSE_MAX_BYTES,
        maxPayloadBytes: v.WEBHOOK_MAX_PAYLOAD_BYTES,
        userAgent: v.WEBHOOK_USER_AGENT,
      },
      /** Plain http endpoints are refused unless allowed (demo and tests on loopback). */
      allowHttp: v.WEBHOOK_ALLOW_HTTP,
      httpHosts: v.WEBHOOK_HTTP_HOSTS.map((host) => host.toLowerCase()),
      retry,
      breaker: {
        failureThreshold: v.WEBHOOK_BREAKER_FAILURE_THRESHOLD,
        openMs: v.WEBHOOK_BREAKER_OPEN_MS,
        maxOpenMs: Math.max(v.WEBHOOK_BREAKER_MAX_OPEN_MS, v.WEBHOOK_BREAKER_OPEN_MS),
        probeTimeoutMs: v.WEBHOOK_BREAKER_PROBE_TIMEOUT_MS,
      },
    };
  },
);

export type WebhookConfig = ReturnType<typeof webhookConfig.load>;
export type WebhookHttpOptions = WebhookConfig['http'];
