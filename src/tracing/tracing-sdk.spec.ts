import { describe, expect, it } from 'vitest';
import { readableDiag, startTracing, throttled } from './tracing-sdk.js';
import { tracingConfig } from './tracing.config.js';

describe('startTracing', () => {
  it('starts nothing with tracing off', async () => {
    expect(await startTracing('api', tracingConfig.load({}))).toBeUndefined();
  });
});

describe('throttled', () => {
  it('passes one message per interval and counts the ones held back', () => {
    let now = 0;
    const lines: string[] = [];
    const report = throttled((m) => lines.push(m), 60_000, () => now);
    report('a');
    now = 1_000;
    report('b');
    report('c');
    now = 61_000;
    report('d');
    now = 200_000;
    report('e');
    expect(lines).toEqual(['a', 'd (2 more since the last such line)', 'e']);
  });
});

describe('readableDiag', () => {
  it('keeps the message of an exception the SDK wrote as JSON, and other text as it is', () => {
    expect(readableDiag('{"stack":"Error: connect ECONNREFUSED\\n    at x","message":"connect ECONNREFUSED 127.0.0.1:1","code":"ECONNREFUSED"}')).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(readableDiag('Dropped 3 spans')).toBe('Dropped 3 spans');
    expect(readableDiag('{not json')).toBe('{not json');
  });
});
