import type { DeliveryAttempt } from './http-sender.js';
import type { DeliveryVerdict } from './outcome.js';

/** One attempt as stored for the admin API: flat, JSON-friendly, bounded. */
export interface DeliveryAttemptRecord {
  attemptedAt: string;
  latencyMs: number;
  /** HTTP status, or null when no response came back. */
  status: number | null;
  /** Network error kind (`connection-refused`, `response-timeout`, …), or null when a response came. */
  networkError: string | null;
  responseExcerpt: string | null;
  responseTruncated: boolean;
  retryAfter: string | null;
  verdict: DeliveryVerdict['verdict'];
  /** Why it did not count as delivered; null when delivered. */
  reason: string | null;
}

export function toAttemptRecord(attempt: DeliveryAttempt, verdict: DeliveryVerdict): DeliveryAttemptRecord {
  const isResponse = attempt.kind === 'response';
  return {
    attemptedAt: attempt.startedAt.toISOString(),
    latencyMs: attempt.latencyMs,
    status: isResponse ? attempt.status : null,
    networkError: isResponse ? null : attempt.error,
    responseExcerpt: isResponse ? attempt.responseExcerpt : null,
    responseTruncated: isResponse ? attempt.responseTruncated : false,
    retryAfter: isResponse ? (attempt.retryAfter?.slice(0, 64) ?? null) : null,
    verdict: verdict.verdict,
    reason: verdict.verdict === 'delivered' ? null : verdict.reason,
  };
}
