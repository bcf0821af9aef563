import type { DeliveryVerdict } from './outcome.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-schedule.js';

/** What the delivery job does after an attempt. */
export type NextStep =
  | { step: 'delivered' }
  | { step: 'retry'; delayMs: number; reason: string }
  | {
      step: 'failed';
      reason: string;
      /** 410 Gone: disable the endpoint. */
      disableEndpoint: boolean;
      /** True when retries ran out (rather than a permanent rejection): raise the alert event. */
      exhausted: boolean;
    };

/**
 * Combines the verdict of attempt number `attemptsMade` with the retry schedule: retry after the
 * scheduled (jittered, Retry-After-aware) delay, or fail for good.
 */
export function nextStep(
  verdict: DeliveryVerdict,
  attemptsMade: number,
  options: { policy?: RetryPolicy; random?: () => number } = {},
): NextStep {
  if (verdict.verdict === 'delivered') return { step: 'delivered' };
  if (verdict.verdict === 'failed') {
    return { step: 'failed', reason: verdict.reason, disableEndpoint: verdict.disableEndpoint, exhausted: false };
  }
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const delayMs = retryDelayMs(attemptsMade, {
    policy,
    ...(options.random ? { random: options.random } : {}),
    ...(verdict.retryAfterSeconds !== undefined ? { retryAfterSeconds: verdict.retryAfterSeconds } : {}),
  });
  if (delayMs === null) {
    return {
      step: 'failed',
      reason: `gave up after ${attemptsMade} attempts; last: ${verdict.reason}`,
      disableEndpoint: false,
      exhausted: true,
    };
  }
  return { step: 'retry', delayMs, reason: verdict.reason };
}
