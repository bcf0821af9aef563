/**
 * When to retry a failed webhook delivery: seconds, then minutes, then hours — about 24 hours in
 * all (the Standard Webhooks and Svix practice), with jitter so that endpoints coming back after an
 * outage are not hit by every queued event in the same second. Pure: randomness is injected.
 */

/** 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 6 h, 10 h: 85 355 s ≈ 23.7 h after the first attempt. */
export const DEFAULT_RETRY_DELAYS_SECONDS: readonly number[] = [
  5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 21_600, 36_000,
];

export interface RetryPolicy {
  /** Delay before retry n (n = 1, 2, …); its length is the number of retries. */
  readonly delaysSeconds: readonly number[];
  /** Each delay varies by up to ± this fraction (0 ≤ ratio < 1). */
  readonly jitterRatio: number;
  /** A `Retry-After` longer than this is cut to it, so an endpoint cannot park events for days. */
  readonly maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysSeconds: DEFAULT_RETRY_DELAYS_SECONDS,
  jitterRatio: 0.1,
  maxRetryAfterSeconds: 3_600,
};

const MAX_TOTAL_SECONDS = 7 * 24 * 3_600;
const MAX_RETRIES = 50;

export class RetryPolicyError extends Error {
  override name = 'RetryPolicyError';
}

/**
 * Refuses schedules that would make retries non-monotone once jittered, that are empty, or that
 * run longer than a week.
 */
export function validateRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const { delaysSeconds: delays, jitterRatio, maxRetryAfterSeconds } = policy;
  if (!(jitterRatio >= 0 && jitterRatio < 1)) throw new RetryPolicyError('jitter ratio must be in [0, 1)');
  if (!(Number.isInteger(maxRetryAfterSeconds) && maxRetryAfterSeconds >= 0)) {
    throw new RetryPolicyError('maximum Retry-After must be whole seconds ≥ 0');
  }
  if (delays.length === 0 || delays.length > MAX_RETRIES) {
    throw new RetryPolicyError(`retry schedule must have 1 to ${MAX_RETRIES} delays`);
  }
  delays.forEach((delay, index) => {
    if (!Number.isInteger(delay) || delay < 1) {
      throw new RetryPolicyError(`retry delay ${index + 1} must be whole seconds ≥ 1 (got ${delay})`);
    }
    const previous = delays[index - 1];
    if (previous !== undefined && delay * (1 - jitterRatio) < previous * (1 + jitterRatio)) {
      throw new RetryPolicyError(
        `retry delay ${index + 1} (${delay} s) must exceed delay ${index} (${previous} s) by more than the jitter`,
      );
    }
  });
  const total = delays.reduce((sum, delay) => sum + delay, 0);
  if (total * (1 + jitterRatio) > MAX_TOTAL_SECONDS) {
    throw new RetryPolicyError('retry schedule must end within 7 days');
  }
  return policy;
}

/** Attempts in all: the first one plus one per delay. */
export function maxDeliveryAttempts(policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  return policy.delaysSeconds.length + 1;
}

/**
 * Milliseconds to wait after the `attemptsMade`-th failed attempt, or null when the schedule is
 * exhausted (the delivery then fails for good). A `Retry-After` (in seconds) only ever lengthens
 * the wait, bounded by `maxRetryAfterSeconds`.
 */
export function retryDelayMs(
  attemptsMade: number,
  options: { policy?: RetryPolicy; random?: () => number; retryAfterSeconds?: number } = {},
): number | null {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) {
    throw new RetryPolicyError(`attempts made must be a whole number ≥ 1 (got ${attemptsMade})`);
  }
  const base = policy.delaysSeconds[attemptsMade - 1];
  if (base === undefined) return null;
  const random = options.random ?? Math.random;
  const unit = Math.min(Math.max(random(), 0), 1);
  const jittered = base * 1000 * (1 + policy.jitterRatio * (2 * unit - 1));
  const requested = options.retryAfterSeconds;
  const floor =
    requested !== undefined && Number.isFinite(requested) && requested > 0
      ? Math.min(requested, policy.maxRetryAfterSeconds) * 1000
      : 0;
  return Math.round(Math.max(jittered, floor));
}
