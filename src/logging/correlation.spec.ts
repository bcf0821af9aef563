import { describe, expect, it } from 'vitest';
import { currentCorrelation, sanitizeCorrelationId, withCorrelation } from './correlation.js';

describe('correlation', () => {
  it('carries the id through async work and keeps concurrent contexts apart', async () => {
    const seen = await Promise.all(
      ['a', 'b'].map((id) =>
        withCorrelation({ correlationId: id, messageId: `m-${id}` }, async () => {
          await new Promise((r) => setTimeout(r, 5));
          return currentCorrelation();
        }),
      ),
    );
    expect(seen).toEqual([
      { correlationId: 'a', messageId: 'm-a' },
      { correlationId: 'b', messageId: 'm-b' },
    ]);
    expect(currentCorrelation()).toBeUndefined();
  });

  it.each([
    ['abc-123@ap.example', 'abc-123@ap.example'],
    ['has space', undefined],
    ['x'.repeat(129), undefined],
    [['a', 'b'], undefined],
    ['line\nbreak', undefined],
  ])('accepts only safe ids from outside: %j', (input, expected) => {
    expect(sanitizeCorrelationId(input)).toBe(expected);
  });
});
