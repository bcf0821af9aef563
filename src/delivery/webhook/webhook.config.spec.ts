import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/define-config.js';
import { DEFAULT_RETRY_DELAYS_SECONDS } from './retry-schedule.js';
import { webhookConfig } from './webhook.config.js';

describe('webhook configuration', () => {
  it('has working defaults', () => {
    const config = webhookConfig.load({});
    expect(config.http).toMatchObject({ connectTimeoutMs: 5_000, responseTimeoutMs: 15_000, responseExcerptBytes: 1_024 });
    expect(config.retry).toEqual({ delaysSeconds: DEFAULT_RETRY_DELAYS_SECONDS, jitterRatio: 0.1, maxRetryAfterSeconds: 3_600 });
    expect(config.allowHttp).toBe(false);
    expect(config.breaker).toEqual({ failureThreshold: 5, openMs: 30_000, maxOpenMs: 600_000, probeTimeoutMs: 60_000 });
  });

  it('reads a custom retry schedule', () => {
    const config = webhookConfig.load({ WEBHOOK_RETRY_DELAYS_S: '1, 10, 100', WEBHOOK_RETRY_JITTER_PERCENT: '0' });
    expect(config.retry.delaysSeconds).toEqual([1, 10, 100]);
  });

  it.each([
    [{ WEBHOOK_RETRY_DELAYS_S: '10,5' }, /must exceed delay 1/],
    [{ WEBHOOK_RETRY_DELAYS_S: '5,soon' }, /"soon" is not whole seconds/],
    [{ WEBHOOK_CONNECT_TIMEOUT_MS: '10' }, /WEBHOOK_CONNECT_TIMEOUT_MS/],
    [{ WEBHOOK_ALLOW_HTTP: 'maybe' }, /WEBHOOK_ALLOW_HTTP/],
  ])('refuses %j', (env, message) => {
    expect(() => webhookConfig.load(env)).toThrow(ConfigError);
    expect(() => webhookConfig.load(env)).toThrow(message);
  });
});
