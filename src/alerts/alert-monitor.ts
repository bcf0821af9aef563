import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock } from '../common/clock.js';
import type { AnyAlert } from '../delivery/alerts/alert-data.js';
import { OperatorAlerts, type RaiseOutcome } from '../delivery/alerts/operator-alerts.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApIdentity } from '../pki/ap-identity.js';
import { parseCertificate } from '../pki/certificate.js';
import { TrustStore } from '../pki/trust-store.js';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { previousPeriod } from '../reporting/reporting-period.js';
import { ReportingService } from '../reporting/reporting.service.js';
import {
  certificateExpiringAlert,
  daysLeft,
  isReportOverdue,
  queueBackingUpAlert,
  reportNotSentAlert,
  type CheckedCertificate,
  type QueueBacklog,
} from './alert-checks.js';
import { alertsConfig, type AlertsConfig } from './alerts.config.js';

/**
 * The periodic checks behind the operator alerts: our certificates and the trusted CAs (expiry), the
 * previous month's Peppol Reporting (sent by the deadline day), and every queue (backlog). `run` reads,
 * decides (pure, `alert-checks.ts`) and raises; the gauges read the same facts when metrics are scraped.
 */
@Injectable()
export class AlertMonitor {
  readonly certificateExpiryDays: Gauge<'role' | 'subject'>;
  readonly reportOverdue: Gauge;

  constructor(
    private readonly alerts: OperatorAlerts,
    private readonly identity: ApIdentity,
    private readonly trust: TrustStore,
    private readonly reporting: ReportingService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(alertsConfig.KEY) private readonly cfg: AlertsConfig,
    metrics: MetricsService,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.certificateExpiryDays = new Gauge({
      name: 'peppol_ap_certificate_expiry_days',
      help: 'Whole days until a certificate expires (negative: expired): our AP certificate (ap-current, ap-next) and the trusted CAs (trusted-root, trusted-ap-issuer, trusted-smp-issuer)',
      labelNames: ['role', 'subject'] as const,
      registers: [metrics.registry],
      collect() {
        const now = self.clock.now();
        this.reset();
        for (const cert of self.certificates()) this.set({ role: cert.role, subject: cert.subject }, daysLeft(cert.notAfter, now));
      },
    });
    this.reportOverdue = new Gauge({
      name: 'peppol_ap_report_overdue',
      help: "1 when the previous month's Peppol Reporting TSR and EUSR are not sent (with receipts) by ALERT_REPORT_DEADLINE_DAY, else 0",
      registers: [metrics.registry],
      async collect() {
        try {
          this.set((await self.reportOverdueNow()) ? 1 : 0);
        } catch {
          // The database is away: the last value stays.
        }
      },
    });
  }

  /**
   * One run of every check: the alerts due now, raised (each once a day while its condition lasts);
   * then the alerts raised more than ALERT_HISTORY_DAYS ago are forgotten.
   */
  async run(): Promise<RaiseOutcome[]> {
    const now = this.clock.now();
    const due: AnyAlert[] = [];
    for (const cert of this.certificates()) {
      const alert = certificateExpiringAlert(cert, now, this.cfg.certExpiryDays);
      if (alert) due.push(alert);
    }
    const report = await this.previousReport();
    const reportAlert = reportNotSentAlert(now, report, this.cfg.reportDeadlineDay, this.reporting.sends());
    if (reportAlert) due.push(reportAlert);
    for (const backlog of await this.backlogs(now)) {
      const alert = queueBackingUpAlert(backlog, this.cfg.queue, now);
      if (alert) due.push(alert);
    }
    const outcomes = await this.alerts.raiseAll(due);
    await this.alerts.forgetRaisedBefore(new Date(now.getTime() - this.cfg.historyMs));
    return outcomes;
  }

  /** Our key pairs' certificates (current, and next during a rollover) and the trust store's CAs. */
  certificates(): CheckedCertificate[] {
    const out: CheckedCertificate[] = [];
    for (const slot of this.identity.slots()) {
      const cert = parseCertificate(slot.credentials.certificate);
      out.push({ role: slot.slot === 'current' ? 'ap-current' : 'ap-next', subject: subjectOf(cert.node.subject), serialNumber: cert.node.serialNumber, sha256: cert.sha256, notAfter: cert.notAfter });
    }
    const anchors = [
      ...this.trust.roots.map((a) => ['trusted-root', a] as const),
      ...this.trust.issuers.ap.map((a) => ['trusted-ap-issuer', a] as const),
      ...this.trust.issuers.smp.map((a) => ['trusted-smp-issuer', a] as const),
    ];
    for (const [role, anchor] of anchors) {
      out.push({ role, subject: subjectOf(anchor.cert.node.subject), serialNumber: anchor.cert.node.serialNumber, sha256: anchor.cert.sha256, notAfter: anchor.cert.notAfter });
    }
    return out;
  }

  private async previousReport(): Promise<{ state: Awaited<ReturnType<ReportingService['view']>>['state']; reason: string | null }> {
    const view = await this.reporting.view(previousPeriod(this.clock.now()).id);
    const failure = view.failure ?? view.tsr?.failure ?? view.eusr?.failure ?? null;
    return { state: view.state, reason: failure ? `${failure.code}: ${failure.message}` : null };
  }

  private async reportOverdueNow(): Promise<boolean> {
    const now = this.clock.now();
    if (!this.reporting.sends() || now.getUTCDate() < this.cfg.reportDeadlineDay) return false;
    return isReportOverdue(now, (await this.previousReport()).state, this.cfg.reportDeadlineDay, true);
  }

  private async backlogs(now: Date): Promise<QueueBacklog[]> {
    const out: QueueBacklog[] = [];
    for (const name of Object.values(QUEUES)) {
      const counts = await this.queue.counts(name);
      const oldest = await this.queue.oldestWaitingAt(name);
      out.push({ queue: name, waiting: counts.waiting + counts.paused, oldestWaitingSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 });
    }
    return out;
  }
}

/** A certificate's subject on one line. */
function subjectOf(subject: string): string {
  return subject.replace(/\n/g, ', ');
}
