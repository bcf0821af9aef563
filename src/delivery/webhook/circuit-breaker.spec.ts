import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

const options = { failureThreshold: 3, openMs: 1_000, maxOpenMs: 3_000, probeTimeoutMs: 10_000 };

const fails = async () => ({ countsAsFailure: true });
const succeeds = async () => ({ countsAsFailure: false });

/** An attempt that stays out until the test settles it. */
function pending() {
  let settle!: (failed: boolean) => void;
  const outcome = new Promise<{ countsAsFailure: boolean }>((resolve) => (settle = (failed) => resolve({ countsAsFailure: failed })));
  return { attempt: () => outcome, settle };
}

function advance(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

async function failTimes(breaker: CircuitBreaker, endpoint: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await breaker.run(endpoint, fails);
}

describe('CircuitBreaker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays closed below the threshold and a success resets the count', async () => {
    const breaker = new CircuitBreaker(options);
    await failTimes(breaker, 'a', 2);
    await breaker.run('a', succeeds);
    await failTimes(breaker, 'a', 2);
    expect(breaker.stateOf('a')).toBe('closed');
    expect(await breaker.run('a', succeeds)).toEqual({ allowed: true, probe: false, outcome: { countsAsFailure: false } });
  });

  it('opens after consecutive failures and refuses until the open period ends', async () => {
    const breaker = new CircuitBreaker(options);
    await failTimes(breaker, 'a', 3);
    expect(breaker.stateOf('a')).toBe('open');
    const attempt = vi.fn(succeeds);
    expect(await breaker.run('a', attempt)).toEqual({ allowed: false, retryInMs: 1_000 });
    advance(400);
    expect(await breaker.run('a', attempt)).toEqual({ allowed: false, retryInMs: 600 });
    expect(attempt).not.toHaveBeenCalled();
    expect(await breaker.run('b', succeeds)).toMatchObject({ allowed: true, probe: false });
  });

  it('lets one probe through when half-open, refuses the others while it is out; success closes', async () => {
    const breaker = new CircuitBreaker(options);
    await failTimes(breaker, 'a', 3);
    advance(1_000);
    expect(breaker.stateOf('a')).toBe('half-open');
    const probe = pending();
    const probing = breaker.run('a', probe.attempt);
    const other = vi.fn(succeeds);
    expect(await breaker.run('a', other)).toEqual({ allowed: false, retryInMs: 10_000 });
    advance(9_999);
    expect(await breaker.run('a', other)).toEqual({ allowed: false, retryInMs: 1 });
    expect(other).not.toHaveBeenCalled();
    probe.settle(false);
    expect(await probing).toMatchObject({ allowed: true, probe: true });
    expect(breaker.stateOf('a')).toBe('closed');
    expect(await breaker.run('a', succeeds)).toMatchObject({ allowed: true, probe: false });
  });

  it('reopens for twice as long after a failed probe, up to the maximum', async () => {
    const breaker = new CircuitBreaker(options);
    await failTimes(breaker, 'a', 3);
    const openPeriods: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await breaker.run('a', succeeds);
      if (refused.allowed) throw new Error('expected open');
      openPeriods.push(refused.retryInMs);
      advance(refused.retryInMs);
      expect(await breaker.run('a', fails)).toMatchObject({ allowed: true, probe: true });
      expect(breaker.stateOf('a')).toBe('open');
    }
    expect(openPeriods).toEqual([1_000, 2_000, 3_000, 3_000]);
  });

  it('ignores failures of attempts that started before it opened, and forgets an endpoint on reset', async () => {
    const breaker = new CircuitBreaker(options);
    const late = pending();
    const lateRun = breaker.run('a', late.attempt);
    await failTimes(breaker, 'a', 3);
    late.settle(true);
    await lateRun;
    expect(await breaker.run('a', succeeds)).toEqual({ allowed: false, retryInMs: 1_000 });
    breaker.reset('a');
    expect(breaker.stateOf('a')).toBe('closed');
    expect(await breaker.run('a', succeeds)).toMatchObject({ allowed: true });
  });

  it('passes an attempt that throws to the caller without counting it', async () => {
    const breaker = new CircuitBreaker({ ...options, failureThreshold: 1 });
    await expect(breaker.run('a', () => Promise.reject(new Error('bad endpoint URL')))).rejects.toThrow('bad endpoint URL');
    expect(breaker.stateOf('a')).toBe('closed');
  });
});
