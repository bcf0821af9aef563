import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt } from './http-sender.js';
import type { NetworkErrorKind } from './network-error.js';
import { classifyAttempt } from './outcome.js';

const now = new Date('2026-11-23T10:00:00.000Z');
const response = (status: number, retryAfter?: string): DeliveryAttempt => ({
  kind: 'response',
  startedAt: now,
  latencyMs: 3,
  status,
  responseExcerpt: '',
  responseTruncated: false,
  ...(retryAfter ? { retryAfter } : {}),
});
const networkError = (error: NetworkErrorKind): DeliveryAttempt => ({
  kind: 'network-error',
  startedAt: now,
  latencyMs: 3,
  error,
  message: error,
});

describe('classifyAttempt', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [301, 'failed'],
    [302, 'failed'],
    [307, 'failed'],
    [400, 'failed'],
    [401, 'failed'],
    [403, 'failed'],
    [404, 'failed'],
    [409, 'failed'],
    [413, 'failed'],
    [422, 'failed'],
    [408, 'retry'],
    [429, 'retry'],
    [410, 'failed'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [599, 'retry'],
    [101, 'retry'],
  ] as const)('HTTP %d → %s', (status, verdict) => {
    expect(classifyAttempt(response(status), now).verdict).toBe(verdict);
  });

  it('disables the endpoint only on 410', () => {
    expect(classifyAttempt(response(410), now)).toMatchObject({ verdict: 'failed', disableEndpoint: true });
    expect(classifyAttempt(response(404), now)).toMatchObject({ verdict: 'failed', disableEndpoint: false });
    expect(classifyAttempt(response(400), now)).toMatchObject({ verdict: 'failed', disableEndpoint: false });
  });

  it('says why a redirect fails', () => {
    expect(classifyAttempt(response(301), now)).toMatchObject({ reason: expect.stringMatching(/redirects are not followed/) });
  });

  it.each(['connect-timeout', 'response-timeout', 'connection-refused', 'connection-reset', 'dns', 'tls', 'network'] as const)(
    'retries after a network error: %s',
    (error) => {
      expect(classifyAttempt(networkError(error), now)).toMatchObject({ verdict: 'retry', endpointUnhealthy: true });
    },
  );

  it('passes Retry-After on for 429 and 503, in seconds', () => {
    expect(classifyAttempt(response(429, '30'), now)).toMatchObject({ verdict: 'retry', retryAfterSeconds: 30 });
    expect(classifyAttempt(response(503, 'Mon, 23 Nov 2026 10:02:00 GMT'), now)).toMatchObject({
      retryAfterSeconds: 120,
    });
    expect(classifyAttempt(response(503, 'later'), now)).not.toHaveProperty('retryAfterSeconds');
  });
});
