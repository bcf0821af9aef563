import type { Alert } from '../delivery/alerts/alert-data.js';
import { WEBHOOK_SCHEMA_VERSION, type WebhookEventData } from '../delivery/webhook/events.js';
import { REPORTING_LAST_DAY } from '../peppol/index.js';
import { previousPeriod } from '../reporting/reporting-period.js';
import type { PeriodState } from '../reporting/reporting.service.js';

/**
 * The periodic checks' decisions, pure: given what was read (certificates, the previous month's
 * reports, queue depths) and the time, which alerts are due. Each periodic alert's key carries the UTC
 * day, so a condition that lasts is raised once a day, not on every run.
 */

const DAY_MS = 86_400_000;
/** Days left at or below which an expiring certificate is critical. */
export const CERT_CRITICAL_DAYS = 7;

export type CertificateRole = WebhookEventData<'alert.certificate-expiring'>['certificate']['role'];

export interface CheckedCertificate {
  role: CertificateRole;
  subject: string;
  serialNumber: string;
  sha256: string;
  notAfter: Date;
}

/** `YYYY-MM-DD` of an instant, UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whole days from `now` until `notAfter` (rounded down; negative once expired). */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

/** Expiring: it ends within `thresholdDays` of now (or has ended). */
export function isCertificateExpiring(notAfter: Date, now: Date, thresholdDays: number): boolean {
  return notAfter.getTime() - now.getTime() < thresholdDays * DAY_MS;
}

const ROLE_NAMES: Record<CertificateRole, string> = {
  'ap-current': 'our AP certificate (current)',
  'ap-next': 'our AP certificate (next)',
  'trusted-root': 'the trusted root CA',
  'trusted-ap-issuer': 'the trusted AP issuing CA',
  'trusted-smp-issuer': 'the trusted SMP issuing CA',
};

export function certificateExpiringAlert(cert: CheckedCertificate, now: Date, thresholdDays: number): Alert<'alert.certificate-expiring'> | null {
  if (!isCertificateExpiring(cert.notAfter, now, thresholdDays)) return null;
  const left = daysLeft(cert.notAfter, now);
  const when = left < 0 || cert.notAfter <= now ? `expired on ${cert.notAfter.toISOString()}` : `expires in ${left} days (${cert.notAfter.toISOString()})`;
  const condition = `certificate:${cert.role}:${cert.sha256}`;
  return {
    type: 'alert.certificate-expiring',
    key: `${condition}:${utcDay(now)}`,
    data: {
      schemaVersion: WEBHOOK_SCHEMA_VERSION,
      condition,
      severity: left <= CERT_CRITICAL_DAYS ? 'critical' : 'warning',
      summary: `${ROLE_NAMES[cert.role]} ${cert.subject} ${when}`.slice(0, 1024),
      raisedAt: now.toISOString(),
      certificate: { role: cert.role, subject: cert.subject.slice(0, 1024), serialNumber: cert.serialNumber.slice(0, 256), sha256: cert.sha256, notAfter: cert.notAfter.toISOString() },
      daysLeft: left,
      thresholdDays,
    },
  };
}

/**
 * Whether the previous month's reports are overdue on `now`: reports are sent here at all, the day
 * of the month is the deadline day or later, and they are not `sent` (both with verified receipts).
 */
export function isReportOverdue(now: Date, state: PeriodState, deadlineDay: number, sendsReports: boolean): boolean {
  return sendsReports && now.getUTCDate() >= deadlineDay && state !== 'sent';
}

export function reportNotSentAlert(
  now: Date,
  report: { state: PeriodState; reason?: string | null },
  deadlineDay: number,
  sendsReports: boolean,
): Alert<'alert.report-not-sent'> | null {
  if (!isReportOverdue(now, report.state, deadlineDay, sendsReports)) return null;
  const period = previousPeriod(now).id;
  const month = utcDay(now).slice(0, 7);
  const deadline = `${month}-${String(deadlineDay).padStart(2, '0')}`;
  const lastDay = `${month}-${String(REPORTING_LAST_DAY).padStart(2, '0')}`;
  const closed = now.getUTCDate() > REPORTING_LAST_DAY;
  const condition = `report:${period}`;
  return {
    type: 'alert.report-not-sent',
    key: `${condition}:${utcDay(now)}`,
    data: {
      schemaVersion: WEBHOOK_SCHEMA_VERSION,
      condition,
      severity: now.getUTCDate() >= REPORTING_LAST_DAY - 1 ? 'critical' : 'warning',
      summary: `the Peppol Reporting TSR and EUSR of ${period} are not sent by ${deadline} (state ${report.state}); the window ${closed ? 'closed' : 'closes'} ${lastDay}`,
      raisedAt: now.toISOString(),
      period,
      state: report.state,
      deadline,
      lastDay,
      ...(report.reason ? { reason: report.reason.slice(0, 4096) } : {}),
    },
  };
}

export interface QueueThresholds {
  waiting: number;
  oldestWaitingSeconds: number;
}

export interface QueueBacklog {
  queue: string;
  /** Jobs waiting to start (a paused queue's included). */
  waiting: number;
  oldestWaitingSeconds: number;
}

/** Backing up: as many jobs waiting as the threshold or more, or the oldest has waited that long. */
export function isQueueBackingUp(backlog: QueueBacklog, thresholds: QueueThresholds): boolean {
  return backlog.waiting >= thresholds.waiting || backlog.oldestWaitingSeconds >= thresholds.oldestWaitingSeconds;
}

export function queueBackingUpAlert(backlog: QueueBacklog, thresholds: QueueThresholds, now: Date): Alert<'alert.queue-backing-up'> | null {
  if (!isQueueBackingUp(backlog, thresholds)) return null;
  const oldest = Math.round(backlog.oldestWaitingSeconds);
  const condition = `queue:${backlog.queue}`;
  return {
    type: 'alert.queue-backing-up',
    key: `${condition}:${utcDay(now)}`,
    data: {
      schemaVersion: WEBHOOK_SCHEMA_VERSION,
      condition,
      severity: 'warning',
      summary: `queue ${backlog.queue}: ${backlog.waiting} jobs waiting, the oldest for ${oldest} s (thresholds ${thresholds.waiting} jobs, ${thresholds.oldestWaitingSeconds} s)`,
      raisedAt: now.toISOString(),
      queue: backlog.queue,
      waiting: backlog.waiting,
      oldestWaitingSeconds: Math.max(0, backlog.oldestWaitingSeconds),
      thresholds,
    },
  };
}
