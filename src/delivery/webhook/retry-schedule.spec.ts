import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicyError,
  maxDeliveryAttempts,
  retryDelayMs,
  validateRetryPolicy,
} from './retry-schedule.js';

/** A small deterministic PRNG, so property runs are reproducible. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function schedule(random: () => number): number[] {
  const delays: number[] = [];
  for (let attempt = 1; ; attempt++) {
    const delay = retryDelayMs(attempt, { random });
    if (delay === null) return delays;
    delays.push(delay);
  }
}

const HOUR = 3_600_000;

describe('retry schedule', () => {
  it('goes from seconds to minutes to hours', () => {
    const delays = schedule(() => 0.5);
    expect(delays[0]).toBe(5_000);
    expect(delays[1]).toBe(30_000);
    expect(delays[3]).toBe(600_000);
    expect(delays.at(-1)).toBe(10 * HOUR);
    expect(delays).toHaveLength(maxDeliveryAttempts() - 1);
  });

  it('is monotone, bounded to about 24 h in total, and jitters within ±10 % (1 000 runs)', () => {
    const nominal = schedule(() => 0.5);
    const nominalTotal = nominal.reduce((a, b) => a + b, 0);
    expect(nominalTotal / HOUR).toBeGreaterThan(22);
    expect(nominalTotal / HOUR).toBeLessThan(25);
    const random = seeded(42);
    for (let run = 0; run < 1_000; run++) {
      const delays = schedule(random);
      expect(delays).toHaveLength(nominal.length);
      for (let i = 0; i < delays.length; i++) {
        expect(delays[i]!).toBeGreaterThanOrEqual(Math.floor(nominal[i]! * 0.9));
        expect(delays[i]!).toBeLessThanOrEqual(Math.ceil(nominal[i]! * 1.1));
        if (i > 0) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
      }
      const total = delays.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(nominalTotal * 0.9);
      expect(total).toBeLessThanOrEqual(nominalTotal * 1.1);
      expect(total).toBeLessThanOrEqual(26.1 * HOUR);
    }
  });

  it('actually varies (jitter is applied)', () => {
    const random = seeded(7);
    const firstDelays = new Set(Array.from({ length: 50 }, () => retryDelayMs(1, { random })));
    expect(firstDelays.size).toBeGreaterThan(10);
    expect(retryDelayMs(1, { random: () => 0 })).toBe(4_500);
    expect(retryDelayMs(1, { random: () => 1 })).toBe(5_500);
  });

  it('honours Retry-After by waiting at least that long', () => {
    expect(retryDelayMs(1, { random: () => 0.5, retryAfterSeconds: 120 })).toBe(120_000);
    // a shorter Retry-After never makes us retry sooner than the schedule
    expect(retryDelayMs(5, { random: () => 0.5, retryAfterSeconds: 1 })).toBe(1_800_000);
  });

  it('bounds Retry-After', () => {
    const max = DEFAULT_RETRY_POLICY.maxRetryAfterSeconds * 1000;
    expect(retryDelayMs(1, { random: () => 0.5, retryAfterSeconds: 10 * 86_400 })).toBe(max);
    expect(retryDelayMs(1, { random: () => 0.5, retryAfterSeconds: Number.POSITIVE_INFINITY })).toBe(5_000);
  });

  it('ends after the last delay', () => {
    expect(retryDelayMs(maxDeliveryAttempts() - 1)).not.toBeNull();
    expect(retryDelayMs(maxDeliveryAttempts())).toBeNull();
    expect(retryDelayMs(100)).toBeNull();
  });

  it('rejects a nonsensical attempt count', () => {
    expect(() => retryDelayMs(0)).toThrow(RetryPolicyError);
    expect(() => retryDelayMs(1.5)).toThrow(RetryPolicyError);
  });

  it('accepts the default policy and refuses policies jitter would make non-monotone', () => {
    expect(validateRetryPolicy(DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY);
    expect(() => validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, delaysSeconds: [5, 5] })).toThrow(
      /delay 2 \(5 s\) must exceed delay 1/,
    );
    expect(() => validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, delaysSeconds: [] })).toThrow(/1 to 50 delays/);
    expect(() => validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, delaysSeconds: [0] })).toThrow(/≥ 1/);
    expect(() => validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, delaysSeconds: [86_400, 604_800] })).toThrow(
      /within 7 days/,
    );
    expect(() => validateRetryPolicy({ ...DEFAULT_RETRY_POLICY, jitterRatio: 1 })).toThrow(/jitter/);
  });
});
