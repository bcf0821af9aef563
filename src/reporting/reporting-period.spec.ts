import { describe, expect, it } from 'vitest';
import { currentPeriod, isFuture, isOpen, parsePeriod, PeriodError, previousPeriod, shiftPeriod } from './reporting-period.js';

describe('reporting periods', () => {
  it('is a calendar month in UTC with plain start and end dates', () => {
    expect(parsePeriod('2024-02')).toEqual({
      id: '2024-02',
      from: new Date('2024-02-01T00:00:00Z'),
      to: new Date('2024-03-01T00:00:00Z'),
      startDate: '2024-02-01',
      endDate: '2024-02-29',
    });
    expect(parsePeriod('2026-12')).toMatchObject({ endDate: '2026-12-31', to: new Date('2027-01-01T00:00:00Z') });
  });

  it('refuses anything but YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '', 'x']) expect(() => parsePeriod(bad), bad).toThrow(PeriodError);
  });

  it('knows the open, previous and future periods around an instant', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(currentPeriod(now).id).toBe('2026-01');
    expect(previousPeriod(now).id).toBe('2025-12');
    expect(previousPeriod(new Date('2026-03-31T23:59:59.999Z')).id).toBe('2026-02');
    expect(shiftPeriod(parsePeriod('2026-01'), -1).id).toBe('2025-12');
    expect(isOpen(parsePeriod('2026-01'), now)).toBe(true);
    expect(isOpen(parsePeriod('2025-12'), now)).toBe(false);
    expect(isFuture(parsePeriod('2026-02'), now)).toBe(true);
    expect(isFuture(parsePeriod('2026-01'), now)).toBe(false);
  });
});
