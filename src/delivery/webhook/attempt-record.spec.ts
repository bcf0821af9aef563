import { describe, expect, it } from 'vitest';
import { toAttemptRecord } from './attempt-record.js';
import { classifyAttempt } from './outcome.js';
import type { DeliveryAttempt } from './http-sender.js';

const startedAt = new Date('2026-11-23T10:00:00.000Z');

describe('toAttemptRecord', () => {
  it('records a response with its status, excerpt and Retry-After', () => {
    const attempt: DeliveryAttempt = {
      kind: 'response',
      startedAt,
      latencyMs: 12.5,
      status: 503,
      responseExcerpt: 'busy',
      responseTruncated: false,
      retryAfter: '30',
    };
    expect(toAttemptRecord(attempt, classifyAttempt(attempt, startedAt))).toEqual({
      attemptedAt: '2026-11-23T10:00:00.000Z',
      latencyMs: 12.5,
      status: 503,
      networkError: null,
      responseExcerpt: 'busy',
      responseTruncated: false,
      retryAfter: '30',
      verdict: 'retry',
      reason: 'HTTP 503',
    });
  });

  it('records a network error without a status', () => {
    const attempt: DeliveryAttempt = {
      kind: 'network-error',
      startedAt,
      latencyMs: 1,
      error: 'connection-refused',
      message: 'connection refused',
    };
    expect(toAttemptRecord(attempt, classifyAttempt(attempt, startedAt))).toMatchObject({
      status: null,
      networkError: 'connection-refused',
      responseExcerpt: null,
      verdict: 'retry',
      reason: 'connection-refused: connection refused',
    });
  });

  it('has no reason when delivered', () => {
    const attempt: DeliveryAttempt = { kind: 'response', startedAt, latencyMs: 1, status: 204, responseExcerpt: '', responseTruncated: false };
    expect(toAttemptRecord(attempt, classifyAttempt(attempt, startedAt))).toMatchObject({ verdict: 'delivered', reason: null });
  });
});
