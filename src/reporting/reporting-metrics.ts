import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** Peppol Reporting on the process's registry: transmissions recorded, reports sent, the last period sent. */
@Injectable()
export class ReportingMetrics {
  readonly recorded: Counter<'direction'>;
  readonly reports: Counter<'report' | 'outcome'>;
  readonly lastPeriodSent: Gauge;
  /** Reads the latest period sent (YYYYMM, 0 for none) when metrics are scraped; set by the reporting service where it runs. */
  lastPeriodSource?: () => Promise<number>;

  constructor(metrics: MetricsService) {
    this.recorded = new Counter({
      name: 'peppol_ap_reporting_transmissions_recorded_total',
      help: 'Transmissions recorded for Peppol Reporting as they happened, by direction (sending: receipt verified; receiving: stored with our receipt)',
      labelNames: ['direction'] as const,
      registers: [metrics.registry],
    });
    this.reports = new Counter({
      name: 'peppol_ap_reporting_reports_total',
      help: 'TSR and EUSR reports by outcome: submitted (handed to the outbound path), invalid (failed the official rules: never sent)',
      labelNames: ['report', 'outcome'] as const,
      registers: [metrics.registry],
    });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.lastPeriodSent = new Gauge({
      name: 'peppol_ap_reporting_last_period_sent',
      help: 'The latest period (YYYYMM) whose TSR and EUSR both have a verified receipt; 0 when none',
      registers: [metrics.registry],
      async collect() {
        if (!self.lastPeriodSource) return;
        try {
          this.set(await self.lastPeriodSource());
        } catch {
          // The database is away: the last value stays.
        }
      },
    });
  }
}
