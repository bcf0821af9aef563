import { describe, expect, it } from 'vitest';
import { FaultInjector, controlRequestSchema } from './fault-injector.js';

describe('FaultInjector', () => {
  it('answers normally by default', () => {
    expect(new FaultInjector().next()).toBeNull();
  });

  it('fails the given number of requests, then recovers', () => {
    const faults = new FaultInjector();
    faults.set({ mode: 'fail-500', count: 3 });
    expect([faults.next(), faults.next(), faults.next(), faults.next()]).toEqual([
      { kind: 'respond', status: 500 },
      { kind: 'respond', status: 500 },
      { kind: 'respond', status: 500 },
      null,
    ]);
    expect(faults.status()).toEqual({ mode: 'ok', remaining: 0, injected: 3 });
  });

  it('keeps failing without a count until told otherwise', () => {
    const faults = new FaultInjector();
    faults.set({ mode: 'fail-400' });
    for (let i = 0; i < 10; i++) expect(faults.next()).toEqual({ kind: 'respond', status: 400 });
    faults.set({ mode: 'ok' });
    expect(faults.next()).toBeNull();
  });

  it('sends Retry-After with 429 and 503 only', () => {
    const faults = new FaultInjector();
    faults.set({ mode: 'fail-429', retryAfterSeconds: 2 });
    expect(faults.next()).toEqual({ kind: 'respond', status: 429, retryAfterSeconds: 2 });
    faults.set({ mode: 'fail-500', retryAfterSeconds: 2 });
    expect(faults.next()).toEqual({ kind: 'respond', status: 500 });
  });

  it('delays and resets', () => {
    const faults = new FaultInjector();
    faults.set({ mode: 'slow', delayMs: 250 });
    expect(faults.next()).toEqual({ kind: 'delay', ms: 250 });
    faults.set({ mode: 'reset', count: 1 });
    expect(faults.next()).toEqual({ kind: 'reset' });
    expect(faults.next()).toBeNull();
  });

  it('validates control requests', () => {
    expect(controlRequestSchema.safeParse({ mode: 'fail-500', count: 3 }).success).toBe(true);
    expect(controlRequestSchema.safeParse({ mode: 'explode' }).success).toBe(false);
    expect(controlRequestSchema.safeParse({ mode: 'ok', count: 0 }).success).toBe(false);
    expect(controlRequestSchema.safeParse({ mode: 'ok', extra: 1 }).success).toBe(false);
  });
});
