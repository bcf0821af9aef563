import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

class ManualClock {
  private ms = Date.parse('2026-11-23T10:00:00.000Z');
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const options = { failureThreshold: 3, openMs: 1_000, maxOpenMs: 3_000, probeTimeoutMs: 10_000 };

function setup() {
  const clock = new ManualClock();
  return { clock, breaker: new CircuitBreaker(clock, options) };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and a success resets the count', () => {
    const { breaker } = setup();
    breaker.recordFailure('a');
    breaker.recordFailure('a');
    breaker.recordSuccess('a');
    breaker.recordFailure('a');
    breaker.recordFailure('a');
    expect(breaker.stateOf('a')).toBe('closed');
    expect(breaker.permit('a')).toEqual({ allowed: true, probe: false });
  });

  it('opens after consecutive failures and refuses until the open period ends', () => {
    const { clock, breaker } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure('a');
    expect(breaker.stateOf('a')).toBe('open');
    expect(breaker.permit('a')).toEqual({ allowed: false, retryInMs: 1_000 });
    clock.advance(400);
    expect(breaker.permit('a')).toEqual({ allowed: false, retryInMs: 600 });
    expect(breaker.permit('b')).toEqual({ allowed: true, probe: false });
  });

  it('lets one probe through when half-open; success closes', () => {
    const { clock, breaker } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure('a');
    clock.advance(1_000);
    expect(breaker.stateOf('a')).toBe('half-open');
    expect(breaker.permit('a')).toEqual({ allowed: true, probe: true });
    expect(breaker.permit('a')).toMatchObject({ allowed: false });
    breaker.recordSuccess('a');
    expect(breaker.stateOf('a')).toBe('closed');
    expect(breaker.permit('a')).toEqual({ allowed: true, probe: false });
  });

  it('reopens for twice as long after a failed probe, up to the maximum', () => {
    const { clock, breaker } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure('a');
    const openPeriods: number[] = [];
    for (let round = 0; round < 4; round++) {
      const permit = breaker.permit('a');
      if (permit.allowed) throw new Error('expected open');
      openPeriods.push(permit.retryInMs);
      clock.advance(permit.retryInMs);
      expect(breaker.permit('a')).toEqual({ allowed: true, probe: true });
      breaker.recordFailure('a');
      expect(breaker.stateOf('a')).toBe('open');
    }
    expect(openPeriods).toEqual([1_000, 2_000, 3_000, 3_000]);
  });

  it('lets another probe through when the first never reports', () => {
    const { clock, breaker } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure('a');
    clock.advance(1_000);
    expect(breaker.permit('a')).toMatchObject({ allowed: true, probe: true });
    clock.advance(9_999);
    expect(breaker.permit('a')).toEqual({ allowed: false, retryInMs: 1 });
    clock.advance(1);
    expect(breaker.permit('a')).toEqual({ allowed: true, probe: true });
  });

  it('ignores late failures while open and forgets an endpoint on reset', () => {
    const { breaker } = setup();
    for (let i = 0; i < 5; i++) breaker.recordFailure('a');
    expect(breaker.permit('a')).toEqual({ allowed: false, retryInMs: 1_000 });
    breaker.reset('a');
    expect(breaker.stateOf('a')).toBe('closed');
  });
});
