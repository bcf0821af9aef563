import type { DeliveryAttempt } from './http-sender.js';
import { parseRetryAfter } from './retry-after.js';

/** What to do after an attempt. */
export type DeliveryVerdict =
  | { verdict: 'delivered' }
  | {
      verdict: 'retry';
      reason: string;
      /** From `Retry-After`, in seconds, when the endpoint sent one. */
      retryAfterSeconds?: number;
      /** Counts against the endpoint's circuit breaker (it looks down or overloaded). */
      endpointUnhealthy: true;
    }
  | {
      verdict: 'failed';
      reason: string;
      /** 410 Gone: the receiver asks us to stop sending to this endpoint. */
      disableEndpoint: boolean;
    };

/**
 * Classifies an attempt: 2xx is success; 408, 429, 5xx and every network error are retried;
 * other 4xx fail at once (a retry would be refused the same way), 410 also disables the endpoint;
 * 3xx fails because redirects are not followed — the route's URL needs fixing.
 */
export function classifyAttempt(attempt: DeliveryAttempt, now: Date): DeliveryVerdict {
  if (attempt.kind === 'network-error') {
    return { verdict: 'retry', reason: `${attempt.error}: ${attempt.message}`, endpointUnhealthy: true };
  }
  const { status } = attempt;
  if (status >= 200 && status <= 299) return { verdict: 'delivered' };
  if (status === 408 || status === 429 || (status >= 500 && status <= 599)) {
    const retryAfterSeconds = parseRetryAfter(attempt.retryAfter, now);
    return {
      verdict: 'retry',
      reason: `HTTP ${status}`,
      endpointUnhealthy: true,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status === 410) {
    return { verdict: 'failed', reason: 'HTTP 410 Gone: endpoint disabled at the receiver’s request', disableEndpoint: true };
  }
  if (status >= 400 && status <= 499) {
    return { verdict: 'failed', reason: `HTTP ${status}: rejected by the endpoint`, disableEndpoint: false };
  }
  if (status >= 300 && status <= 399) {
    return { verdict: 'failed', reason: `HTTP ${status}: redirects are not followed; fix the endpoint URL`, disableEndpoint: false };
  }
  // 1xx as a final status, or outside 100-599: a broken server, which may recover.
  return { verdict: 'retry', reason: `HTTP ${status}: unexpected status`, endpointUnhealthy: true };
}
