import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 7 ', 7],
    ['0', 0],
    ['Mon, 23 Nov 2026 10:01:30 GMT', 90],
    ['Mon, 23 Nov 2026 09:00:00 GMT', 0],
  ])('reads %j as %d seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it.each([undefined, '', '-5', '1.5', 'soon', '2026-11-23T10:01:30Z', 'x'.repeat(100)])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );
});
