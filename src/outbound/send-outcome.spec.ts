import { describe, expect, it } from 'vitest';
import { isTransientEbmsError, isTransientHttpStatus } from './send-outcome.js';

describe('retry classification', () => {
  it('retries delivery and connection failures of the receiver, not its verdicts', () => {
    expect(['EBMS:0202', 'EBMS:0005'].map(isTransientEbmsError)).toEqual([true, true]);
    expect(['EBMS:0004', 'EBMS:0101', 'EBMS:0102', 'EBMS:0103', 'EBMS:0303', 'EBMS:0010'].some(isTransientEbmsError)).toBe(false);
  });
  it('retries 5xx, 408, 429 and a 2xx without a receipt; not other 4xx', () => {
    expect([500, 502, 503, 504, 408, 429, 200].every(isTransientHttpStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 415].some(isTransientHttpStatus)).toBe(false);
  });
});
