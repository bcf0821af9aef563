import { describe, expect, it } from 'vitest';
import { formatJourney } from './journey.js';

describe('formatJourney', () => {
  const sent = new Date('2026-01-01T10:00:00.000Z');
  const at = (ms: number) => new Date(sent.getTime() + ms);

  it('keeps a long reason whole', () => {
    const detail = `auto-approved by policy: net total 170.89 EUR within the limit of 1000000 EUR for supplier 0088:7300010000001 (${'x'.repeat(60)})`;
    const [line] = formatJourney([{ label: 'approved', at: at(12), detail }], sent);
    expect(line).toContain(detail);
    expect(line!.endsWith(')')).toBe(true);
  });

  it('does not repeat the label', () => {
    const [line] = formatJourney([{ label: 'received over AS4', at: at(5), detail: 'received over AS4' }], sent);
    expect(line).toBe('  +    5 ms  (+   5 ms)  received over AS4');
  });
});
