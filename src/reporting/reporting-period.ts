/**
 * A reporting period: one calendar month in UTC (00:00:00 on the 1st to the end of the last day).
 * Written `YYYY-MM` in the API and CLI.
 */
export interface ReportingPeriod {
  /** `YYYY-MM`. */
  id: string;
  /** First instant of the month (inclusive). */
  from: Date;
  /** First instant of the next month (exclusive). */
  to: Date;
  /** `StartDate` / `EndDate` of the reports: plain dates, no time zone. */
  startDate: string;
  endDate: string;
}

export class PeriodError extends Error {
  override name = 'PeriodError';
}

const PERIOD = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function periodOf(year: number, monthIndex: number): ReportingPeriod {
  const from = new Date(Date.UTC(year, monthIndex, 1));
  const to = new Date(Date.UTC(year, monthIndex + 1, 1));
  const last = new Date(to.getTime() - 86_400_000);
  const id = `${pad(from.getUTCFullYear(), 4)}-${pad(from.getUTCMonth() + 1)}`;
  return { id, from, to, startDate: `${id}-01`, endDate: `${id}-${pad(last.getUTCDate())}` };
}

/** Parses `YYYY-MM`; throws PeriodError on anything else. */
export function parsePeriod(text: string): ReportingPeriod {
  const m = PERIOD.exec(text.trim());
  if (!m) throw new PeriodError(`"${text}" is not a period: expected YYYY-MM, e.g. 2026-01`);
  return periodOf(Number(m[1]), Number(m[2]) - 1);
}

/** The month `now` falls in (the open period). */
export function currentPeriod(now: Date): ReportingPeriod {
  return periodOf(now.getUTCFullYear(), now.getUTCMonth());
}

/** The month before the one `now` falls in: the period reported in the first half of this month. */
export function previousPeriod(now: Date): ReportingPeriod {
  return periodOf(now.getUTCFullYear(), now.getUTCMonth() - 1);
}

/** The period `count` months after this one (negative: before). */
export function shiftPeriod(period: ReportingPeriod, count: number): ReportingPeriod {
  return periodOf(period.from.getUTCFullYear(), period.from.getUTCMonth() + count);
}

/** Whether the period has not started yet at `now`. */
export function isFuture(period: ReportingPeriod, now: Date): boolean {
  return period.from.getTime() > now.getTime();
}

/** Whether the period is still running at `now` (its figures can change). */
export function isOpen(period: ReportingPeriod, now: Date): boolean {
  return period.from.getTime() <= now.getTime() && now.getTime() < period.to.getTime();
}
