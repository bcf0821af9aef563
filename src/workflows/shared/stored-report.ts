import { isValid, type FiredRule, type ValidationReport } from '../../validation/validation-report.js';

/** A validation report as kept on a message: bounded, the fatal rules first. */
export interface StoredReport extends ValidationReport {
  /** How many rules fired in all (more than `fired` holds when truncated). */
  firedTotal: number;
  truncated: boolean;
}

const SEVERITY = { fatal: 0, warning: 1, information: 2 } as const;

/** Keeps at most `maxItems` fired rules, the most severe first, so a broken catalogue cannot bloat a row. */
export function boundReport(report: ValidationReport, maxItems: number): StoredReport {
  const ordered = [...report.fired].sort((a, b) => SEVERITY[a.flag] - SEVERITY[b.flag]);
  const fired = ordered.slice(0, maxItems);
  return { ...report, fired, firedTotal: report.fired.length, truncated: fired.length < report.fired.length };
}

/** A report this access point writes itself, for a document it could not hand to the validator. */
export function localReport(id: string, text: string, release: string | undefined, transaction: string | null): ValidationReport {
  const fired: FiredRule[] = [{ id, flag: 'fatal', location: '/', text }];
  return { transaction, valid: isValid(fired), fired, release: release ?? 'none' };
}

/** Adds a fatal finding to a report (e.g. the envelope names another document type). */
export function withFatal(report: ValidationReport, finding: Omit<FiredRule, 'flag'>): ValidationReport {
  const fired: FiredRule[] = [{ ...finding, flag: 'fatal' }, ...report.fired];
  return { ...report, fired, valid: false };
}

export function fatalRules(report: Pick<ValidationReport, 'fired'> | null | undefined): FiredRule[] {
  return (report?.fired ?? []).filter((rule) => rule.flag === 'fatal');
}

/** One line for a timeline entry: the verdict and the first fatal rule ids. */
export function summarize(report: StoredReport | ValidationReport): string {
  const total = 'firedTotal' in report ? report.firedTotal : report.fired.length;
  if (report.valid) return `valid under the official ${report.transaction ?? ''} rules (release ${report.release})`.replace('  ', ' ');
  const fatal = fatalRules(report);
  const ids = [...new Set(fatal.map((rule) => rule.id))].slice(0, 5).join(', ');
  return `invalid: ${fatal.length}${total > report.fired.length ? '+' : ''} fatal (${ids})`;
}
