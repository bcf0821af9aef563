import { describe, expect, it } from 'vitest';
import { buildWebhookEvent } from '../delivery/webhook/events.js';
import {
  certificateExpiringAlert,
  daysLeft,
  isCertificateExpiring,
  isQueueBackingUp,
  isReportOverdue,
  queueBackingUpAlert,
  reportNotSentAlert,
  type CheckedCertificate,
} from './alert-checks.js';

const at = (iso: string) => new Date(iso);
const cert = (notAfter: string, role: CheckedCertificate['role'] = 'ap-current'): CheckedCertificate => ({
  role,
  subject: 'C=DK, O=Example AP, CN=PDK000123',
  serialNumber: '4F2A9C01D3',
  sha256: 'a'.repeat(64),
  notAfter: at(notAfter),
});

describe('certificate expiry', () => {
  const now = at('2026-11-23T06:00:00Z');

  it('counts whole days left, negative once expired', () => {
    expect(daysLeft(at('2026-12-23T06:00:00Z'), now)).toBe(30);
    expect(daysLeft(at('2026-12-23T05:59:59Z'), now)).toBe(29);
    expect(daysLeft(at('2026-11-22T06:00:00Z'), now)).toBe(-1);
  });

  it('is expiring within the threshold, not at or beyond it', () => {
    expect(isCertificateExpiring(at('2026-12-23T05:59:59Z'), now, 30)).toBe(true);
    expect(isCertificateExpiring(at('2026-12-23T06:00:00Z'), now, 30)).toBe(false);
    expect(isCertificateExpiring(at('2026-11-01T00:00:00Z'), now, 30)).toBe(true);
    expect(certificateExpiringAlert(cert('2027-06-01T00:00:00Z'), now, 30)).toBeNull();
  });

  it('builds a valid alert, warning far out and critical within a week or expired, keyed by certificate and day', () => {
    const soon = certificateExpiringAlert(cert('2026-12-14T23:59:59Z'), now, 30)!;
    expect(soon.data).toMatchObject({ severity: 'warning', daysLeft: 21, thresholdDays: 30, condition: `certificate:ap-current:${'a'.repeat(64)}` });
    expect(soon.data.summary).toContain('expires in 21 days');
    expect(soon.key).toBe(`certificate:ap-current:${'a'.repeat(64)}:2026-11-23`);
    expect(() => buildWebhookEvent(soon.type, soon.data, now)).not.toThrow();
    expect(certificateExpiringAlert(cert('2026-11-29T00:00:00Z'), now, 30)!.data.severity).toBe('critical');
    const expired = certificateExpiringAlert(cert('2026-11-20T00:00:00Z', 'trusted-root'), now, 30)!;
    expect(expired.data).toMatchObject({ severity: 'critical', daysLeft: -4 });
    expect(expired.data.summary).toMatch(/^the trusted root CA .* expired on 2026-11-20/);
    // the next day is a new alert of the same condition
    expect(certificateExpiringAlert(cert('2026-12-14T23:59:59Z'), at('2026-11-24T06:00:00Z'), 30)!.key).toBe(`certificate:ap-current:${'a'.repeat(64)}:2026-11-24`);
  });
});

describe('Peppol Reporting deadline', () => {
  it('is overdue from the deadline day on while the previous month is not sent', () => {
    expect(isReportOverdue(at('2026-11-09T23:59:59Z'), 'unsent', 10, true)).toBe(false);
    expect(isReportOverdue(at('2026-11-10T00:00:00Z'), 'unsent', 10, true)).toBe(true);
    expect(isReportOverdue(at('2026-11-20T00:00:00Z'), 'sending', 10, true)).toBe(true);
    expect(isReportOverdue(at('2026-11-20T00:00:00Z'), 'send-failed', 10, true)).toBe(true);
    expect(isReportOverdue(at('2026-11-20T00:00:00Z'), 'sent', 10, true)).toBe(false);
    // a deployment that does not report (test network, REPORTING_SEND=never) is never overdue
    expect(isReportOverdue(at('2026-11-20T00:00:00Z'), 'unsent', 10, false)).toBe(false);
  });

  it('names the previous month, the deadline and the window', () => {
    const now = at('2026-11-10T06:00:00Z');
    const alert = reportNotSentAlert(now, { state: 'invalid', reason: 'report-invalid: SCH-TSR-11' }, 10, true)!;
    expect(alert.key).toBe('report:2026-10:2026-11-10');
    expect(alert.data).toMatchObject({ period: '2026-10', state: 'invalid', deadline: '2026-11-10', lastDay: '2026-11-15', severity: 'warning', reason: 'report-invalid: SCH-TSR-11' });
    expect(() => buildWebhookEvent(alert.type, alert.data, now)).not.toThrow();
    expect(reportNotSentAlert(at('2026-11-14T06:00:00Z'), { state: 'unsent' }, 10, true)!.data.severity).toBe('critical');
    expect(reportNotSentAlert(at('2026-01-12T06:00:00Z'), { state: 'unsent' }, 10, true)!.data.period).toBe('2025-12');
    expect(reportNotSentAlert(at('2026-11-09T06:00:00Z'), { state: 'unsent' }, 10, true)).toBeNull();
  });
});

describe('queue backlog', () => {
  const thresholds = { waiting: 100, oldestWaitingSeconds: 600 };
  const now = at('2026-11-23T10:15:00Z');

  it('is backing up at either threshold', () => {
    expect(isQueueBackingUp({ queue: 'outbound', waiting: 99, oldestWaitingSeconds: 599 }, thresholds)).toBe(false);
    expect(isQueueBackingUp({ queue: 'outbound', waiting: 100, oldestWaitingSeconds: 0 }, thresholds)).toBe(true);
    expect(isQueueBackingUp({ queue: 'outbound', waiting: 1, oldestWaitingSeconds: 600 }, thresholds)).toBe(true);
    expect(queueBackingUpAlert({ queue: 'outbound', waiting: 0, oldestWaitingSeconds: 0 }, thresholds, now)).toBeNull();
  });

  it('builds a valid alert keyed by queue and day', () => {
    const alert = queueBackingUpAlert({ queue: 'delivery', waiting: 150, oldestWaitingSeconds: 840.4 }, thresholds, now)!;
    expect(alert.key).toBe('queue:delivery:2026-11-23');
    expect(alert.data).toMatchObject({ condition: 'queue:delivery', queue: 'delivery', waiting: 150, thresholds });
    expect(alert.data.summary).toBe('queue delivery: 150 jobs waiting, the oldest for 840 s (thresholds 100 jobs, 600 s)');
    expect(() => buildWebhookEvent(alert.type, alert.data, now)).not.toThrow();
  });
});
